"""The weekly recap email: who gets it, claiming it once, sending it, and the unsubscribe link.

Once per person and week: a RecapDelivery row (unique per user and local Monday) is claimed and
committed before the email is sent. A send that raises releases the claim, so the next hourly run
tries again; a process that dies after the claim and before `send()` returned leaves the claim
`sending`, and that recap is not sent again: we prefer a missed recap to a duplicate (at most once).
"""

import logging
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.launch.flags import thrive_circles_enabled

from . import selectors
from .models import NotificationPreferences, RecapDelivery

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "thrive.notifications.unsubscribe.weekly_recap"


def unsubscribe_token(user) -> str:
    """A signed token naming the person; it does not expire (old emails keep working)."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(user.pk))


def user_for_token(token: str):
    """The person a token names; raises signing.BadSignature for a tampered or foreign token."""
    user_id = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    return get_user_model().objects.filter(pk=user_id).first()


def unsubscribe(user) -> None:
    NotificationPreferences.objects.update_or_create(user=user, defaults={"weekly_recap": False})


def site_url() -> str:
    scheme = "https" if settings.SECURE_SSL else "http"
    return f"{scheme}://{settings.THRIVE_SITE_DOMAIN or '127.0.0.1:8000'}"


def build_recap(user, *, week: date, today: date) -> EmailMultiAlternatives:
    content = selectors.recap_content(user, week=week, today=today)
    unsubscribe_url = site_url() + reverse("notifications-unsubscribe", args=[unsubscribe_token(user)])
    context = {**content, "user": user, "unsubscribe_url": unsubscribe_url, "site_url": site_url()}
    message = EmailMultiAlternatives(
        subject=f"Your week in Thrive Circles: {content['xp']} XP",
        body=render_to_string("notifications/recap.txt", context),
        to=[user.email],
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string("notifications/recap.html", context), "text/html")
    return message


def in_launch(user) -> bool:
    """Whether `user` sees Thrive Circles (core/launch): an email about it must not reach others."""
    request = HttpRequest()
    request.user = user
    return thrive_circles_enabled(request)


def claim_recap(user_id: int, week_start: date) -> bool:
    """Claim one person's recap for the week (committed at once); False when already claimed."""
    try:
        with transaction.atomic():
            RecapDelivery.objects.create(user_id=user_id, week_start=week_start)
    except IntegrityError:
        return False
    return True


def send_weekly_recaps(*, now: datetime | None = None) -> int:
    """Send the recap to everyone in the launch whose local time is Monday morning and who has not
    had this week's. Safe to run any number of times (hourly, retried, by two workers). Returns how many
    were sent by this call."""
    now = now or timezone.now()
    users = get_user_model().objects
    sent = 0
    for user_id, local_now in selectors.recap_recipients(now):
        local_monday = local_now.date()
        if RecapDelivery.objects.filter(user_id=user_id, week_start=local_monday).exists():
            continue
        user = users.get(pk=user_id)
        if not in_launch(user) or not claim_recap(user_id, local_monday):
            continue
        try:
            build_recap(user, week=selectors.recap_week(local_now), today=local_monday).send()
        except Exception:
            # Not sent: release the claim so the next hourly run tries again; go on with the others.
            RecapDelivery.objects.filter(user_id=user_id, week_start=local_monday, status=RecapDelivery.Status.SENDING).delete()
            logger.exception("The weekly recap to user %s failed; the next run retries", user_id)
            continue
        RecapDelivery.objects.filter(user_id=user_id, week_start=local_monday).update(
            status=RecapDelivery.Status.SENT, sent_at=timezone.now()
        )
        sent += 1
    return sent

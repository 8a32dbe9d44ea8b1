"""Writes and broadcasts of the live circle.

Everything sent to sockets is sent after the transaction that caused it commits
(`transaction.on_commit`, as Zulip's send_event_on_commit), and payloads come from the serializers
the REST API uses, so the socket and `GET /api/v1/me/thrive-circle/` never disagree.
"""

import logging
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.circles import weeks
from core.circles.models import XPEvent
from core.circles.services import circle_feed_item
from core.circles.signals import send_on_commit as send_signal_on_commit
from core.exceptions import ApplicationError, NotFound

from . import groups, selectors
from .layers import DatabaseChannelLayer
from .signals import kudos_given
from .models import Kudos, Presence

logger = logging.getLogger(__name__)


class OwnEvent(ApplicationError):
    code = "own_event"


def send_to_group(group: str, message: dict) -> None:
    """Send now (callers are already past their commit). Never raises: a lost live message is
    repaired by the page's next poll, while an error here would fail a committed request."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        if isinstance(layer, DatabaseChannelLayer) and layer.group_send_sync(group, message):
            return
        async_to_sync(layer.group_send)(group, message)
    except Exception:
        logger.exception("Sending a live message to %s failed", group)


def send_on_commit(group: str, message: dict) -> None:
    transaction.on_commit(lambda: send_to_group(group, message))


def relay_on_commit(group: str, payload: dict, *, skip_user_ids=()) -> None:
    """After commit, send `payload` exactly as it is to every socket in `group`, except those of
    `skip_user_ids` (people who asked not to see it). The way apps built on core.live reach pages
    without the consumer knowing their message types: `payload` needs a `type` of the app's own."""
    message = {"type": "live.relay", "payload": payload, "skip_user_ids": sorted(set(skip_user_ids))}
    send_on_commit(group, message)


# --- Activity ------------------------------------------------------------------------------------
def announce_activity(event: XPEvent) -> None:
    """Tell the event owner's circle (for the event's week) about a committed XP event.

    Runs after commit (core.circles.signals.xp_recorded). Like the feed, only positive amounts
    are shown to others. The circle gets the shared view; the owner's own pages get their full
    metadata on their user group (and skip the circle's copy).
    """
    if event.amount <= 0:
        return
    circle = selectors.event_circle(event)
    if circle is None:
        return
    message = {"type": "live.activity", "owner_id": event.user_id}
    send_to_group(groups.circle_group(circle.circle_id, circle.week), {**message, "event": circle_feed_item(event, viewer_id=None)})
    send_to_group(groups.user_group(event.user_id), {**message, "event": circle_feed_item(event, viewer_id=event.user_id), "own": True})


# --- Presence ------------------------------------------------------------------------------------
def join_presence(*, user, circle_id, channel_name: str) -> tuple[list[str], bool]:
    """Record an open page; returns (who is online now, whether that list changed)."""
    before = selectors.online_usernames(circle_id)
    Presence.objects.update_or_create(
        channel_name=channel_name, defaults={"user": user, "circle_id": circle_id, "seen_at": timezone.now()}
    )
    after = selectors.online_usernames(circle_id)
    return after, after != before


def leave_presence(*, circle_id, channel_name: str) -> tuple[list[str], bool]:
    before = selectors.online_usernames(circle_id)
    Presence.objects.filter(channel_name=channel_name).delete()
    after = selectors.online_usernames(circle_id)
    return after, after != before


def touch_presence(*, channel_name: str) -> None:
    Presence.objects.filter(channel_name=channel_name).update(seen_at=timezone.now())


def presence_message(online: list[str]) -> dict:
    return {"type": "live.presence", "online": online}


# --- Kudos ---------------------------------------------------------------------------------------
def give_kudos(giver, event_id, *, reaction: str) -> tuple[Kudos, bool]:
    """Give `reaction` to an XP event of the giver's circle this week; returns (kudos, created).

    Idempotent per (event, giver, reaction): a repeat, even a concurrent one, returns the existing
    row (the unique constraint decides). Gives no XP to anyone. The circle hears of a new one live.
    Raises NotFound when the event is not in the giver's circle feed this week, OwnEvent for one's own.
    """
    circle = selectors.membership(giver)
    start, end = weeks.week_bounds(circle.week) if circle else (None, None)
    event = (
        XPEvent.objects.filter(
            pk=event_id,
            amount__gt=0,
            timestamp__gte=start,
            timestamp__lt=end,
            user__thrive_profile__memberships__circle_id=circle.circle_id,
        ).first()
        if circle
        else None
    )
    if event is None:
        raise NotFound("That activity is not in your circle this week.")
    if event.user_id == giver.pk:
        raise OwnEvent("Kudos are for others in your circle, not for your own activity.")
    try:
        with transaction.atomic():
            kudos, created = Kudos.objects.get_or_create(event=event, giver=giver, reaction=reaction)
    except IntegrityError:  # a concurrent identical request won the insert
        kudos, created = Kudos.objects.get(event=event, giver=giver, reaction=reaction), False
    if created:
        send_on_commit(
            groups.circle_group(circle.circle_id, circle.week),
            {"type": "live.kudos", "event_id": str(event.pk), "from": giver.username, "reaction": reaction},
        )
        send_signal_on_commit(kudos_given, kudos=kudos)
    return kudos, created


def seconds_until_reset() -> float:
    return max(0.0, (weeks.next_reset() - timezone.now()).total_seconds())


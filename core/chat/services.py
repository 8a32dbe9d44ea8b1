"""Writes of the circle chat. Every message, sent over HTTP or over the socket, goes through
`send_message`; everything pages see live is sent after commit with the REST serializer's payload
(core.live.services.relay_on_commit)."""

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.circles import weeks
from core.circles.models import ThriveCircle
from core.live import groups
from core.live.services import relay_on_commit

from . import selectors, text, wordfilter
from .exceptions import (
    ChatClosed,
    ChatMuted,
    ChatUnavailable,
    DuplicateMessage,
    InvalidMessage,
    OwnAccount,
    OwnMessage,
    TooManyMessages,
)
from .models import MAX_LENGTH, ChatMessage, ChatMute, ChatReport, ClosedCircleChat, Decision, PersonalMute
from .serializers import RAW_MAX_LENGTH, message_payload

USERNAME = re.compile(r"[\w.@+-]{1,150}")  # Django's UnicodeUsernameValidator, and its length

def chat_circle(user) -> ThriveCircle:
    """The circle whose chat `user` reads and writes. Raises ChatUnavailable (404) when chat is
    off for everyone or the person has no circle this week."""
    if not selectors.chat_enabled():
        raise ChatUnavailable("Chat is not available.")
    circle = selectors.current_circle(user)
    if circle is None:
        raise ChatUnavailable("You have no circle this week, so there is no chat to join.")
    return circle


def _circle_group(circle: ThriveCircle) -> str:
    return groups.circle_group(circle.pk, circle.week_start)


def broadcast_message(message: ChatMessage, *, skip_user_ids=()) -> None:
    relay_on_commit(_circle_group(message.circle), {"type": "chat", "message": message_payload(message)}, skip_user_ids=skip_user_ids)


# --- Sending ---------------------------------------------------------------------------------------
def send_message(author, *, text: str) -> ChatMessage:
    """Store a message in the author's circle chat of this week and send it to the circle live.

    Checks, in order: chat available (404), the circle's chat not turned off (403 chat_closed), the
    author not muted by staff (403 chat_muted), the text (400), the rate limit (429) and duplicate
    suppression (409). The author's user row is locked for the checks and the insert, so two
    concurrent sends cannot both slip under the limit. Listed words are masked, never refused.
    """
    circle = chat_circle(author)
    if selectors.is_closed(circle):
        raise ChatClosed("Chat is turned off for this circle.")
    until = selectors.muted_until(author)
    if until is not None:
        raise ChatMuted(
            f"A moderator muted your chat until {until:%Y-%m-%d %H:%M} UTC.", extra={"muted_until": until.isoformat()}
        )
    cleaned = text_or_error(text)
    now = timezone.now()
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=author.pk).first()
        _check_rate(author, now)
        masked = wordfilter.mask(cleaned)
        _check_duplicate(author, circle, masked, now)
        message = ChatMessage.objects.create(circle=circle, week_start=circle.week_start, author=author, text=masked, created_at=now)
        broadcast_message(message, skip_user_ids=selectors.muter_ids(author))
    return message


def text_or_error(raw) -> str:
    if not isinstance(raw, str):
        raise InvalidMessage("A message is text: send {\"text\": \"...\"}.", code="invalid")
    if len(raw) > RAW_MAX_LENGTH:  # the socket's cap too, before any work on the text
        raise InvalidMessage(f"A message is at most {MAX_LENGTH} characters.", code="message_too_long")
    cleaned = text.clean(raw)
    if not cleaned:
        raise InvalidMessage("A message cannot be empty.", code="empty_message")
    if len(cleaned) > MAX_LENGTH:
        raise InvalidMessage(
            f"A message is at most {MAX_LENGTH} characters; this one has {len(cleaned)}.", code="message_too_long"
        )
    return cleaned


def _check_rate(author, now) -> None:
    window = timedelta(seconds=settings.THRIVE_CHAT_RATE_SECONDS)
    recent = ChatMessage.objects.filter(author=author, created_at__gt=now - window).order_by("-created_at")
    times = list(recent.values_list("created_at", flat=True)[: settings.THRIVE_CHAT_RATE_MESSAGES])
    if len(times) >= settings.THRIVE_CHAT_RATE_MESSAGES:
        wait = max(1, int((times[-1] + window - now).total_seconds()) + 1)
        raise TooManyMessages(
            f"You can send {settings.THRIVE_CHAT_RATE_MESSAGES} messages every {settings.THRIVE_CHAT_RATE_SECONDS} seconds; "
            f"try again in {wait} s.",
            headers={"Retry-After": str(wait)},
            extra={"retry_after": wait},
        )


def _check_duplicate(author, circle, masked: str, now) -> None:
    """The same text (ignoring case and spacing) from the same person within
    THRIVE_CHAT_DUPLICATE_SECONDS is refused. Stored text is masked, so masked text is compared."""
    since = now - timedelta(seconds=settings.THRIVE_CHAT_DUPLICATE_SECONDS)
    fingerprint = text.fingerprint(masked)
    recent = ChatMessage.objects.filter(author=author, circle=circle, created_at__gt=since).values_list("text", flat=True)
    if any(text.fingerprint(earlier) == fingerprint for earlier in recent):
        raise DuplicateMessage("You just sent that message.")


# --- Reports ---------------------------------------------------------------------------------------
def report_message(reporter, message_id: int, *, reason: str) -> tuple[ChatReport, bool]:
    """Report a message of the reporter's circle chat; returns (report, created). A repeat by the
    same person returns the first report. 404 for a message outside their circle this week."""
    circle = chat_circle(reporter)
    message = selectors.message_in_circle(message_id, circle)
    if message is None:
        raise ChatUnavailable("That message is not in your circle's chat.", code="not_found")
    if message.author_id == reporter.pk:
        raise OwnMessage("You cannot report your own message.")
    reason = text.clean(reason)
    if not reason:
        raise InvalidMessage("Say briefly what is wrong with the message.", code="empty_reason")
    try:
        with transaction.atomic():
            return ChatReport.objects.get_or_create(
                message=message,
                reporter=reporter,
                defaults={
                    "reason": reason,
                    "circle": circle,
                    "message_author_id": message.author_id,
                    "message_text": message.text,
                    "message_created_at": message.created_at,
                },
            )
    except IntegrityError:  # a concurrent identical report won the insert
        return ChatReport.objects.get(message=message, reporter=reporter), False


def decide_reports(reports, *, decision: str, by) -> int:
    """Record staff's decision on pending reports; decided ones keep theirs."""
    return ChatReport.objects.filter(pk__in=[r.pk for r in reports], decision=Decision.PENDING).update(
        decision=decision, decided_at=timezone.now(), decided_by=by
    )


# --- Moderation (staff) ------------------------------------------------------------------------------
@transaction.atomic
def hide_message(message: ChatMessage, *, by) -> ChatMessage:
    """Hide a message for everyone (it shows as removed by a moderator, live on open pages).
    Its pending reports are decided as `hidden`. Idempotent."""
    if message.hidden_at is None:
        message.hidden_at, message.hidden_by = timezone.now(), by
        message.save(update_fields=["hidden_at", "hidden_by"])
        broadcast_message(message)
    decide_reports(list(message.reports.all()), decision=Decision.HIDDEN, by=by)
    return message


@transaction.atomic
def unhide_message(message: ChatMessage, *, by) -> ChatMessage:
    if message.hidden_at is not None:
        message.hidden_at, message.hidden_by = None, None
        message.save(update_fields=["hidden_at", "hidden_by"])
        broadcast_message(message, skip_user_ids=selectors.muter_ids(message.author))
    return message


def mute_person(user, *, by, hours: float | None = None, reason: str = "") -> ChatMute:
    """Staff mute `user`'s chat for `hours` (THRIVE_CHAT_MUTE_HOURS by default): they can read, not send."""
    hours = settings.THRIVE_CHAT_MUTE_HOURS if hours is None else hours
    return ChatMute.objects.create(user=user, until=timezone.now() + timedelta(hours=hours), reason=reason, created_by=by)


@transaction.atomic
def hide_and_mute_author(report: ChatReport, *, by) -> ChatReport:
    if report.message is not None:
        hide_message(report.message, by=by)
    if report.message_author is not None:
        mute_person(report.message_author, by=by, reason=f"Report #{report.pk}")
    ChatReport.objects.filter(pk=report.pk).update(decision=Decision.AUTHOR_MUTED, decided_at=timezone.now(), decided_by=by)
    report.refresh_from_db()
    return report


@transaction.atomic
def close_circle_chat(circle: ThriveCircle, *, by, reason: str = "") -> ClosedCircleChat:
    """Turn one circle's chat off: its members still read, nobody sends. Open pages hear it live."""
    closure, created = ClosedCircleChat.objects.get_or_create(circle=circle, defaults={"closed_by": by, "reason": reason})
    if created:
        relay_on_commit(_circle_group(circle), {"type": "chat_status", "status": "closed"})
    return closure


@transaction.atomic
def open_circle_chat(circle: ThriveCircle) -> None:
    deleted, _ = ClosedCircleChat.objects.filter(circle=circle).delete()
    if deleted:
        relay_on_commit(_circle_group(circle), {"type": "chat_status", "status": "open"})


# --- A member's own mutes ------------------------------------------------------------------------
def mute_member(muter, *, username: str) -> tuple[PersonalMute, bool]:
    """Stop seeing a member of one's circle (history and live); only for the muter. Idempotent."""
    circle = chat_circle(muter)
    muted = selectors.find_user(username)
    if muted is None or not selectors.is_member(muted.pk, circle):
        raise ChatUnavailable("There is no member of that name in your circle.", code="not_found")
    if muted.pk == muter.pk:
        raise OwnAccount("You cannot mute yourself.")
    try:
        with transaction.atomic():
            return PersonalMute.objects.get_or_create(muter=muter, muted=muted)
    except IntegrityError:
        return PersonalMute.objects.get(muter=muter, muted=muted), False


def unmute_member(muter, *, username: str) -> None:
    """See a member again. Idempotent: unmuting someone not muted changes nothing. A name no
    account can have (Django's username characters) is a 404 and never reaches the database."""
    chat_circle(muter)
    if not USERNAME.fullmatch(username):
        raise ChatUnavailable("No one of that name is muted.", code="not_found")
    PersonalMute.objects.filter(muter=muter, muted__username=username).delete()


# --- Retention -------------------------------------------------------------------------------------
def delete_expired_messages(*, now=None) -> int:
    """Delete messages THRIVE_CHAT_RETENTION_DAYS after the end of their week. Reports stay, with
    their copy of the reported text and their decision (their link to the message becomes empty)."""
    now = now or timezone.now()
    # A week ends 7 days after it starts: its messages go once its end is RETENTION_DAYS old.
    last_expired_start = weeks.week_start_for(now - timedelta(days=settings.THRIVE_CHAT_RETENTION_DAYS)) - timedelta(days=7)
    _, per_model = ChatMessage.objects.filter(week_start__lte=last_expired_start).delete()
    return per_model.get(ChatMessage._meta.label, 0)

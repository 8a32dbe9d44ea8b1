"""Reads of the circle chat. A person reads only the chat of their own circle of the running week."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.circles import weeks
from core.circles.models import ThriveCircle

from .models import ChatMessage, ChatMute, ClosedCircleChat, PersonalMute



def chat_enabled() -> bool:
    return settings.THRIVE_CHAT_ENABLED


def current_circle(user) -> ThriveCircle | None:
    """The circle `user` sits in this week (its chat is the only one they read or write)."""
    week = weeks.current_week_start()
    return ThriveCircle.objects.filter(memberships__profile__user=user, memberships__week_start=week).first()


def is_member(user_id: int, circle: ThriveCircle) -> bool:
    return circle.memberships.filter(profile__user_id=user_id, week_start=circle.week_start).exists()


def is_closed(circle: ThriveCircle) -> bool:
    return ClosedCircleChat.objects.filter(circle=circle).exists()


def muted_until(user) -> "timezone.datetime | None":
    """The end of the longest staff mute running now, if any."""
    mute = ChatMute.objects.filter(user=user, until__gt=timezone.now()).order_by("-until").first()
    return mute.until if mute else None


def muted_user_ids(viewer) -> list[int]:
    """Whom `viewer` chose not to see."""
    return list(PersonalMute.objects.filter(muter=viewer).values_list("muted_id", flat=True))


def muted_usernames(viewer) -> list[str]:
    return sorted(PersonalMute.objects.filter(muter=viewer).values_list("muted__username", flat=True))


def muter_ids(author) -> list[int]:
    """Who chose not to see `author`: their sockets skip the author's messages."""
    return list(PersonalMute.objects.filter(muted=author).values_list("muter_id", flat=True))


def history(viewer, circle: ThriveCircle, *, limit: int, before_id: int | None = None) -> list[ChatMessage]:
    """The circle's messages newest first, without those of people the viewer muted; at most `limit`."""
    messages = ChatMessage.objects.filter(circle=circle).exclude(author_id__in=muted_user_ids(viewer))
    if before_id is not None:
        messages = messages.filter(id__lt=before_id)
    return list(messages.select_related("author").order_by("-id")[:limit])


def message_in_circle(message_id: int, circle: ThriveCircle) -> ChatMessage | None:
    return ChatMessage.objects.filter(pk=message_id, circle=circle).select_related("author").first()


def surrounding(message: ChatMessage, *, each_side: int = 5) -> list[ChatMessage]:
    """The reported message with up to `each_side` messages before and after it, oldest first."""
    same_circle = ChatMessage.objects.filter(circle_id=message.circle_id).select_related("author")
    before = list(same_circle.filter(id__lt=message.pk).order_by("-id")[:each_side])
    after = list(same_circle.filter(id__gt=message.pk).order_by("id")[:each_side])
    return [*reversed(before), message, *after]


def find_user(username: str):
    return get_user_model().objects.filter(username=username).first()

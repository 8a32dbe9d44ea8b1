"""Reads for the live circle: whose circle a socket joins, who is online, the reactions of a feed."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpRequest, QueryDict
from django.utils import timezone

from core.circles import weeks
from core.circles.models import CircleMembership, XPEvent
from core.launch.flags import thrive_circles_enabled

from .models import Kudos, Presence, Reaction

REACTION_ORDER = {key: index for index, key in enumerate(Reaction.values)}


@dataclass(frozen=True)
class Membership:
    circle_id: object  # the circle's UUID
    week: date


def in_launch(user, cookies: dict[str, str]) -> bool:
    """The launch flag for a socket's user, decided as for their HTTP requests (core/launch/flags.py)."""
    request = HttpRequest()
    request.user = user
    request.COOKIES = dict(cookies)
    request.GET = QueryDict()
    return thrive_circles_enabled(request)


def membership(user) -> Membership | None:
    """The circle of the running week that `user` sits in, if any (next week's circle, seated
    before the reset, is not joined until the reset)."""
    week = weeks.current_week_start()
    circle_id = CircleMembership.objects.filter(profile__user=user, week_start=week).values_list("circle_id", flat=True).first()
    return Membership(circle_id, week) if circle_id else None


def event_circle(event: XPEvent) -> Membership | None:
    """The circle whose feed shows `event`: its owner's circle of the event's own week."""
    week = weeks.week_start_for(event.timestamp)
    circle_id = (
        CircleMembership.objects.filter(profile__user_id=event.user_id, week_start=week).values_list("circle_id", flat=True).first()
    )
    return Membership(circle_id, week) if circle_id else None


def online_usernames(circle_id) -> list[str]:
    """Members with the circle's page open now, alphabetically: an order that ranks no one."""
    fresh = timezone.now() - timedelta(seconds=settings.LIVE_PRESENCE_STALE_SECONDS)
    names = Presence.objects.filter(circle_id=circle_id, seen_at__gte=fresh).values_list("user__username", flat=True)
    return sorted(set(names))


def reactions_by_event(event_ids, *, viewer_id: int) -> dict[str, list[dict]]:
    """{event id: [{"key", "count", "mine"}]} in the fixed order of the reactions; one query."""
    rows = (
        Kudos.objects.filter(event_id__in=list(event_ids))
        .values("event_id", "reaction")
        .annotate(count=Count("id"), mine=Count("id", filter=Q(giver_id=viewer_id)))
        .order_by()
    )
    result: dict[str, list[dict]] = {}
    for row in rows:
        result.setdefault(str(row["event_id"]), []).append(
            {"key": row["reaction"], "count": row["count"], "mine": row["mine"] > 0}
        )
    for reactions in result.values():
        reactions.sort(key=lambda r: REACTION_ORDER[r["key"]])
    return result


def feed_reactions(sender, *, event_ids, viewer_id, **kwargs) -> dict[str, list[dict]]:
    """Receiver of core.circles.signals.feed_reactions_requested: the page feed's kudos."""
    return reactions_by_event(event_ids, viewer_id=viewer_id)

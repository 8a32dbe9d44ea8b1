"""Reads of the page (and of jobs that show the same things). They own their joins, so callers cannot N+1."""

from datetime import datetime

from django.core.cache import cache
from django.db.models import OuterRef, Q, Subquery

from .. import weeks
from ..ledger.levels import level_by_id
from ..models import CircleMembership, ThriveCircle, UserThriveProfile, XPEvent

CIRCLE_CACHE_SECONDS = 8 * 24 * 3600  # a circle outlives its week by a day at most on the page


def circle_members(circle: ThriveCircle | None, *, limit: int = 30) -> list[UserThriveProfile]:
    """A circle's members, most recently active first: never ordered by XP."""
    if circle is None:
        return []
    members = UserThriveProfile.objects.filter(memberships__circle=circle).select_related("user", "current_level")
    return list(members.order_by("-last_activity_at", "pk")[:limit])


def circle_activity(
    circle: ThriveCircle | None, *, limit: int = 20, before: tuple[datetime, str] | None = None
) -> list[XPEvent]:
    """XP the circle's members earned during the circle's own week, newest first; with `before`
    ((timestamp, id) of the last item already shown), the items after it ("Show more").

    Only positive amounts: an award the fair-play rules refused (0 XP) or a correction after
    a spike review (negative) stays in the person's own history and is never shown to others.
    """
    if circle is None:
        return []
    start, end = weeks.week_bounds(circle.week_start)
    events = XPEvent.objects.filter(
        user__thrive_profile__memberships__circle=circle, timestamp__gte=start, timestamp__lt=end, amount__gt=0
    )
    if before is not None:
        timestamp, event_id = before
        events = events.filter(Q(timestamp__lt=timestamp) | Q(timestamp=timestamp, id__lt=event_id))
    return list(events.select_related("user").order_by("-timestamp", "-id")[:limit])


def circle_feed_event(circle: ThriveCircle | None, event_id) -> XPEvent | None:
    """An item of the circle's feed by id (None when it is not one): where "Show more" continues from."""
    if circle is None:
        return None
    start, end = weeks.week_bounds(circle.week_start)
    return XPEvent.objects.filter(
        pk=event_id, user__thrive_profile__memberships__circle=circle, timestamp__gte=start, timestamp__lt=end
    ).first()


def xp_history(user, *, limit: int, before: tuple[datetime, str] | None = None) -> list[XPEvent]:
    """A user's own events, newest first; `before` = (timestamp, id) of the last event already seen."""
    events = XPEvent.objects.filter(user=user).select_related("user")
    if before is not None:
        timestamp, event_id = before
        events = events.filter(Q(timestamp__lt=timestamp) | Q(timestamp=timestamp, id__lt=event_id))
    return list(events.order_by("-timestamp", "-id")[:limit])


def profile_for_page(user, week) -> UserThriveProfile | None:
    """The viewer's profile, in one query, with `circle`: their circle of `week`, else their latest
    earlier one (the page shows it as ended). A circle built ahead for a later week is not theirs
    until its week starts. Levels and circles come from caches (circles never change but for
    their stored member count, which the page does not read)."""
    latest = (
        CircleMembership.objects.filter(profile=OuterRef("pk"), week_start__lte=week)
        .order_by("-week_start")
        .values("circle_id")[:1]
    )
    profile = UserThriveProfile.objects.annotate(page_circle_id=Subquery(latest)).filter(user=user).order_by().first()
    if profile is None:
        return None
    profile.user = user
    profile.current_level = level_by_id(profile.current_level_id)
    profile.circle = _circle(profile.page_circle_id) if profile.page_circle_id else None
    return profile


def _circle(circle_id) -> ThriveCircle:
    circle = cache.get_or_set(f"thrive-circle:{circle_id}", lambda: ThriveCircle.objects.get(pk=circle_id), CIRCLE_CACHE_SECONDS)
    circle.level = level_by_id(circle.level_id)
    return circle

"""Reads of notifications: the bell's list, opt-outs, and who is due a nudge or a recap now."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db.models import Sum

from core.circles import weeks
from core.circles.models import ThriveCircleLevel, UserThriveProfile, XPEvent, XPSource
from core.points.selectors import login_streak
from core.together import selectors as together
from core.users.zones import zone_of

from .kinds import PREFERENCE_FIELDS
from .models import Notification, NotificationPreferences

# The person's local evening (streak at risk) and Monday morning (the recap): [start, end) hours.
EVENING_HOURS = (19, 23)
MONDAY_MORNING_HOURS = (7, 12)


def notifications_for(user, *, limit: int, cursor: int | None = None) -> list[Notification]:
    """The person's notifications, newest first; `cursor` (an id) continues after that one."""
    rows = Notification.objects.filter(user=user)
    if cursor is not None:
        rows = rows.filter(pk__lt=cursor)
    return list(rows.order_by("-pk")[:limit])


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def preferences_of(user) -> dict[str, bool]:
    """Every preference, on unless the person turned it off."""
    row = NotificationPreferences.objects.filter(user=user).values(*PREFERENCE_FIELDS).first()
    return row or {field: True for field in PREFERENCE_FIELDS}


def opted_out(user_ids, field: str) -> set[int]:
    """Those of `user_ids` who turned `field` off."""
    return set(
        NotificationPreferences.objects.filter(user_id__in=list(user_ids), **{field: False}).values_list("user_id", flat=True)
    )


@dataclass(frozen=True)
class Nudge:
    user_id: int
    local_date: date
    streak: int


def _zones_at(names, now: datetime, hours: tuple[int, int], *, weekday: int | None = None):
    """(stored zone name, local now) for each zone whose local time is within `hours` (and on `weekday`)."""
    for name in names:
        local = now.astimezone(zone_of(_Zoned(name)))
        if hours[0] <= local.hour < hours[1] and (weekday is None or local.weekday() == weekday):
            yield name, local


@dataclass(frozen=True)
class _Zoned:
    time_zone: str


def people_to_nudge(now: datetime) -> list[Nudge]:
    """Who should hear "your streak is at risk" now: active people whose local time is evening,
    whose login streak is at least 2 and alive (they came yesterday, their day) and who have not
    come today (their day).

    The one place that decides who is nudged. Nobody resting this week is (issue 17: a rest week
    sends no nudges).
    """
    # A streak alive anywhere on earth was last counted within two UTC days of now.
    recent = (now.astimezone(ZoneInfo("UTC")).date() - timedelta(days=2))
    people = get_user_model().objects.filter(is_active=True, current_streak__gte=2, last_login_date__gte=recent).exclude(
        resting_week=weeks.week_start_for(now), rest_ended_on__isnull=True
    )
    nudges = []
    for name, local in _zones_at(people.values_list("time_zone", flat=True).distinct(), now, EVENING_HOURS):
        yesterday = local.date() - timedelta(days=1)
        for user_id, streak in people.filter(time_zone=name, last_login_date=yesterday).values_list("pk", "current_streak"):
            nudges.append(Nudge(user_id, local.date(), streak))
    return nudges


def recap_recipients(now: datetime) -> list[tuple[int, datetime]]:
    """(user id, their local time now) for active people with an email, in their local Monday
    morning, who did not turn the weekly recap off."""
    people = get_user_model().objects.filter(is_active=True).exclude(email="").exclude(notification_preferences__weekly_recap=False)
    due = []
    for name, local in _zones_at(people.values_list("time_zone", flat=True).distinct(), now, MONDAY_MORNING_HOURS, weekday=0):
        due.extend((user_id, local) for user_id in people.filter(time_zone=name).values_list("pk", flat=True))
    return due


def recap_week(local_now: datetime) -> date:
    """The circle week a recap sent on a local Monday morning is about: the one that held the
    person's Sunday (at noon, their time). Circle weeks are one shared moment, so far east of the
    platform's zone the week may still have a few hours to go; everyone gets the same week."""
    sunday_noon = datetime.combine(local_now.date() - timedelta(days=1), time(12), tzinfo=local_now.tzinfo)
    return weeks.week_start_for(sunday_noon)


def recap_content(user, *, week: date, today: date) -> dict:
    """What the weekly recap says about `week`: the person's XP, streak, level progress, and their
    circle's week and goal (None without a circle that week)."""
    start, end = weeks.week_bounds(week)
    xp = XPEvent.objects.filter(user=user, timestamp__gte=start, timestamp__lt=end).aggregate(xp=Sum("amount"))["xp"] or 0
    profile = UserThriveProfile.objects.select_related("current_level").filter(user=user).first()
    level = None
    if profile is not None:
        following = ThriveCircleLevel.objects.filter(min_xp__gt=profile.total_xp).order_by("min_xp").first()
        level = {
            "name": profile.current_level.name,
            "total_xp": profile.total_xp,
            "next_name": following.name if following else None,
            "xp_to_next": following.min_xp - profile.total_xp if following else 0,
        }
    circle = together.circle_of(user.pk, week)
    circle_part = None
    if circle is not None:
        totals = together.week_totals(together.member_ids(circle), week)
        popular = totals["most_popular_activity"]
        circle_part = {
            "name": circle.name,
            **totals,
            # Said in words: "Quiz", not the stored key "quiz".
            "most_popular_activity": dict(XPSource.choices).get(popular, popular) if popular else None,
            "goal": together.week_goal(circle),
        }
    return {
        "week_start": week,
        "week_end": week + timedelta(days=6),
        "xp": xp,
        "streak": login_streak(user, today=today)["current_streak"],
        "level": level,
        "circle": circle_part,
    }

"""Reads for growing together: a circle's goal target and progress, and its week against its last."""

import math
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q, Sum

from core.circles.models import CircleMembership, ThriveCircle, XPDay

from .models import CircleGoal


def member_ids(circle: ThriveCircle) -> list[int]:
    return list(CircleMembership.objects.filter(circle=circle).values_list("profile__user_id", flat=True))


def _days(user_ids, week: date):
    """The people's XP tally rows of a circle week (core/circles XPDay: it equals their events
    with XP). An award reads a circle's progress: a few rows per member, not every event of the
    week, which grew with the week and slowed every award (bench/load_test.py)."""
    return XPDay.objects.filter(user_id__in=user_ids, week=week)


def goal_target(circle: ThriveCircle) -> int:
    """The circle's weekly goal (docs/realtime.md, "The circle goal"):

        target = max(THRIVE_GOAL_MIN_XP_PER_MEMBER x members,
                     THRIVE_GOAL_STRETCH x the members' average weekly XP over the previous
                     THRIVE_GOAL_LOOKBACK_WEEKS weeks, rounded up to a multiple of 10)

    A little more than the same people usually earn together: reachable, but only together.
    """
    members = member_ids(circle)
    lookback = settings.THRIVE_GOAL_LOOKBACK_WEEKS
    past = XPDay.objects.filter(
        user_id__in=members, week__gte=circle.week_start - timedelta(weeks=lookback), week__lt=circle.week_start
    )
    weekly = (past.aggregate(total=Sum("xp"))["total"] or 0) / lookback
    stretch = math.ceil(settings.THRIVE_GOAL_STRETCH * weekly / 10) * 10
    return max(settings.THRIVE_GOAL_MIN_XP_PER_MEMBER * len(members), stretch, 10)


def week_totals(user_ids, week: date) -> dict:
    """XP together, people active and the most popular activity (by events; ties by name)."""
    days = _days(user_ids, week)
    totals = days.aggregate(total=Sum("xp"), people=Count("user_id", distinct=True))
    top = days.values("source").annotate(n=Sum("events")).order_by("-n", "source").first()
    return {
        "xp_together": totals["total"] or 0,
        "people_active": totals["people"] or 0,
        "most_popular_activity": top["source"] if top else None,
    }


def circle_progress(circle: ThriveCircle, *, viewer_id: int | None = None) -> tuple[int, int]:
    """(XP the circle's members earned this circle week, the viewer's part of it)."""
    totals = _days(member_ids(circle), circle.week_start).aggregate(
        total=Sum("xp"), mine=Sum("xp", filter=Q(user_id=viewer_id))
    )
    return totals["total"] or 0, totals["mine"] or 0


def earners(circle: ThriveCircle) -> list[int]:
    """Members who earned XP in the circle's week, by id (the order bonuses are paid in)."""
    return sorted(set(_days(member_ids(circle), circle.week_start).values_list("user_id", flat=True)))


def circle_of(user_id: int, week: date) -> ThriveCircle | None:
    seat = CircleMembership.objects.select_related("circle").filter(profile__user_id=user_id, week_start=week).first()
    return seat.circle if seat else None


def week_goal(circle: ThriveCircle) -> dict | None:
    """The circle's goal for its week as other apps show it (None if it was never fixed)."""
    goal = CircleGoal.objects.filter(circle=circle).first()
    if goal is None:
        return None
    progress, _ = circle_progress(circle)
    return {"target_xp": goal.target_xp, "progress_xp": progress, "reached": goal.reached_at is not None}

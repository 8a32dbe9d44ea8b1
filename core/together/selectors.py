"""Reads for growing together: a circle's goal target and progress, and its week against its last."""

import math
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q, Sum

from core.circles import weeks
from core.circles.models import CircleMembership, ThriveCircle, XPEvent

from .models import CircleGoal


def member_ids(circle: ThriveCircle) -> list[int]:
    return list(CircleMembership.objects.filter(circle=circle).values_list("profile__user_id", flat=True))


def _events(user_ids, week: date):
    start, end = weeks.week_bounds(week)
    return XPEvent.objects.filter(user_id__in=user_ids, timestamp__gte=start, timestamp__lt=end, amount__gt=0)


def goal_target(circle: ThriveCircle) -> int:
    """The circle's weekly goal (docs/realtime.md, "The circle goal"):

        target = max(THRIVE_GOAL_MIN_XP_PER_MEMBER x members,
                     THRIVE_GOAL_STRETCH x the members' average weekly XP over the previous
                     THRIVE_GOAL_LOOKBACK_WEEKS weeks, rounded up to a multiple of 10)

    A little more than the same people usually earn together: reachable, but only together.
    """
    members = member_ids(circle)
    lookback = settings.THRIVE_GOAL_LOOKBACK_WEEKS
    start = weeks.week_bounds(circle.week_start - timedelta(weeks=lookback))[0]
    end = weeks.week_bounds(circle.week_start)[0]
    past = XPEvent.objects.filter(user_id__in=members, timestamp__gte=start, timestamp__lt=end, amount__gt=0)
    weekly = (past.aggregate(xp=Sum("amount"))["xp"] or 0) / lookback
    stretch = math.ceil(settings.THRIVE_GOAL_STRETCH * weekly / 10) * 10
    return max(settings.THRIVE_GOAL_MIN_XP_PER_MEMBER * len(members), stretch, 10)


def week_totals(user_ids, week: date) -> dict:
    """XP together, people active and the most popular activity (by events; ties by name)."""
    events = _events(user_ids, week)
    totals = events.aggregate(xp=Sum("amount"), people=Count("user_id", distinct=True))
    top = events.values("source").annotate(n=Count("id")).order_by("-n", "source").first()
    return {
        "xp_together": totals["xp"] or 0,
        "people_active": totals["people"] or 0,
        "most_popular_activity": top["source"] if top else None,
    }


def circle_progress(circle: ThriveCircle, *, viewer_id: int | None = None) -> tuple[int, int]:
    """(XP the circle's members earned this circle week, the viewer's part of it)."""
    totals = _events(member_ids(circle), circle.week_start).aggregate(
        xp=Sum("amount"), mine=Sum("amount", filter=Q(user_id=viewer_id))
    )
    return totals["xp"] or 0, totals["mine"] or 0


def earners(circle: ThriveCircle) -> list[int]:
    """Members who earned XP in the circle's week, by id (the order bonuses are paid in)."""
    return sorted(set(_events(member_ids(circle), circle.week_start).values_list("user_id", flat=True)))


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

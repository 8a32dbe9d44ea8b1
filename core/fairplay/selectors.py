"""Reads for fair play: today's use of an activity, and a person's XP per week."""

from datetime import datetime, timedelta

from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce

from core.circles import weeks
from core.circles.models import XPEvent
from core.points.models import FairPlayLimit, PointsHistory

from .limits import Usage


def usage_today(user, activity_type: str, *, now: datetime, cooldown_seconds: int = 0) -> Usage:
    """One aggregate over the user's awards of the activity since midnight (or the cooldown, if earlier).

    Cooldown refusals are not counted as repeats, and the cooldown runs from the last award
    that was not itself refused, so a stream of too-quick retries still earns now and then.
    """
    midnight = weeks.day_start(now)
    since = min(midnight, now - timedelta(seconds=cooldown_seconds))
    counted = ~Q(fair_play_rule=FairPlayLimit.COOLDOWN)
    today = Q(created_at__gte=midnight)
    row = PointsHistory.objects.filter(
        user=user, activity_type=activity_type, created_at__gte=since, created_at__lte=now
    ).aggregate(
        repeats=Count("id", filter=counted & today),
        xp=Coalesce(Sum("points_awarded", filter=today), 0),
        last=Max("created_at", filter=counted),
    )
    last = row["last"]
    return Usage(
        repeats_today=row["repeats"],
        xp_today=row["xp"],
        seconds_since_last=(now - last).total_seconds() if last else None,
    )


def weekly_xp_before(user_ids, week, *, lookback: int) -> dict[int, list[int]]:
    """XP of each of the `lookback` weeks before `week`, oldest first, per user (0 for a week without XP).

    One grouped query with a conditional sum per week, whatever the number of users.
    """
    starts = [week - timedelta(days=7 * n) for n in range(lookback, 0, -1)]
    bounds = [weeks.week_bounds(start) for start in starts]
    sums = {
        f"w{i}": Coalesce(Sum("amount", filter=Q(timestamp__gte=lo, timestamp__lt=hi)), 0)
        for i, (lo, hi) in enumerate(bounds)
    }
    rows = (
        XPEvent.objects.filter(user_id__in=user_ids, timestamp__gte=bounds[0][0], timestamp__lt=bounds[-1][1])
        .values("user_id")
        .annotate(**sums)
        .order_by()
    )
    found = {row["user_id"]: [row[f"w{i}"] for i in range(lookback)] for row in rows}
    return {user_id: found.get(user_id, [0] * lookback) for user_id in user_ids}


def week_xp(user_id: int, week) -> int:
    start, end = weeks.week_bounds(week)
    return XPEvent.objects.filter(user_id=user_id, timestamp__gte=start, timestamp__lt=end).aggregate(
        xp=Coalesce(Sum("amount"), 0)
    )["xp"]


def weeks_above(floor: int, week) -> dict[int, int]:
    """{user_id: XP in `week`} for everyone whose XP that week is above `floor` (few people)."""
    start, end = weeks.week_bounds(week)
    return dict(
        XPEvent.objects.filter(timestamp__gte=start, timestamp__lt=end)
        .values("user_id")
        .annotate(xp=Sum("amount"))
        .filter(xp__gt=floor)
        .order_by()
        .values_list("user_id", "xp")
    )

"""The plan's success metrics for one circle week, computed with aggregate queries only.

Whatever the number of people, a week costs the same handful of queries (no loop over users):
COUNT(DISTINCT), conditional SUMs and one grouped statement for the levels. Definitions are in
docs/kpis.md; `compute_week` is the single source of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Case, Count, IntegerField, Max, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.circles import weeks
from core.circles.models import ThriveCircleLevel, UserThriveProfile, XPEvent
from core.fairplay.models import SpikeReview
from core.points.models import ActivityType, FairPlayLimit, PointsHistory

from .models import Feature, FeatureView, PageTime

# Signing in and streak bonuses make someone active, but they are not activities completed.
NOT_ACTIVITIES = (ActivityType.DAILY_LOGIN, ActivityType.WEEK_STREAK, ActivityType.MONTH_STREAK)


@dataclass
class LevelCount:
    level: str
    order: int
    users: int


@dataclass
class WeekMetrics:
    week_start: date
    week_end: date
    is_complete: bool
    registered_users: int  # accounts that existed by the week's end
    active_users: int  # people with at least one award (a sign-in counts)
    active_share: float | None
    xp_total: int  # net XP of every event in the week (corrections included)
    avg_xp_per_active_user: float | None
    activities: int  # quizzes, battles, projects, achievements (not sign-ins, streaks or cooldown refusals)
    activities_per_active_user: float | None
    previous_active_users: int
    retained_users: int  # active in the week before and in this one
    retention: float | None  # retained / previous active
    page_views: int
    page_viewers: int
    feed_views: int
    feed_viewers: int
    previous_page_viewers: int  # people who opened Your Thrive Circle in the week before
    returning_page_viewers: int  # opened it in the week before and again in this one
    page_return_rate: float | None  # returning / previous page viewers
    page_time_visitors: int  # people whose page reported visible time this week
    median_page_minutes: float | None  # median of their weekly visible minutes
    level_ups: int  # people whose level at the week's end is above their level at its start
    limited_awards: int  # awards a fair-play rule reduced or refused
    spike_flags: int  # weeks flagged for review
    level_distribution: list[LevelCount] = field(default_factory=list)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["week_start"], data["week_end"] = self.week_start.isoformat(), self.week_end.isoformat()
        return data


def _ratio(numerator: float, denominator: int, digits: int) -> float | None:
    return round(numerator / denominator, digits) if denominator else None


def compute_week(week_start: date, *, now: datetime | None = None) -> WeekMetrics:
    """The metrics of the circle week starting `week_start` (a Monday). Ten queries."""
    now = now or timezone.now()
    start, end = weeks.week_bounds(week_start)
    previous_start, _ = weeks.week_bounds(week_start - timedelta(days=7))
    in_week = Q(created_at__gte=start, created_at__lt=end)

    registered = get_user_model().objects.filter(date_joined__lt=end).count()
    awards = PointsHistory.objects.filter(in_week).aggregate(
        activities=Count(
            "id", filter=~Q(activity_type__in=NOT_ACTIVITIES) & ~Q(fair_play_rule=FairPlayLimit.COOLDOWN)
        ),
        limited=Count("id", filter=~Q(fair_play_rule=FairPlayLimit.NONE)),
    )
    people = _active_people(previous_start, start, end)
    xp = XPEvent.objects.filter(timestamp__gte=start, timestamp__lt=end).aggregate(total=Coalesce(Sum("amount"), 0))["total"]
    views = {
        row["feature"]: row
        for row in FeatureView.objects.filter(day__gte=week_start, day__lt=week_start + timedelta(days=7))
        .values("feature")
        .annotate(views=Sum("count"), viewers=Count("user", distinct=True))
        .order_by()
    }
    viewers = _returning_viewers(week_start)
    time_visitors, median_seconds = _median_page_seconds(week_start)
    level_ups, distribution = _levels(start, end)
    active = people["active"] or 0
    page, feed = views.get(Feature.THRIVE_CIRCLE_PAGE, {}), views.get(Feature.ACTIVITY_FEED, {})
    return WeekMetrics(
        week_start=week_start,
        week_end=week_start + timedelta(days=6),
        is_complete=end <= now,
        registered_users=registered,
        active_users=active,
        active_share=_ratio(active, registered, 4),
        xp_total=xp,
        avg_xp_per_active_user=_ratio(xp, active, 1),
        activities=awards["activities"],
        activities_per_active_user=_ratio(awards["activities"], active, 2),
        previous_active_users=people["previous"] or 0,
        retained_users=people["retained"],
        retention=_ratio(people["retained"], people["previous"] or 0, 4),
        page_views=page.get("views", 0),
        page_viewers=page.get("viewers", 0),
        feed_views=feed.get("views", 0),
        feed_viewers=feed.get("viewers", 0),
        previous_page_viewers=viewers["previous"] or 0,
        returning_page_viewers=viewers["returning"],
        page_return_rate=_ratio(viewers["returning"], viewers["previous"] or 0, 4),
        page_time_visitors=time_visitors,
        median_page_minutes=None if median_seconds is None else round(median_seconds / 60, 1),
        level_ups=level_ups,
        limited_awards=awards["limited"],
        spike_flags=SpikeReview.objects.filter(week_start=week_start).count(),
        level_distribution=distribution,
    )


def _active_people(previous_start: datetime, start: datetime, end: datetime) -> dict:
    """Active this week, active the week before, and both, in one pass over two weeks of awards.

    Grouped by person, then summed: a plain scan and one hash aggregate. (An `IN (subquery)`
    filter inside COUNT(DISTINCT) instead degrades to a per-row subplan on a large community.)
    """
    def flag(condition: Q):
        return Max(Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()))

    per_person = (
        PointsHistory.objects.filter(created_at__gte=previous_start, created_at__lt=end)
        .values("user_id")
        .annotate(this_week=flag(Q(created_at__gte=start)), week_before=flag(Q(created_at__lt=start)))
        .order_by()
    )
    return per_person.aggregate(
        active=Sum("this_week"),
        previous=Sum("week_before"),
        retained=Count("user_id", filter=Q(this_week=1, week_before=1)),
    )


def _returning_viewers(week_start: date) -> dict:
    """Of the people who opened Your Thrive Circle in the week before, how many opened it again in
    this one: counted from the page's own view rows (FeatureView), one grouped statement."""
    def flag(condition: Q):
        return Max(Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()))

    per_person = (
        FeatureView.objects.filter(
            feature=Feature.THRIVE_CIRCLE_PAGE, day__gte=week_start - timedelta(days=7), day__lt=week_start + timedelta(days=7)
        )
        .values("user_id")
        .annotate(this_week=flag(Q(day__gte=week_start)), week_before=flag(Q(day__lt=week_start)))
        .order_by()
    )
    return per_person.aggregate(previous=Sum("week_before"), returning=Count("user_id", filter=Q(this_week=1, week_before=1)))


def _median_page_seconds(week_start: date) -> tuple[int, float | None]:
    """(visitors, median seconds) of the week's page-time rows, in one statement on both databases.

    The middle row (odd count) or the two middle rows (even count) by window functions; their
    average is the median. Every row holds at least one reported second.
    """
    table = PageTime._meta.db_table
    sql = f"""
        SELECT r.seconds, r.n FROM (
            SELECT seconds, ROW_NUMBER() OVER (ORDER BY seconds) AS rn, COUNT(*) OVER () AS n
            FROM {table} WHERE week_start = %s
        ) r
        WHERE r.rn IN ((r.n + 1) / 2, (r.n + 2) / 2)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [connection.ops.adapt_datefield_value(week_start)])
        rows = cursor.fetchall()
    if not rows:
        return 0, None
    return int(rows[0][1]), sum(int(seconds) for seconds, _ in rows) / len(rows)


def _level_case(column: str, levels: list[ThriveCircleLevel]) -> tuple[str, list]:
    """SQL: the order of the highest level whose min_xp <= column (the lowest level below all)."""
    by_xp = sorted(levels, key=lambda level: -level.min_xp)
    whens = " ".join(f"WHEN {column} >= %s THEN %s" for _ in by_xp[:-1])
    params = [value for level in by_xp[:-1] for value in (level.min_xp, level.order)]
    return f"CASE {whens} ELSE %s END", [*params, by_xp[-1].order]


def _levels(start: datetime, end: datetime) -> tuple[int, list[LevelCount]]:
    """Everyone's level at the week's start and end, from total XP minus the XP earned since.

    total_xp always equals the sum of the person's events (XPService keeps that invariant), so
    XP at a moment = total_xp - the events after it: only events since the week's start are read.
    One statement groups people with a Thrive profile who had joined by the week's end by their
    level at the end, counting those whose level rose during the week.
    """
    levels = list(ThriveCircleLevel.objects.order_by("order"))
    if not levels:
        return 0, []
    profile, event = UserThriveProfile._meta.db_table, XPEvent._meta.db_table
    user = get_user_model()._meta.db_table
    end_case, end_params = _level_case("x.xp_end", levels)
    start_case, start_params = _level_case("x.xp_start", levels)
    ops = connection.ops
    sql = f"""
        SELECT y.lvl_end, SUM(CASE WHEN y.lvl_end > y.lvl_start THEN 1 ELSE 0 END), COUNT(*)
        FROM (
            SELECT {end_case} AS lvl_end, {start_case} AS lvl_start
            FROM (
                SELECT p.total_xp - COALESCE(a.after_end, 0) AS xp_end,
                       p.total_xp - COALESCE(a.after_start, 0) AS xp_start
                FROM {profile} p
                JOIN {user} u ON u.id = p.user_id
                LEFT JOIN (
                    SELECT e.user_id, SUM(e.amount) AS after_start,
                           SUM(CASE WHEN e.timestamp >= %s THEN e.amount ELSE 0 END) AS after_end
                    FROM {event} e WHERE e.timestamp >= %s GROUP BY e.user_id
                ) a ON a.user_id = p.user_id
                WHERE u.date_joined < %s
            ) x
        ) y
        GROUP BY y.lvl_end
    """
    moment = ops.adapt_datetimefield_value
    params = [*end_params, *start_params, moment(end), moment(start), moment(end)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = {order: (ups, users) for order, ups, users in cursor.fetchall()}
    distribution = [LevelCount(level.name, level.order, int(rows.get(level.order, (0, 0))[1])) for level in levels]
    return int(sum(ups for ups, _ in rows.values())), distribution


def week_starts(count: int, *, now: datetime | None = None) -> list[date]:
    """The last `count` circle weeks, oldest first, ending with the running one."""
    running = weeks.week_start_for(now or timezone.now())
    return [running - timedelta(days=7 * back) for back in range(count - 1, -1, -1)]

"""Writes for insights: feature views, time on the page, and weekly KPI snapshots (a cache of finished weeks)."""

from dataclasses import fields
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Least
from django.utils import timezone

from core.circles import weeks

from . import kpis
from .exceptions import PageTimeOutOfRange
from .models import Feature, FeatureView, PageTime, WeeklyKPISnapshot

# The page reports every minute while visible (and when hidden), so a real report is about a
# minute; twice that leaves room for a late timer. Anything larger is refused, so a bad client
# cannot add hours in one request.
MAX_SECONDS_PER_REPORT = 120
WEEK_SECONDS = 7 * 24 * 3600  # nobody has a page visible for longer than the week has seconds

METRIC_KEYS = frozenset(f.name for f in fields(kpis.WeekMetrics))


@transaction.atomic
def record_view(user, feature: Feature, *, now: datetime | None = None) -> None:
    """Count one view of `feature` by `user` today: one atomic increment of the day's row.

    Safe under concurrency: the first view of the day inserts the row (a racing insert loses on
    the unique constraint and increments instead).
    """
    now = now or timezone.now()
    day = weeks.local_date(now)
    rows = FeatureView.objects.filter(user=user, feature=feature, day=day)
    if rows.update(count=F("count") + 1, last_viewed_at=now):
        return
    try:
        with transaction.atomic():
            FeatureView.objects.create(user=user, feature=feature, day=day, last_viewed_at=now)
    except IntegrityError:
        rows.update(count=F("count") + 1, last_viewed_at=now)


@transaction.atomic
def record_page_time(user, seconds: int, *, now: datetime | None = None) -> int:
    """Add `seconds` of visible time on Your Thrive Circle to the user's row for this week.

    Returns the week's total. One atomic increment (the first report of the week inserts the row;
    a racing insert loses on the unique constraint and increments instead), so concurrent tabs
    never lose a report. The total never exceeds the seconds in a week.
    Raises PageTimeOutOfRange unless 1 <= seconds <= MAX_SECONDS_PER_REPORT.
    """
    if isinstance(seconds, bool) or not isinstance(seconds, int) or not 1 <= seconds <= MAX_SECONDS_PER_REPORT:
        raise PageTimeOutOfRange(f"A report counts 1 to {MAX_SECONDS_PER_REPORT} seconds of visible time.")
    now = now or timezone.now()
    week = weeks.week_start_for(now)
    rows = PageTime.objects.filter(user=user, week_start=week)
    change = {"seconds": Least(F("seconds") + seconds, Value(WEEK_SECONDS)), "reports": F("reports") + 1, "last_reported_at": now}
    if not rows.update(**change):
        try:
            with transaction.atomic():
                PageTime.objects.create(user=user, week_start=week, seconds=seconds, reports=1, last_reported_at=now)
        except IntegrityError:
            rows.update(**change)
    return rows.values_list("seconds", flat=True).get()


def snapshot_week(week_start: date, *, now: datetime | None = None) -> WeeklyKPISnapshot:
    """Compute and store (or replace) the metrics of a finished week."""
    now = now or timezone.now()
    metrics = kpis.compute_week(week_start, now=now)
    if not metrics.is_complete:
        raise ValueError(f"The week of {week_start} has not finished yet; only finished weeks are stored.")
    snapshot, _ = WeeklyKPISnapshot.objects.update_or_create(
        week_start=week_start, defaults={"metrics": metrics.as_dict(), "computed_at": now}
    )
    return snapshot


def weekly_kpis(*, weeks_back: int = 12, now: datetime | None = None, refresh: bool = False) -> list[dict]:
    """The metrics of the last `weeks_back` circle weeks, oldest first, as plain dicts.

    Finished weeks come from their snapshot, computed and stored the first time they are asked
    for (or by the Monday task); the running week is always computed live. `refresh` recomputes
    the finished weeks too.
    """
    now = now or timezone.now()
    starts = kpis.week_starts(weeks_back, now=now)
    # A snapshot stored before a metric was added lacks its key: it is recomputed, not served short.
    stored = {} if refresh else {
        s.week_start: s.metrics
        for s in WeeklyKPISnapshot.objects.filter(week_start__in=starts)
        if METRIC_KEYS <= s.metrics.keys()
    }
    running = starts[-1]
    rows = []
    for start in starts:
        if start == running:
            rows.append(kpis.compute_week(start, now=now).as_dict())
        elif start in stored:
            rows.append(stored[start])
        else:
            rows.append(snapshot_week(start, now=now).metrics)
    return rows


def snapshot_finished_weeks(*, weeks_back: int = 12, now: datetime | None = None) -> int:
    """Store every finished week of the last `weeks_back` that has no snapshot (or one from before
    a metric was added). Returns how many."""
    now = now or timezone.now()
    starts = kpis.week_starts(weeks_back, now=now)[:-1]
    have = {
        s.week_start for s in WeeklyKPISnapshot.objects.filter(week_start__in=starts) if METRIC_KEYS <= s.metrics.keys()
    }
    missing = [start for start in starts if start not in have]
    for start in missing:
        snapshot_week(start, now=now)
    return len(missing)

"""Writes for insights: feature views, and weekly KPI snapshots (a cache of finished weeks)."""

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from core.circles import weeks

from . import kpis
from .models import Feature, FeatureView, WeeklyKPISnapshot


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
    stored = {} if refresh else {
        s.week_start: s.metrics for s in WeeklyKPISnapshot.objects.filter(week_start__in=starts)
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
    """Store every finished week of the last `weeks_back` that has no snapshot. Returns how many."""
    now = now or timezone.now()
    starts = kpis.week_starts(weeks_back, now=now)[:-1]
    have = set(WeeklyKPISnapshot.objects.filter(week_start__in=starts).values_list("week_start", flat=True))
    missing = [start for start in starts if start not in have]
    for start in missing:
        snapshot_week(start, now=now)
    return len(missing)

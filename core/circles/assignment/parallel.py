"""The weekly job split across Celery workers (tasks.py; docs/architecture.md).

1. `plan_week` (one short transaction under the week's lock): the week's circles, exactly as the
   one-process job makes them, and the bands: each bucket cut into runs of about
   THRIVE_ASSIGNMENT_BAND_SIZE consecutive XP ranks, stored on the run record.
2. `seat_band`, one task per band, on any worker: the ranking INSERT of ranking.py limited to the
   band. A band run twice seats nobody twice.
3. `finish_week` (the week's lock): seat anyone the bands missed (someone whose XP moved between the
   plan and their band), store the member counts and mark the run; then `current_circle` is copied
   in ranges of profiles, also in parallel (`publish_ranges`).

Only a week built ahead of its reset is split (the beat's run an hour before it): nobody reads that
week until it starts, so its bands may commit one by one. A run for the running week stays one
transaction (weekly.py). A split run that stopped half way is resumed by the next task: its bands
are on its record.
"""

from dataclasses import asdict
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .. import weeks
from ..models import CircleAssignmentRun, CircleMembership, ThriveCircle
from ..signals import circle_seated, send_on_commit
from . import grouping, ranking, seating
from .eligibility import active_since
from .locks import lock_circle_membership
from .publishing import profile_bounds
from .weekly import create_circles, refresh_statistics, sync_levels

PUBLISH_RANGE = 100_000  # profile ids per copying task


def plan_week(*, now: datetime | None = None, trigger: str = "celery", band_size: int | None = None) -> CircleAssignmentRun | None:
    """Create the coming week's circles and its bands, or return the unfinished split run to
    resume. None when the run should not be split (not PostgreSQL, splitting off, the running
    week, or a week already built): the caller then runs the one-process job."""
    now = now or timezone.now()
    band_size = settings.THRIVE_ASSIGNMENT_BAND_SIZE if band_size is None else band_size
    week = weeks.assignment_week(now)
    if connection.vendor != "postgresql" or band_size <= 0 or week <= weeks.week_start_for(now):
        return None
    if not ThriveCircle.objects.filter(week_start=week).exists():
        sync_levels()
    with transaction.atomic():
        lock_circle_membership(week)
        unfinished = (
            CircleAssignmentRun.objects.filter(week_start=week, status=CircleAssignmentRun.Status.RUNNING)
            .exclude(bands=[])
            .first()
        )
        if unfinished is not None or ThriveCircle.objects.filter(week_start=week).exists():
            return unfinished
        buckets, created = create_circles(week, now=now)
        since = active_since(now)
        bands = [band for bucket in buckets for band in _cut(bucket, band_size, since, week)]
        return CircleAssignmentRun.objects.create(
            week_start=week, trigger=trigger, started_at=now, circles_created=created,
            bands=[asdict(band) for band in bands],
        )


def _cut(bucket, band_size: int, since: datetime, week) -> list[ranking.Band]:
    """`bucket` in bands of about `band_size` ranks, each starting at its first person's key.

    A band starts where a run of zone-ordered circles starts (ranking.py), so each run is seated
    whole by one worker and the split seats exactly as the one-process job does."""
    span = settings.THRIVE_ZONE_BAND_CIRCLES
    cuts = list(range(band_size, bucket.size, band_size))
    if span > 1:  # with span 1 the seats follow the XP rank alone, so any rank may start a band
        circles = len(bucket.circle_sizes)
        cuts = sorted({
            ranking.first_rank_of_circle(grouping.circle_index(rank, bucket.circle_sizes) // span * span, bucket.size, circles)
            for rank in cuts
        } - {0})
    keys = ranking.rank_keys(bucket, cuts, active_since=since, week=week)
    starts = [(0, None), *sorted(keys.items())]
    return [
        ranking.Band.of(bucket, offset=offset, first=first, stop=starts[i + 1][1] if i + 1 < len(starts) else None)
        for i, (offset, first) in enumerate(starts)
    ]


def seat_band(run_id: int, index: int) -> int:
    """Seat band `index` of the run; safe to repeat."""
    run = CircleAssignmentRun.objects.get(pk=run_id)
    band = ranking.Band.from_json(run.bands[index])
    with transaction.atomic():
        return ranking.seat_band(band, run.week_start, active_since=active_since(run.started_at))


def finish_week(run_id: int) -> CircleAssignmentRun:
    """After every band: seat whoever they missed, count members, mark the run. Idempotent."""
    run = CircleAssignmentRun.objects.get(pk=run_id)
    if run.status != CircleAssignmentRun.Status.RUNNING:
        return run
    with transaction.atomic():
        lock_circle_membership(run.week_start)
        seating.seat_newcomers(run.week_start, now=run.started_at)
        seating.recount_members(ThriveCircle.objects.filter(week_start=run.week_start))
        refresh_statistics(CircleMembership)
        run.users_placed = CircleMembership.objects.filter(week_start=run.week_start).count()
        run.status, run.finished_at = CircleAssignmentRun.Status.SUCCEEDED, timezone.now()
        run.save()
        send_on_commit(circle_seated, week=run.week_start, profile_ids=None)
    return run


def publish_ranges(week) -> list[tuple[int, int]]:
    """The [start, end) profile-id ranges whose `current_circle` copies run as separate tasks."""
    bounds = profile_bounds(week)
    if bounds is None:
        return []
    return [(start, start + PUBLISH_RANGE) for start in range(bounds[0], bounds[1] + 1, PUBLISH_RANGE)]

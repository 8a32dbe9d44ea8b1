"""Celery tasks. Beat fires `assign_weekly_circles` an hour before the reset in the platform time
zone (settings.CELERY_BEAT_SCHEDULE); the page's self-healing may also queue it (scheduling.py).

A large week built ahead of its reset is split into bands that any number of workers seat in
parallel (parallel.py): plan -> chord(seat_band x N) -> finish_week -> chord(publish_range x M)
-> week_published. Every step is safe to run twice."""

import logging
from datetime import date

from celery import chord, shared_task
from django.db import OperationalError

from ..models import CircleAssignmentRun
from . import parallel
from .publishing import mark_published, publish_week
from .weekly import CircleAssignmentService

logger = logging.getLogger(__name__)

RETRY = {"autoretry_for": (OperationalError,), "retry_backoff": 60, "retry_kwargs": {"max_retries": 3}}


@shared_task(name="core.circles.tasks.assign_weekly_circles", **RETRY)
def assign_weekly_circles(trigger: str = "celery") -> dict:
    """Build (or top up) the circles of `weeks.assignment_week(now)`; idempotent, so a retry or
    a duplicate delivery only seats newcomers or resumes the split run."""
    run = parallel.plan_week(trigger=trigger)
    if run is None:
        run = CircleAssignmentService.assign_weekly_circles(trigger=trigger)
    else:
        logger.info("Thrive Circles for %s: %d bands to seat in parallel", run.week_start, len(run.bands))
        chord(seat_band.si(run.pk, index) for index in range(len(run.bands)))(finish_week.si(run.pk))
    return _summary(run)


@shared_task(name="core.circles.tasks.seat_band", **RETRY)
def seat_band(run_id: int, index: int) -> int:
    return parallel.seat_band(run_id, index)


@shared_task(name="core.circles.tasks.finish_week", **RETRY)
def finish_week(run_id: int) -> dict:
    run = parallel.finish_week(run_id)
    ranges = parallel.publish_ranges(run.week_start)
    chord(publish_range.si(run.week_start.isoformat(), start, end) for start, end in ranges)(week_published.si(run.pk))
    return _summary(run)


@shared_task(name="core.circles.tasks.publish_range", **RETRY)
def publish_range(week: str, start: int, end: int) -> int:
    return publish_week(date.fromisoformat(week), start=start, end=end)


@shared_task(name="core.circles.tasks.week_published")
def week_published(run_id: int) -> None:
    mark_published(CircleAssignmentRun.objects.get(pk=run_id))


def _summary(run: CircleAssignmentRun) -> dict:
    return {
        "id": run.pk,
        "week_start": run.week_start.isoformat(),
        "status": run.status,
        "users_placed": run.users_placed,
        "circles_created": run.circles_created,
        "bands": len(run.bands),
    }

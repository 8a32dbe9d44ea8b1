"""Celery tasks. Beat fires `assign_weekly_circles` on Sunday 23:00 in the platform time zone
(settings.CELERY_BEAT_SCHEDULE); the page's self-healing may also queue it (scheduling.py)."""

import logging

from celery import shared_task
from django.db import OperationalError

from .weekly import CircleAssignmentService

logger = logging.getLogger(__name__)


@shared_task(
    name="core.circles.tasks.assign_weekly_circles",
    autoretry_for=(OperationalError,),  # the database was unreachable or a lock wait timed out
    retry_backoff=60,
    retry_kwargs={"max_retries": 3},
)
def assign_weekly_circles(trigger: str = "celery") -> dict:
    """Build (or top up) the circles of `weeks.assignment_week(now)`; idempotent, so a retry or
    a duplicate delivery only seats newcomers. Returns the run record as plain values."""
    run = CircleAssignmentService.assign_weekly_circles(trigger=trigger)
    return {
        "id": run.pk,
        "week_start": run.week_start.isoformat(),
        "status": run.status,
        "users_placed": run.users_placed,
        "circles_created": run.circles_created,
    }

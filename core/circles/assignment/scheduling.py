"""Running the weekly assignment outside the scheduled job: self-healing and the staff trigger.

Self-healing: when the page finds the viewer without a circle of the running week, and the
running week has no circles at all (the Sunday job did not run), it asks for the build once,
after the request's transaction commits, as settings.THRIVE_SELF_HEAL says:
- "thread": a background thread of the web process (the default; needs no broker),
- "celery": queue `tasks.assign_weekly_circles`,
- "inline": right away in the request (small communities, tests),
- "off": never; the page keeps showing last week's circle as ended, "new circles are forming".
The page itself never waits for the build. Circles are built at most once whatever the number
of requests or processes: the service is idempotent and serialised by the membership lock, so
a duplicate request becomes an "already done" run that seats nobody. Duplicates are rare too:
a request only asks when no run for the week started in the last THRIVE_SELF_HEAL_RETRY_MINUTES
(so a failing build is not retried on every request) and one process asks once per window.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from .. import weeks
from ..exceptions import AssignmentFailed
from ..models import CircleAssignmentRun, ThriveCircle
from . import tasks
from .weekly import CircleAssignmentService

logger = logging.getLogger(__name__)

SELF_HEAL_TRIGGER = "self_heal"
THREAD_NAME = "thrive-circles-self-heal"


def _built_key(week) -> str:
    return f"thrive-circles:built:{week.isoformat()}"


def _asked_key(week) -> str:
    return f"thrive-circles:self-heal:{week.isoformat()}"


def week_has_circles(week) -> bool:
    """Whether `week` has circles; a yes is cached (circles are never removed from a week)."""
    if cache.get(_built_key(week)):
        return True
    built = ThriveCircle.objects.filter(week_start=week).exists()
    if built:
        cache.set(_built_key(week), True, timeout=8 * 24 * 3600)
    return built


def heal_missing_week(*, now: datetime | None = None) -> str | None:
    """Ask once for the running week's circles when it has none. Returns the mode used, or None
    when nothing was asked (circles exist, a run started recently, or self-healing is off)."""
    mode = settings.THRIVE_SELF_HEAL
    if mode == "off":
        return None
    now = now or timezone.now()
    week = weeks.week_start_for(now)
    if week_has_circles(week):
        return None
    retry = timedelta(minutes=settings.THRIVE_SELF_HEAL_RETRY_MINUTES)
    if CircleAssignmentRun.objects.filter(week_start__gte=week, started_at__gte=now - retry).exists():
        return None  # being built, or built for nobody, or failed: monitoring reports the last two
    if not cache.add(_asked_key(week), True, timeout=int(retry.total_seconds())):
        return None
    logger.warning("No Thrive Circles for the week of %s: building them now (%s).", week, mode)
    transaction.on_commit(lambda: _dispatch(mode), robust=True)
    return mode


def _dispatch(mode: str) -> None:
    if mode == "celery":
        tasks.assign_weekly_circles.delay(trigger=SELF_HEAL_TRIGGER)
    elif mode == "thread":
        threading.Thread(target=_build_in_thread, name=THREAD_NAME, daemon=True).start()
    else:
        _build_quietly()


def _build_quietly() -> None:
    """Self-healing is best effort: a failure is recorded on its run, logged and reported by
    monitoring, and must not break the page that asked."""
    try:
        CircleAssignmentService.assign_weekly_circles(trigger=SELF_HEAL_TRIGGER)
    except Exception:
        logger.exception("Self-healing Thrive Circle assignment failed")


def _build_in_thread() -> None:
    try:
        _build_quietly()
    finally:
        connection.close()  # this thread's own connection
        close_old_connections()


def trigger_assignment(*, trigger: str) -> CircleAssignmentRun:
    """Run the assignment now for a staff member and return its record.

    A failed run is recorded by the service (status "failed" with the error) and re-raised here
    as AssignmentFailed carrying that record's id, so the caller can point to it.
    """
    started = timezone.now()
    try:
        return CircleAssignmentService.assign_weekly_circles(trigger=trigger)
    except Exception as exc:
        failed = (
            CircleAssignmentRun.objects.filter(
                trigger=trigger, status=CircleAssignmentRun.Status.FAILED, started_at__gte=started
            )
            .order_by("-started_at", "-pk")
            .first()
        )
        raise AssignmentFailed(
            f"The assignment run failed: {type(exc).__name__}. Its record has the details.",
            extra={"run_id": failed.pk if failed else None},
        ) from exc

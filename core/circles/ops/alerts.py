"""What the operators are alerted about (core/alerts sends it, once per incident).

`check_alerts` runs every minute from Celery beat (`check_thrive_alerts`, settings.CELERY_BEAT_SCHEDULE)
or from cron (`manage.py check_thrive_circles --alert`). Each check opens an incident when it finds
the problem and resolves it when the problem is gone, so a lasting problem is announced once:

- `thrive.alert.assignment_failed` (key `assignment_failed:<week>`): the latest run for the running
  week, or for the coming week once the Sunday job has built it, failed. Resolved by a later run of
  that week that succeeds. Retries of a failing week are the same incident.
- `thrive.alert.assignment_late` (key `assignment_late:<week>`): no run of the running week has
  finished (succeeded or already done) THRIVE_ALERT_ASSIGNMENT_LATE_MINUTES after its reset
  (Monday at THRIVE_RESET_HOUR in THRIVE_TIME_ZONE). Resolved once one has.
- `thrive.alert.award_errors` (key `award_errors`): at least THRIVE_ALERT_AWARD_ERRORS failed XP
  awards in the last 5 minutes. A failed award is a `PointsService.award_points_once` call (every
  award path: activities, the ingestion API, daily logins) that raised an unexpected error; domain
  errors (an unknown activity, a reused idempotency key) are the caller's mistake and do not count.
  Counted per minute in the cache (core/alerts/counters.py), summed over the last 5 minutes.
  Resolved when a check counts fewer than half the threshold, so a rate hovering at the threshold
  does not alert again and again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from core.alerts.counters import AWARD_FAILURES, WINDOW_MINUTES, count_in_window
from core.alerts.models import Alert
from core.alerts.services import raise_alert, resolve_alert

from .. import weeks
from ..models import CircleAssignmentRun

ASSIGNMENT_FAILED = "thrive.alert.assignment_failed"
ASSIGNMENT_LATE = "thrive.alert.assignment_late"
AWARD_ERRORS = "thrive.alert.award_errors"
FINISHED = (CircleAssignmentRun.Status.SUCCEEDED, CircleAssignmentRun.Status.ALREADY_DONE)


def check_alerts(*, now: datetime | None = None) -> list[Alert]:
    """Run every check; returns the alerts raised now (sent after commit)."""
    now = now or timezone.now()
    raised = [*_check_failed_runs(now), _check_late_run(now), _check_award_errors(now)]
    return [alert for alert in raised if alert is not None]


def _check_failed_runs(now: datetime) -> list[Alert | None]:
    raised = []
    for week in sorted({weeks.week_start_for(now), weeks.assignment_week(now)}):
        key = f"assignment_failed:{week.isoformat()}"
        run = CircleAssignmentRun.objects.filter(week_start=week).order_by("-started_at", "-pk").first()
        if run is None or run.status == CircleAssignmentRun.Status.RUNNING:
            continue
        if run.status in FINISHED:
            resolve_alert(key=key, now=now)
            continue
        raised.append(
            raise_alert(
                key=key,
                event=ASSIGNMENT_FAILED,
                summary=f"The Thrive Circles assignment for the week of {week} failed (run #{run.pk}, {run.trigger}).",
                details={
                    "week_start": week,
                    "run_id": run.pk,
                    "trigger": run.trigger,
                    "started_at": run.started_at,
                    "error": run.error[:500],
                    "fix": "See the run in the admin; then `manage.py assign_thrive_circles` (safe to repeat).",
                },
                now=now,
            )
        )
    return raised


def _check_late_run(now: datetime) -> Alert | None:
    week = weeks.week_start_for(now)
    key = f"assignment_late:{week.isoformat()}"
    if CircleAssignmentRun.objects.filter(week_start=week, status__in=FINISHED).exists():
        resolve_alert(key=key, now=now)
        return None
    reset = weeks.week_bounds(week)[0]
    late_after = timedelta(minutes=settings.THRIVE_ALERT_ASSIGNMENT_LATE_MINUTES)
    if now < reset + late_after:
        return None
    latest = CircleAssignmentRun.objects.filter(week_start=week).order_by("-started_at", "-pk").first()
    minutes = int((now - reset).total_seconds() // 60)
    return raise_alert(
        key=key,
        event=ASSIGNMENT_LATE,
        summary=f"No Thrive Circles assignment for the week of {week} has finished, {minutes} min after the reset.",
        details={
            "week_start": week,
            "reset_at": reset,
            "late_after_minutes": settings.THRIVE_ALERT_ASSIGNMENT_LATE_MINUTES,
            "latest_run": None if latest is None else {"id": latest.pk, "status": latest.status, "trigger": latest.trigger},
            "fix": "Is beat (or cron) running? Run `manage.py assign_thrive_circles` (safe to repeat).",
        },
        now=now,
    )


def _check_award_errors(now: datetime) -> Alert | None:
    threshold = settings.THRIVE_ALERT_AWARD_ERRORS
    if threshold <= 0:
        return None
    failures = count_in_window(AWARD_FAILURES, now=now)
    if failures < threshold / 2:
        resolve_alert(key="award_errors", now=now)
        return None
    if failures < threshold:
        return None
    return raise_alert(
        key="award_errors",
        event=AWARD_ERRORS,
        summary=f"{failures} XP awards failed in the last {WINDOW_MINUTES} minutes (alert threshold {threshold}).",
        details={
            "failed_awards": failures,
            "window_minutes": WINDOW_MINUTES,
            "threshold": threshold,
            "fix": "The ERROR lines of the web and worker logs name the exception; check the database first.",
        },
        now=now,
    )


@shared_task(name="core.circles.tasks.check_thrive_alerts")
def check_thrive_alerts() -> list[str]:
    """Beat runs this every minute; returns the keys of the alerts raised now."""
    return [alert.key for alert in check_alerts()]

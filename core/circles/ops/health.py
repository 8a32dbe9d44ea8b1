"""Is the weekly assignment healthy? Shared by `check_thrive_circles` and the health endpoint.

Three checks, each a few cheap queries:
- circles: the running week has circles, unless it started less than THRIVE_ASSIGNMENT_GRACE_HOURS
  ago or nobody is eligible;
- last_run: the latest assignment run did not fail and is not stuck "running";
- seated: every eligible (recently active) user has a circle of the running week (or of the
  coming week, once the Sunday job has built it).
And one check of the platform under it:
- cache: a shared cache (Redis) answers. Without it the site keeps working from the database
  (core/cache.py), so the report is "degraded" rather than "unhealthy", still a 503 for alerting.
The report holds counts and statuses only, never user data or error text, so it can be public.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone

from core.cache import cache_status

from .. import weeks
from ..assignment.eligibility import eligible_profiles
from ..models import CircleAssignmentRun, ThriveCircle


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    message: str


@dataclass
class HealthReport:
    checked_at: datetime
    week_start: date
    circles: int
    eligible_users: int
    unseated_users: int
    last_run: CircleAssignmentRun | None
    checks: list[Check] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def status(self) -> str:
        """healthy; degraded (only the cache is down: slower, limits off); unhealthy (the circles)."""
        if self.healthy:
            return "healthy"
        return "degraded" if all(check.name == "cache" for check in self.problems) else "unhealthy"

    @property
    def problems(self) -> list[Check]:
        return [check for check in self.checks if not check.ok]


def circles_health(*, now: datetime | None = None) -> HealthReport:
    now = now or timezone.now()
    week = weeks.week_start_for(now)
    week_started_at = weeks.week_bounds(week)[0]
    grace = timedelta(hours=settings.THRIVE_ASSIGNMENT_GRACE_HOURS)
    circles = ThriveCircle.objects.filter(week_start=week).count()
    eligible = eligible_profiles(now, week=week)
    eligible_count = eligible.count()
    unseated = eligible.exclude(memberships__week_start__gte=week).count() if circles else eligible_count
    last_run = CircleAssignmentRun.objects.order_by("-started_at", "-pk").first()
    report = HealthReport(
        checked_at=now, week_start=week, circles=circles, eligible_users=eligible_count,
        unseated_users=unseated, last_run=last_run,
    )
    report.checks = [
        _circles_check(report, now=now, week_started_at=week_started_at, grace=grace),
        _last_run_check(last_run, now=now),
        _seated_check(report),
        Check("cache", *cache_status()),
    ]
    return report


def _circles_check(report: HealthReport, *, now, week_started_at, grace) -> Check:
    week = report.week_start
    if report.circles:
        return Check("circles", True, f"{report.circles} circles for the week of {week}.")
    if not report.eligible_users:
        return Check("circles", True, f"No circles for the week of {week}, and nobody is eligible for one.")
    if now < week_started_at + grace:
        return Check("circles", True, f"No circles for the week of {week} yet; within the {grace} grace period.")
    hours = int((now - week_started_at).total_seconds() // 3600)
    return Check(
        "circles", False,
        f"No circles for the week of {week}, {hours} h after it started ({report.eligible_users} eligible "
        "users). Run `manage.py assign_thrive_circles` or POST /api/v1/thrive-circles/assign/.",
    )


def _last_run_check(run: CircleAssignmentRun | None, *, now) -> Check:
    if run is None:
        return Check("last_run", True, "No assignment run recorded yet.")
    label = f"Run #{run.pk} ({run.trigger}, week of {run.week_start}, started {run.started_at:%Y-%m-%d %H:%M %Z})"
    if run.status == CircleAssignmentRun.Status.FAILED:
        return Check("last_run", False, f"{label} failed; its record in the admin has the error.")
    stuck_after = timedelta(minutes=settings.THRIVE_ASSIGNMENT_STUCK_MINUTES)
    if run.status == CircleAssignmentRun.Status.RUNNING and now - run.started_at > stuck_after:
        return Check("last_run", False, f"{label} is still marked running after {stuck_after}: it was killed "
                     "half way (nothing of it was kept). Run the assignment again.")
    return Check("last_run", True, f"{label}: {run.get_status_display()}.")


def _seated_check(report: HealthReport) -> Check:
    if not report.circles or not report.unseated_users:
        return Check("seated", True, "Every eligible user has a circle." if report.circles
                     else "Nothing to check until the week has circles.")
    return Check(
        "seated", False,
        f"{report.unseated_users} of {report.eligible_users} eligible users have no circle for the week of "
        f"{report.week_start}. Run `manage.py assign_thrive_circles` (it seats them in circles with room).",
    )


def as_dict(report: HealthReport) -> dict:
    run = report.last_run
    return {
        "status": report.status,
        "checked_at": report.checked_at,
        "week_start": report.week_start,
        "circles": report.circles,
        "eligible_users": report.eligible_users,
        "unseated_users": report.unseated_users,
        "last_run": None if run is None else {
            "id": run.pk,
            "week_start": run.week_start,
            "status": run.status,
            "trigger": run.trigger,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "users_placed": run.users_placed,
            "circles_created": run.circles_created,
        },
        "checks": [{"name": c.name, "ok": c.ok, "message": c.message} for c in report.checks],
    }

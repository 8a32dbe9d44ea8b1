"""Thrive Circles' domain errors; the API's exception handler (core/exceptions.py) renders them."""

from core.exceptions import ApplicationError, Conflict


class AssignmentFailed(ApplicationError):
    """A staff-triggered assignment run failed; `extra["run_id"]` names its record."""

    code = "assignment_failed"
    status_code = 500


class BackfillAlreadyRunning(Conflict):
    code = "backfill_running"

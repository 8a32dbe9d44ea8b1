"""The points app's domain errors."""

from core.exceptions import ApplicationError


class UnknownActivityType(ApplicationError):
    code = "unknown_activity_type"

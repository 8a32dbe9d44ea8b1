"""The preferences' domain errors."""

from core.exceptions import ApplicationError


class UnknownTimeZone(ApplicationError):
    code = "unknown_time_zone"

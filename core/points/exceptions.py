"""The points app's domain errors."""

from rest_framework import status

from core.exceptions import ApplicationError


class UnknownActivityType(ApplicationError):
    code = "unknown_activity_type"


class SelfAwardRefused(ApplicationError):
    code = "self_award"
    status_code = status.HTTP_403_FORBIDDEN

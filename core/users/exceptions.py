"""The users app's domain errors."""

from core.exceptions import ApplicationError


class InvalidCredentials(ApplicationError):
    code = "invalid_credentials"

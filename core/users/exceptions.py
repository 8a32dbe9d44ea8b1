"""The users app's domain errors (sign-in)."""

from rest_framework import status

from core.exceptions import ApplicationError


class InvalidCredentials(ApplicationError):
    code = "invalid_credentials"


class TooManySignInAttempts(ApplicationError):
    code = "too_many_sign_in_attempts"
    status_code = status.HTTP_429_TOO_MANY_REQUESTS

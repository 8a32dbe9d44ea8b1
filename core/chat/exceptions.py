"""The chat's domain errors; the API's exception handler turns each into `{"detail", "code"}`,
the socket into `{"type": "error", "code", "detail"}`."""

from rest_framework import status

from core.exceptions import ApplicationError, Conflict, NotFound


class ChatUnavailable(NotFound):
    """Chat is off for everyone (THRIVE_CHAT_ENABLED), or the person has no circle this week."""

    code = "chat_unavailable"


class InvalidMessage(ApplicationError):
    code = "invalid_message"


class ChatClosed(ApplicationError):
    code = "chat_closed"
    status_code = status.HTTP_403_FORBIDDEN


class ChatMuted(ApplicationError):
    code = "chat_muted"
    status_code = status.HTTP_403_FORBIDDEN


class TooManyMessages(ApplicationError):
    code = "throttled"
    status_code = status.HTTP_429_TOO_MANY_REQUESTS


class DuplicateMessage(Conflict):
    code = "duplicate_message"


class OwnMessage(ApplicationError):
    code = "own_message"


class OwnAccount(ApplicationError):
    code = "own_account"

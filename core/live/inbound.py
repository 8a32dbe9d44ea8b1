"""Socket messages that other apps answer, and how they tell pages something.

core.live carries messages; it knows nothing of the features built on it. An app that takes a
message from the page (the circle chat's `{"type": "chat", "text": ...}`) registers a handler for
its type in its AppConfig.ready(); the consumer calls it in a worker thread. A handler takes the
socket's user and the message, calls its app's service (the same one its HTTP endpoint calls) and
raises core.exceptions.ApplicationError for bad input, which the socket answers with
`{"type": "error", "code", "detail"}`. It returns nothing, or a dict to send back to that socket only.
"""

from collections.abc import Callable

Handler = Callable[..., dict | None]

_handlers: dict[str, Handler] = {}
RESERVED = frozenset({"ping", "pong", "error"})


def register(kind: str, handler: Handler) -> None:
    """Route socket messages of `kind` to `handler(user, content)`. Idempotent per (kind, handler)."""
    if kind in RESERVED:
        raise ValueError(f"The socket message type {kind!r} is the live circle's own.")
    if _handlers.get(kind, handler) is not handler:
        raise ValueError(f"The socket message type {kind!r} already has a handler.")
    _handlers[kind] = handler


def handler_for(kind) -> Handler | None:
    return _handlers.get(kind) if isinstance(kind, str) else None

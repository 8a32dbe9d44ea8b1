"""A Redis cache that fails open: when Redis is down or hangs, the site keeps working from the database.

Everything the project caches can be recomputed (the level table, feature flags, circle sections,
self-healing bookkeeping) or may be lost for a while (rate-limit counters), so a cache that does not
answer is treated as a miss rather than an error. Three things keep an outage cheap:

- short socket timeouts (CACHE_TIMEOUT_SECONDS, in settings) bound what one call can cost;
- after a failure the process stops asking Redis for CACHE_RETRY_SECONDS, so a hanging Redis costs
  one request per interval a timeout, not every request every call;
- one ERROR line per outage (`cache_unavailable`), one WARNING when it is over (`cache_recovered`),
  instead of a line per request.

While Redis is out, reads miss, writes are dropped, `add` answers False (a caller using it as a
once-only guard does not fire on every request) and `incr` raises ValueError as for a missing key.
"""

from __future__ import annotations

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.utils.functional import cached_property
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("core.cache")

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
DEFAULT_RETRY_SECONDS = 10.0


class _Outages:
    """Which Redis servers this process found unreachable, and until when it leaves them alone.

    Shared by every cache alias and thread of the process: Django makes a cache object per thread,
    but an outage is the server's.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._retry_at: dict[str, float] = {}

    def is_resting(self, server: str) -> bool:
        retry_at = self._retry_at.get(server)
        return retry_at is not None and time.monotonic() < retry_at

    def failed(self, server: str, retry_seconds: float, error: BaseException) -> None:
        with self._lock:
            new = server not in self._retry_at
            self._retry_at[server] = time.monotonic() + retry_seconds
        if new:
            logger.error(
                "cache_unavailable: Redis at %s did not answer (%s: %s); serving from the database, "
                "retrying every %g s", server, type(error).__name__, error, retry_seconds,
            )

    def succeeded(self, server: str) -> None:
        if server not in self._retry_at:
            return
        with self._lock:
            was_down = self._retry_at.pop(server, None) is not None
        if was_down:
            logger.warning("cache_recovered: Redis at %s answers again", server)

    def clear(self) -> None:
        with self._lock:
            self._retry_at.clear()


outages = _Outages()

# One Redis client, and so one connection pool, per server and options for the whole process.
_clients: dict[tuple, object] = {}
_clients_lock = threading.Lock()


def _display(location: str) -> str:
    """The server's address without credentials, for logs."""
    parts = urlsplit(location)
    return f"{parts.hostname}:{parts.port or 6379}{parts.path}" if parts.hostname else location


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, answering like an empty cache while Redis is unreachable or slow.

    OPTIONS takes `retry_seconds` (how long to leave a failed server alone) besides redis-py's
    connection options (`socket_connect_timeout`, `socket_timeout`).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self._retry_seconds = float(options.pop("retry_seconds", DEFAULT_RETRY_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self._server_name = ",".join(_display(location) for location in self._servers)

    @cached_property
    def _cache(self):
        """The process's client for these servers. Django builds a cache object, and with it a
        connection pool, per thread; under the ASGI server every request runs in a thread of its
        own, so every request opened new Redis connections (bench/load_test.py)."""
        key = (tuple(self._servers), tuple(sorted((name, repr(value)) for name, value in self._options.items())))
        with _clients_lock:
            if key not in _clients:
                _clients[key] = self._class(self._servers, **self._options)
            return _clients[key]

    def _guarded(self, call, fallback):
        if outages.is_resting(self._server_name):
            return fallback()
        try:
            result = call()
        except OUTAGE_ERRORS as error:
            outages.failed(self._server_name, self._retry_seconds, error)
            return fallback()
        outages.succeeded(self._server_name)
        return result

    def is_available(self) -> bool:
        """One round trip (unless the server is resting after a failure): for health checks."""
        return self._guarded(lambda: bool(self._cache.get_client(write=False).ping()), lambda: False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(FailOpenRedisCache, self).add(key, value, timeout, version), lambda: False)

    def get(self, key, default=None, version=None):
        return self._guarded(lambda: super(FailOpenRedisCache, self).get(key, default, version), lambda: default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(FailOpenRedisCache, self).set(key, value, timeout, version), lambda: None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(FailOpenRedisCache, self).touch(key, timeout, version), lambda: False)

    def delete(self, key, version=None):
        return self._guarded(lambda: super(FailOpenRedisCache, self).delete(key, version), lambda: False)

    def get_many(self, keys, version=None):
        return self._guarded(lambda: super(FailOpenRedisCache, self).get_many(keys, version), dict)

    def has_key(self, key, version=None):
        return self._guarded(lambda: super(FailOpenRedisCache, self).has_key(key, version), lambda: False)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")

        return self._guarded(lambda: super(FailOpenRedisCache, self).incr(key, delta, version), missing)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(FailOpenRedisCache, self).set_many(data, timeout, version), lambda: list(data))

    def delete_many(self, keys, version=None):
        return self._guarded(lambda: super(FailOpenRedisCache, self).delete_many(keys, version), lambda: None)

    def clear(self):
        return self._guarded(lambda: super(FailOpenRedisCache, self).clear(), lambda: False)


def cache_status(alias: str = "default") -> tuple[bool, str]:
    """(ok, message) for the health check: whether a shared cache answers."""
    cache = caches[alias]
    if isinstance(cache, FailOpenRedisCache):
        if cache.is_available():
            return True, "The cache (Redis) answers."
        return False, (
            "The cache (Redis) does not answer: the site works from the database (slower; rate limits "
            "are not enforced until it is back)."
        )
    return True, f"The cache is {type(cache).__name__} (in this host)."

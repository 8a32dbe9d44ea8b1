"""Counting events for rate alerts: per-minute buckets in the cache, summed over a sliding window.

Counts live in the default cache, not the database, because they must survive the rollback of the
transaction that failed. With a shared `CACHE_URL` (Redis) every web process and worker adds to the
same buckets and the checker sees them all; with the per-process default (`locmemcache://`) a
process only sees its own counts (docs/operations.md).
"""

from datetime import datetime

from django.core.cache import cache
from django.utils import timezone

AWARD_FAILURES = "award_failures"
WINDOW_MINUTES = 5


def _bucket_key(name: str, minute: int) -> str:
    return f"thrive-alerts:{name}:{minute}"


def _minute(moment: datetime) -> int:
    return int(moment.timestamp() // 60)


def count_event(name: str, *, now: datetime | None = None) -> None:
    """Add one to this minute's bucket of `name`. Never raises: counting must not add a failure."""
    key = _bucket_key(name, _minute(now or timezone.now()))
    try:
        if not cache.add(key, 1, timeout=2 * WINDOW_MINUTES * 60):
            cache.incr(key)
    except Exception:  # noqa: BLE001 - an unreachable cache loses a count, not the caller's error
        pass


def count_in_window(name: str, *, now: datetime | None = None, minutes: int = WINDOW_MINUTES) -> int:
    """Events of `name` in the last `minutes` minutes, the current minute included."""
    last = _minute(now or timezone.now())
    keys = [_bucket_key(name, minute) for minute in range(last - minutes + 1, last + 1)]
    return sum(cache.get_many(keys).values())

"""Failed sign-ins are counted per account and per client address; past a limit, sign-in waits.

Both the API's sign-in and the admin's go through `django.contrib.auth.authenticate`, so the limit
lives there: `SignInLimitBackend` (first in AUTHENTICATION_BACKENDS) refuses every check while the
account or the address is locked out, and the `user_login_failed` signal counts failures. The
per-account count stops a guessing attack spread over many addresses (or over forged
X-Forwarded-For headers); the per-address count stops one address trying many accounts.

Counts live on the "throttle" cache, shared by all workers (config/settings.py). A window starts at
the first failure and lasts THRIVE_SIGNIN_LOCKOUT_MINUTES; a successful sign-in clears the account's
count. Locking an account out is what an attacker can do to its owner for at most one window.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

from core.http.client import client_address


@dataclass(frozen=True)
class Lockout:
    scope: str  # "account" or "address"
    retry_after_seconds: int

    @property
    def message(self) -> str:
        minutes = max(1, math.ceil(self.retry_after_seconds / 60))
        who = "this account" if self.scope == "account" else "your network address"
        return (
            f"Too many failed sign-ins for {who}. Please wait {minutes} minute{'s' if minutes != 1 else ''} "
            "and try again, or reset your password."
        )


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "backslashreplace")).hexdigest()[:32]


def _counters(request, username) -> list[tuple[str, str, int]]:
    """(scope, cache key, limit) for the account and for the address of this attempt."""
    counters = [("address", f"signin-failures:address:{_digest(client_address(request))}",
                 settings.THRIVE_SIGNIN_ADDRESS_FAILURES)]
    if isinstance(username, str) and username.strip():
        # Usernames are matched case-sensitively, but guessing "Alice" and "alice" is one attack.
        counters.insert(0, ("account", f"signin-failures:account:{_digest(username.strip().casefold())}",
                            settings.THRIVE_SIGNIN_ACCOUNT_FAILURES))
    return counters


def _window_seconds() -> int:
    return settings.THRIVE_SIGNIN_LOCKOUT_MINUTES * 60


def lockout(request, username) -> Lockout | None:
    """The lockout this attempt falls under, if any (the account's first)."""
    cache = caches["throttle"]
    counters = _counters(request, username)
    keys = [key for _, key, _ in counters]
    found = cache.get_many(keys + [f"{key}:until" for key in keys])
    for scope, key, limit in counters:
        if found.get(key, 0) >= limit:
            until = found.get(f"{key}:until") or time.time() + _window_seconds()
            return Lockout(scope, max(1, math.ceil(until - time.time())))
    return None


def record_failure(request, username) -> None:
    cache = caches["throttle"]
    window = _window_seconds()
    for _, key, _ in _counters(request, username):
        if cache.add(key, 1, window):
            cache.set(f"{key}:until", time.time() + window, window)
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr, or the cache is unavailable
            cache.set(key, 1, window)


def clear_account(request, username) -> None:
    for scope, key, _ in _counters(request, username):
        if scope == "account":
            caches["throttle"].delete_many([key, f"{key}:until"])

"""DRF's rate limits, counted on the "throttle" cache alias that every worker shares.

DRF's throttles use the default cache, which is per process unless CACHE_URL is Redis: with four
workers a 60/min limit let 240 requests through. Client addresses follow NUM_PROXIES.
"""

from django.core.cache import caches
from rest_framework import throttling


class _ThrottleCache:
    """Looked up on every use, so tests that swap CACHES (and each thread) get the current one."""

    def __get__(self, instance, owner):
        return caches["throttle"]


class UserRateThrottle(throttling.UserRateThrottle):
    cache = _ThrottleCache()


class AnonRateThrottle(throttling.AnonRateThrottle):
    cache = _ThrottleCache()

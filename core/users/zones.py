"""A person's own time zone: their days (login streaks, "this evening", "Monday morning") are
counted in it. Circle weeks stay one shared moment per circle (core.circles.weeks)."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.conf import settings


def is_valid_zone(name: str) -> bool:
    return name in _known_zones()


def zone_of(user) -> ZoneInfo:
    """The person's zone, or the platform's until one is set (or if a stored name went stale)."""
    return zone_named(getattr(user, "time_zone", ""))


def zone_named(name: str) -> ZoneInfo:
    """The zone a stored `time_zone` value means ("" or a stale name: the platform's)."""
    name = name or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


_ZONES: frozenset[str] | None = None


def _known_zones() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES

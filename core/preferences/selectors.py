"""Reads for the settings page: the person's zone, their next reset in it, their rest week."""

from datetime import date, datetime, timedelta

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.circles import weeks
from core.users.zones import zone_of


def local_today(user, now: datetime | None = None) -> date:
    """The person's own calendar day at `now`."""
    return timezone.localtime(now or timezone.now(), zone_of(user)).date()


def rest_state(user, now: datetime | None = None) -> dict:
    """The person's rest week as the page tells it: none, planned (the coming week) or resting."""
    now = now or timezone.now()
    row = get_user_model().objects.filter(pk=user.pk).values("resting_week", "rest_ended_on").get()
    running = weeks.week_start_for(now)
    week, ended = row["resting_week"], row["rest_ended_on"]
    if week is None or ended is not None or week < running:
        status, week = "none", None
    else:
        status = "resting" if week == running else "planned"
    return {
        "status": status,
        "week_start": week,
        "starts_at": weeks.week_bounds(week)[0] if week else None,
        "ends_at": weeks.week_bounds(week)[1] if week else None,
        "next_week_start": running + timedelta(days=7),
    }


def user_settings(user, now: datetime | None = None) -> dict:
    """What GET /api/v1/me/settings/ shows (instants are aware; the client shows them in `effective_time_zone`)."""
    now = now or timezone.now()
    stored = get_user_model().objects.filter(pk=user.pk).values_list("time_zone", flat=True).get()
    user.time_zone = stored
    zone = zone_of(user)
    reset = weeks.next_reset(now)
    local_reset = reset.astimezone(zone)
    return {
        "time_zone": stored,
        "effective_time_zone": zone.key,
        "platform_time_zone": django_settings.TIME_ZONE,
        "next_reset": reset,
        "next_reset_local": local_reset.isoformat(),
        "next_reset_weekday": local_reset.strftime("%A"),
        "rest_week": rest_state(user, now),
    }

"""Writes for the settings page: the person's time zone and their rest week.

The zone and the rest are fields of the user (core.users) that the circles and the points ledger
read; seats in an already built week move through the circles' public face (`leave_week`,
`seat_in_week`), so this app is imported by nobody below it.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.circles import weeks
from core.circles.services import leave_week, seat_in_week
from core.users.zones import is_valid_zone

from .exceptions import UnknownTimeZone
from .selectors import local_today


def set_time_zone(user, *, time_zone: str) -> str:
    """Store the person's IANA zone ("" goes back to the platform's). Returns the stored name."""
    if time_zone and not is_valid_zone(time_zone):
        raise UnknownTimeZone(
            f"Unknown time zone {time_zone!r}: use an IANA name such as 'Europe/Paris' or 'America/Los_Angeles'."
        )
    get_user_model().objects.filter(pk=user.pk).update(time_zone=time_zone)
    user.time_zone = time_zone
    return time_zone


def take_rest_week(user, *, now: datetime | None = None):
    """Sit out the coming circle week: not placed by its weekly job, streak and freezes kept.

    Idempotent. Taken after the coming week was already built (the job runs an hour ahead), the
    seat in it is given up. A person resting this week keeps that rest (one week at a time).
    Returns the Monday of the week rested.
    """
    now = now or timezone.now()
    running = weeks.week_start_for(now)
    users = get_user_model().objects
    row = users.filter(pk=user.pk).values("resting_week", "rest_ended_on").get()
    if row["resting_week"] == running and row["rest_ended_on"] is None:
        return running
    coming = running + timedelta(days=7)
    with transaction.atomic():
        users.filter(pk=user.pk).update(resting_week=coming, rest_ended_on=None)
    leave_week(user, coming)
    return coming


def end_rest(user, *, now: datetime | None = None) -> bool:
    """Cancel a planned rest, or come back from the running one today: the person is seated in
    this week's circles at once (the newcomers' path). The rest days already taken still do not
    break the streak. Returns whether a rest was ended."""
    now = now or timezone.now()
    running = weeks.week_start_for(now)
    users = get_user_model().objects
    row = users.filter(pk=user.pk).values("resting_week", "rest_ended_on").get()
    week = row["resting_week"]
    if week is None or row["rest_ended_on"] is not None or week < running:
        return False
    if week == running:
        users.filter(pk=user.pk).update(rest_ended_on=local_today(user, now))
    else:
        users.filter(pk=user.pk).update(resting_week=None, rest_ended_on=None)
    seat_in_week(user, week, now=now)
    return True


def update_settings(user, *, time_zone: str | None = None, resting: bool | None = None, now: datetime | None = None) -> None:
    """PATCH /api/v1/me/settings/: each given field, in order (the zone first, so a rest's
    come-back day is the person's own)."""
    if time_zone is not None:
        set_time_zone(user, time_zone=time_zone)
    if resting is True:
        take_rest_week(user, now=now)
    elif resting is False:
        end_rest(user, now=now)

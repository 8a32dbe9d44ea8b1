"""Circle weeks: Monday 00:00 to the next Monday 00:00 in the configured time zone.

Weekly XP, circles, the countdown and the weekly job all take their week from here.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def _tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def week_start_for(moment: datetime) -> date:
    """The Monday of the circle week containing `moment`."""
    local = moment.astimezone(_tz()).date()
    return local - timedelta(days=local.weekday())


def current_week_start() -> date:
    return week_start_for(timezone.now())


def week_bounds(week_start: date) -> tuple[datetime, datetime]:
    """[start, end) of a week as aware datetimes; wall-clock midnights, so DST weeks are 167 or 169 h."""
    tz = _tz()
    return (
        datetime.combine(week_start, time.min, tzinfo=tz),
        datetime.combine(week_start + timedelta(days=7), time.min, tzinfo=tz),
    )


def next_reset(now: datetime | None = None) -> datetime:
    """When the week containing `now` ends: the next Monday 00:00, always in the future."""
    return week_bounds(week_start_for(now or timezone.now()))[1]


def assignment_week(now: datetime | None = None) -> date:
    """The week the weekly job builds circles for when it fires at `now`.

    The week that starts within THRIVE_ASSIGNMENT_LEAD_HOURS, else the running one: at the
    plan's Sunday 23:00 the coming week, at Monday 00:05 or after an outage the running week.
    """
    now = now or timezone.now()
    running = week_start_for(now)
    if next_reset(now) - now <= timedelta(hours=settings.THRIVE_ASSIGNMENT_LEAD_HOURS):
        return running + timedelta(days=7)
    return running

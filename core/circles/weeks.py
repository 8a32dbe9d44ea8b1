"""The circle calendar: a week runs from the Monday reset (THRIVE_RESET_HOUR, 00:00 by default)
to the next one, in the platform's time zone (THRIVE_TIME_ZONE). Weekly XP, circles, the
countdown, the weekly job's schedule, the self-healing and every other app (fair play, insights,
help) take their days and weeks from here; nothing else reads the zone or the reset time.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def time_zone() -> ZoneInfo:
    """The platform's time zone: circle weeks and days start at its midnights."""
    return ZoneInfo(settings.TIME_ZONE)


def local_date(moment: datetime) -> date:
    """The platform's calendar day of `moment`."""
    return moment.astimezone(time_zone()).date()


def day_start(moment: datetime) -> datetime:
    """Midnight of `moment`'s day in the platform time zone (fair-play days, daily counts)."""
    return datetime.combine(local_date(moment), time.min, tzinfo=time_zone())


def reset_time() -> time:
    """The wall-clock time on Mondays when a circle week ends and the next begins."""
    return time(hour=settings.THRIVE_RESET_HOUR)


def week_start_for(moment: datetime) -> date:
    """The Monday of the circle week containing `moment` (before the reset hour, a Monday still
    belongs to the week before)."""
    local = moment.astimezone(time_zone())
    day = local.date() if local.time() >= reset_time() else local.date() - timedelta(days=1)
    return day - timedelta(days=day.weekday())


def current_week_start() -> date:
    return week_start_for(timezone.now())


def week_bounds(week_start: date) -> tuple[datetime, datetime]:
    """[start, end) of a week as aware datetimes: wall-clock resets, so DST weeks are 167 or 169 h."""
    tz, reset = time_zone(), reset_time()
    return (
        datetime.combine(week_start, reset, tzinfo=tz),
        datetime.combine(week_start + timedelta(days=7), reset, tzinfo=tz),
    )


def next_reset(now: datetime | None = None) -> datetime:
    """When the week containing `now` ends: the next Monday reset, always in the future."""
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

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from celery.schedules import crontab

from core.circles import weeks

UTC = ZoneInfo("UTC")


def at(*args, tz=UTC):
    return datetime(*args, tzinfo=tz)


def test_week_runs_monday_to_monday():
    assert weeks.week_start_for(at(2026, 11, 29, 23, 59)) == date(2026, 11, 23)
    assert weeks.week_start_for(at(2026, 11, 30, 0, 0)) == date(2026, 11, 30)


def test_next_reset_is_the_coming_monday_midnight():
    assert weeks.next_reset(at(2026, 11, 30, 0, 0)) == at(2026, 12, 7)
    assert weeks.next_reset(at(2026, 11, 29, 23, 0)) == at(2026, 11, 30)


def test_the_plans_sunday_job_builds_the_coming_week():
    assert weeks.assignment_week(at(2026, 11, 29, 23, 0)) == date(2026, 11, 30)


def test_a_job_after_the_reset_or_an_outage_builds_the_running_week():
    assert weeks.assignment_week(at(2026, 11, 30, 0, 5)) == date(2026, 11, 30)
    assert weeks.assignment_week(at(2026, 12, 1, 15, 0)) == date(2026, 11, 30)


def test_week_boundaries_follow_the_configured_time_zone(settings):
    settings.TIME_ZONE = "America/New_York"
    # Monday 03:00 UTC is still Sunday evening in New York.
    assert weeks.week_start_for(at(2026, 11, 30, 3, 0)) == date(2026, 11, 23)
    assert weeks.next_reset(at(2026, 11, 30, 3, 0)) == at(2026, 11, 30, tz=ZoneInfo("America/New_York"))


def test_a_dst_week_is_still_monday_midnight_to_monday_midnight(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    start, end = weeks.week_bounds(date(2026, 10, 19))  # clocks go back on Sunday 25 October
    assert (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() == 169 * 3600
    assert end.astimezone(ZoneInfo("Europe/Berlin")).hour == 0


def test_an_operator_set_reset_hour_moves_the_week_the_countdown_and_the_job_together(settings):
    settings.TIME_ZONE, settings.THRIVE_RESET_HOUR = "Asia/Tokyo", 5
    tokyo = ZoneInfo("Asia/Tokyo")
    assert weeks.week_start_for(at(2026, 11, 30, 4, 59, tz=tokyo)) == date(2026, 11, 23)  # Monday, before the reset
    assert weeks.week_start_for(at(2026, 11, 30, 5, 0, tz=tokyo)) == date(2026, 11, 30)
    assert weeks.next_reset(at(2026, 11, 30, 4, 0, tz=tokyo)) == at(2026, 11, 30, 5, tz=tokyo)
    assert weeks.assignment_week(at(2026, 11, 30, 4, 0, tz=tokyo)) == date(2026, 11, 30)  # the job, an hour before


def test_the_beat_schedule_fires_an_hour_before_the_reset_it_shares_with_the_countdown(settings):
    job = settings.CELERY_BEAT_SCHEDULE["assign-weekly-thrive-circles"]["schedule"]
    reset = weeks.next_reset(at(2026, 11, 25, 12))
    fires = reset - timedelta(hours=1)
    assert isinstance(job, crontab)
    assert job.hour == {fires.hour} and job.minute == {0} and job.day_of_week == {fires.isoweekday() % 7}
    assert weeks.assignment_week(fires) == weeks.week_start_for(reset)

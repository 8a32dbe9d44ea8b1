"""Streak freezes and rest weeks through missed days (issue 17), on the real ledger."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from core.points.models import ActivityType, PointsHistory
from core.points.selectors import login_streak
from core.points.services import PointsService
from core.points.streaks import Rest, count_login, missed_days
from core.users.tests.factories import UserFactory

MONDAY = date(2026, 11, 2)


def login_days(user, days):
    for day in days:
        PointsService.record_daily_login(user, today=day)
    user.refresh_from_db()
    return user


def days_from(start, count):
    return [start + timedelta(days=n) for n in range(count)]


def test_seven_days_in_a_row_earn_one_freeze_and_fourteen_two(levels):
    user = login_days(UserFactory(), days_from(MONDAY, 7))
    assert user.streak_freezes == 1
    user = login_days(user, days_from(MONDAY + timedelta(days=7), 7))
    assert (user.current_streak, user.streak_freezes) == (14, 2)


def test_freezes_are_capped_at_two(levels):
    user = login_days(UserFactory(), days_from(MONDAY, 21))
    assert (user.current_streak, user.streak_freezes) == (21, 2)


def test_one_missed_day_spends_one_freeze_and_keeps_the_streak(levels):
    user = login_days(UserFactory(), days_from(MONDAY, 12))
    assert user.streak_freezes == 1
    back = MONDAY + timedelta(days=13)  # day 13 missed
    user = login_days(user, [back])
    assert (user.current_streak, user.streak_freezes) == (13, 0)
    assert (user.freeze_used_on, user.freeze_kept_streak, user.freezes_used) == (back, 12, 1)
    streak = login_streak(user, today=back)
    assert streak["freeze_kept"] == {"on": back, "streak": 12, "freezes_used": 1}


def test_two_freezes_cover_two_missed_days(levels):
    user = login_days(UserFactory(), days_from(MONDAY, 14))
    user = login_days(user, [MONDAY + timedelta(days=16)])  # days 15 and 16 missed
    assert (user.current_streak, user.streak_freezes, user.freezes_used) == (15, 0, 2)


def test_a_gap_longer_than_the_freezes_held_restarts_and_spends_none(levels):
    user = login_days(UserFactory(), days_from(MONDAY, 7))
    user = login_days(user, [MONDAY + timedelta(days=9)])  # two missed, one freeze held
    assert (user.current_streak, user.max_streak, user.streak_freezes) == (1, 7, 1)
    assert user.freeze_used_on is None


def test_the_next_bonus_after_a_freeze_still_comes_at_day_fourteen(levels):
    user = login_days(UserFactory(), days_from(MONDAY, 10))
    user = login_days(user, days_from(MONDAY + timedelta(days=11), 4))  # missed day 11, then 11..14
    assert user.current_streak == 14
    assert PointsHistory.objects.filter(user=user, activity_type=ActivityType.WEEK_STREAK).count() == 2


def test_the_page_counts_a_streak_alive_while_a_freeze_covers_the_gap(levels):
    user = login_days(UserFactory(), days_from(MONDAY, 7))
    assert login_streak(user, today=MONDAY + timedelta(days=8))["current_streak"] == 7  # one missed, one freeze
    assert login_streak(user, today=MONDAY + timedelta(days=9))["current_streak"] == 0


def test_days_of_a_rest_week_are_not_missed(levels):
    user = login_days(UserFactory(), days_from(MONDAY, 6))  # Mon..Sat, no freeze yet
    type(user).objects.filter(pk=user.pk).update(resting_week=MONDAY + timedelta(days=7))
    # Sunday missed would break it, so log it; then the whole rest week away; back the Monday after.
    user = login_days(user, [MONDAY + timedelta(days=6), MONDAY + timedelta(days=14)])
    assert (user.current_streak, user.streak_freezes, user.freezes_used) == (8, 1, 0)


def test_coming_back_early_ends_the_forgiven_days(levels):
    user = login_days(UserFactory(), days_from(MONDAY, 7))
    rest_week = MONDAY + timedelta(days=7)
    # Back on Thursday of the rest week, then away Friday and Saturday: one freeze covers only one.
    type(user).objects.filter(pk=user.pk).update(resting_week=rest_week, rest_ended_on=rest_week + timedelta(days=3))
    user = login_days(user, [rest_week + timedelta(days=3)])
    assert (user.current_streak, user.streak_freezes) == (8, 1)
    user = login_days(user, [rest_week + timedelta(days=6)])
    assert (user.current_streak, user.streak_freezes) == (1, 1)


def test_missed_days_excludes_only_the_rest_days():
    rest = Rest(week=date(2026, 11, 9), ended_on=date(2026, 11, 11))
    assert missed_days(date(2026, 11, 7), date(2026, 11, 13), rest) == 3  # the 8th, 11th, 12th
    assert missed_days(None, date(2026, 11, 13), rest) == 0
    assert count_login(last=date(2026, 11, 7), today=date(2026, 11, 13), streak=5, freezes=2, rest=rest).streak == 1


def test_the_login_day_is_the_persons_own_midnight(levels):
    """23:30 in Tokyo on Tuesday is still Tuesday 15:30 in Paris... but 00:30 Wednesday Tokyo is
    a new day for the Tokyo member while the Paris member's day has not changed."""
    tokyo = UserFactory(time_zone="Asia/Tokyo")
    paris = UserFactory(time_zone="Europe/Paris")
    tuesday_night_tokyo = datetime(2026, 11, 3, 23, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    with time_machine.travel(tuesday_night_tokyo, tick=False):
        PointsService.record_daily_login(tokyo)
        PointsService.record_daily_login(paris)
    with time_machine.travel(tuesday_night_tokyo + timedelta(hours=1), tick=False):
        assert PointsService.record_daily_login(tokyo) != []  # Wednesday 00:30 in Tokyo: a new day
        assert PointsService.record_daily_login(paris) == []  # still Tuesday 16:30 in Paris
    tokyo.refresh_from_db()
    paris.refresh_from_db()
    assert (tokyo.last_login_date, tokyo.current_streak) == (date(2026, 11, 4), 2)
    assert (paris.last_login_date, paris.current_streak) == (date(2026, 11, 3), 1)


def test_a_dst_change_does_not_break_or_double_a_day(levels):
    """America/Los_Angeles falls back on 2026-11-01: that Sunday is 25 hours long, still one day."""
    person = UserFactory(time_zone="America/Los_Angeles")
    la = ZoneInfo("America/Los_Angeles")
    moments = [
        datetime(2026, 10, 31, 23, 50, tzinfo=la),  # Saturday
        datetime(2026, 11, 1, 0, 10, tzinfo=la),  # Sunday, before the fall back
        datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=la),  # Sunday, the repeated hour
        datetime(2026, 11, 1, 23, 59, tzinfo=la),  # still Sunday
        datetime(2026, 11, 2, 0, 1, tzinfo=la),  # Monday
    ]
    counted = []
    for moment in moments:
        with time_machine.travel(moment, tick=False):
            counted.append(bool(PointsService.record_daily_login(person)))
    person.refresh_from_db()
    assert counted == [True, True, False, False, True]
    assert person.current_streak == 3

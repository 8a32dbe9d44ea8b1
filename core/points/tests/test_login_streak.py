from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from core.points.selectors import login_streak
from core.points.services import PointsService
from core.users.tests.factories import UserFactory

TODAY = date(2026, 11, 25)


def streak_of(user, **fields):
    type(user).objects.filter(pk=user.pk).update(**fields)
    return login_streak(user, today=TODAY)


def test_todays_login_is_counted_and_the_next_bonus_named(levels):
    user = UserFactory()
    for offset in range(5, -1, -1):  # six days in a row, up to today
        PointsService.record_daily_login(user, today=TODAY - timedelta(days=offset))
    assert login_streak(user, today=TODAY) == {
        "current_streak": 6,
        "longest_streak": 6,
        "counted_today": True,
        "visits_to_next_bonus": 1,
        "next_bonus_xp": 25,
        "streak_freezes": 0,
        "max_streak_freezes": 2,
        "freeze_kept": None,
    }


def test_a_streak_that_missed_yesterday_reads_as_zero(db):
    user = UserFactory()
    streak = streak_of(user, current_streak=12, max_streak=40, last_login_date=TODAY - timedelta(days=2))
    assert (streak["current_streak"], streak["longest_streak"], streak["counted_today"]) == (0, 40, False)
    assert streak["visits_to_next_bonus"] == 7


def test_yesterdays_streak_still_stands_before_todays_visit(db):
    user = UserFactory()
    streak = streak_of(user, current_streak=29, max_streak=29, last_login_date=TODAY - timedelta(days=1))
    assert (streak["current_streak"], streak["visits_to_next_bonus"], streak["next_bonus_xp"]) == (29, 1, 100)


@pytest.mark.parametrize(("current", "visits"), [(0, 7), (7, 7), (13, 1), (28, 2)])
def test_the_nearest_bonus_is_every_7th_or_30th_day(db, current, visits):
    user = UserFactory()
    assert streak_of(user, current_streak=current, last_login_date=TODAY)["visits_to_next_bonus"] == visits


def test_the_streak_endpoint_is_the_viewers(levels):
    user = UserFactory()
    client = APIClient()
    client.force_authenticate(user)
    body = client.get("/api/v1/me/streak/").json()
    assert set(body) == {
        "current_streak", "longest_streak", "counted_today", "visits_to_next_bonus", "next_bonus_xp",
        "streak_freezes", "max_streak_freezes", "freeze_kept",
    }
    assert APIClient().get("/api/v1/me/streak/").status_code in (401, 403)

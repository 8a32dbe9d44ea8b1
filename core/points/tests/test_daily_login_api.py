"""The day's login is counted by an explicit write, never by reading the session."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from core.circles.models import UserThriveProfile
from core.circles.services import load_default_levels
from core.points.models import ActivityType, PointsHistory
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory

SESSION = "/api/v1/auth/session/"
DAILY_LOGIN = "/api/v1/me/daily-login/"
WRITES = ("INSERT", "UPDATE", "DELETE", "FOR UPDATE", "FOR NO KEY UPDATE")


def signed_in(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_reading_the_session_awards_nothing_and_writes_nothing(levels):
    user = UserFactory()
    client = signed_in(user)

    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert client.get(SESSION).json()["user"]["id"] == user.pk

    writes = [q["sql"] for q in queries.captured_queries if any(word in q["sql"].upper() for word in WRITES)]
    assert writes == []
    user.refresh_from_db()
    assert (user.last_login_date, user.current_streak) == (None, 0)
    assert not PointsHistory.objects.filter(user=user).exists()


def test_the_first_post_of_the_day_counts_it_and_later_ones_change_nothing(levels):
    user = UserFactory()
    client = signed_in(user)

    first = client.post(DAILY_LOGIN)
    again = client.post(DAILY_LOGIN)

    today = timezone.localdate().isoformat()
    assert (first.status_code, first.json()) == (
        201, {"awarded": True, "login_date": today, "current_streak": 1, "points_awarded": 5}
    )
    assert (again.status_code, again.json()) == (
        200, {"awarded": False, "login_date": today, "current_streak": 1, "points_awarded": 0}
    )
    assert PointsHistory.objects.filter(user=user, activity_type=ActivityType.DAILY_LOGIN).count() == 1
    assert UserThriveProfile.objects.get(user=user).total_xp == 5


def test_a_day_already_counted_is_answered_without_locking_the_user(levels):
    user = UserFactory()
    client = signed_in(user)
    client.post(DAILY_LOGIN)

    with CaptureQueriesContext(connection) as queries:
        assert client.post(DAILY_LOGIN).status_code == 200
    assert [q["sql"] for q in queries.captured_queries if any(word in q["sql"].upper() for word in WRITES)] == []


def test_yesterdays_login_continues_the_streak_and_the_seventh_day_earns_the_bonus(levels):
    user = UserFactory(last_login_date=timezone.localdate() - timedelta(days=1), current_streak=6)

    response = signed_in(user).post(DAILY_LOGIN)

    awards = PointsHistory.objects.filter(user=user)
    assert response.status_code == 201 and response.json()["current_streak"] == 7
    assert {award.activity_type for award in awards} == {ActivityType.DAILY_LOGIN, ActivityType.WEEK_STREAK}
    assert response.json()["points_awarded"] == sum(award.points_awarded for award in awards) > 5


def test_signing_in_counts_the_day_so_the_apps_post_after_it_changes_nothing(levels):
    UserFactory(username="eve")
    client = APIClient(enforce_csrf_checks=True)
    client.get(SESSION)
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    client.post("/api/v1/auth/login/", {"username": "eve", "password": "thrive-demo"}, format="json")
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)  # rotated by signing in

    response = client.post(DAILY_LOGIN)

    assert (response.status_code, response.json()["awarded"]) == (200, False)
    assert PointsHistory.objects.filter(user__username="eve").count() == 1


def test_signed_out_callers_are_refused(db):
    response = APIClient().post(DAILY_LOGIN)
    assert response.status_code in (401, 403) and response.json()["code"] == "not_authenticated"


def test_the_write_needs_the_csrf_token_like_every_session_write(levels):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(user := UserFactory())
    assert client.post(DAILY_LOGIN).status_code == 403
    assert not PointsHistory.objects.filter(user=user).exists()


def test_the_endpoint_is_documented_with_its_statuses(db):
    schema = APIClient().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"][DAILY_LOGIN]["post"]
    assert {"200", "201", "401", "403"} <= set(operation["responses"])
    assert "get" not in schema["paths"][DAILY_LOGIN]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_tabs_opening_at_the_same_moment_count_the_day_once():
    load_default_levels()
    user = UserFactory()

    def open_a_tab():
        client = APIClient()
        client.force_authenticate(user)
        return client.post(DAILY_LOGIN).status_code

    statuses = run_concurrently(*[open_a_tab] * 6)

    assert sorted(statuses) == [200] * 5 + [201]
    assert PointsHistory.objects.filter(user=user).count() == 1
    assert UserThriveProfile.objects.get(user=user).total_xp == 5

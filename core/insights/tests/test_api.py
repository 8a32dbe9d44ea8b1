"""The staff-only dashboard data, stored snapshots of finished weeks, and recording views."""

from datetime import date

import pytest
import time_machine
from rest_framework.test import APIClient

from core.circles.services import load_default_levels
from core.insights.models import FeatureView, WeeklyKPISnapshot
from core.insights.services import record_view, weekly_kpis
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory
from core.testing import client_for

from .conftest import NOW, W2, W3

KPIS = "/api/v1/insights/thrive-circles/"
VIEWS = "/api/v1/me/views/"


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_ordinary_users_get_a_403(levels):
    response = client_for(UserFactory()).get(KPIS)
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


def test_anonymous_requests_are_refused(db):
    response = APIClient().get(KPIS)
    assert response.status_code in (401, 403) and response.json()["code"] == "not_authenticated"


def test_staff_get_twelve_weeks_oldest_first_ending_with_the_running_week(community, clock):
    body = client_for(UserFactory(is_staff=True)).get(KPIS).json()
    weeks = body["weeks"]
    assert len(weeks) == 12 and [w["week_start"] for w in weeks][-2:] == [W2.isoformat(), W3.isoformat()]
    assert [w["is_complete"] for w in weeks] == [True] * 11 + [False]
    week2 = weeks[-2]
    assert (week2["active_users"], week2["active_share"], week2["retention"], week2["level_ups"]) == (3, 0.6, 0.5, 2)
    assert week2["level_distribution"][0] == {"level": "Seedling", "order": 1, "users": 2}


@pytest.mark.parametrize("weeks", [0, 53, "ten"])
def test_a_bad_weeks_parameter_gets_a_400_naming_it(levels, weeks):
    response = client_for(UserFactory(is_staff=True)).get(KPIS, {"weeks": weeks})
    assert response.status_code == 400 and "weeks" in response.json()["errors"]


def test_finished_weeks_are_stored_once_and_the_running_week_never(community, clock, django_assert_max_num_queries):
    first = weekly_kpis(weeks_back=4, now=NOW)
    assert sorted(WeeklyKPISnapshot.objects.values_list("week_start", flat=True)) == [
        date(2026, 11, 2), date(2026, 11, 9), W2
    ]
    with django_assert_max_num_queries(11):  # the snapshots, then the running week's ten
        assert weekly_kpis(weeks_back=4, now=NOW) == first


def test_a_refresh_recomputes_stored_weeks(community, clock):
    weekly_kpis(weeks_back=2, now=NOW)
    stored = WeeklyKPISnapshot.objects.get(week_start=W2)
    WeeklyKPISnapshot.objects.filter(week_start=W2).update(metrics={**stored.metrics, "active_users": 999})
    assert weekly_kpis(weeks_back=2, now=NOW)[0]["active_users"] == 999
    assert weekly_kpis(weeks_back=2, now=NOW, refresh=True)[0]["active_users"] == 3


def test_a_view_is_counted_per_person_feature_and_day(levels, clock):
    user = UserFactory()
    client = client_for(user)
    for feature in ["thrive_circle_page", "thrive_circle_page", "activity_feed"]:
        assert client.post(VIEWS, {"feature": feature}, format="json").status_code == 204
    rows = {(v.feature, v.day, v.count) for v in FeatureView.objects.filter(user=user)}
    assert rows == {("thrive_circle_page", NOW.date(), 2), ("activity_feed", NOW.date(), 1)}


@pytest.mark.parametrize("body", [{}, {"feature": "leaderboard"}, {"feature": ["activity_feed"]}])
def test_an_unknown_feature_gets_a_400(levels, body):
    response = client_for(UserFactory()).post(VIEWS, body, format="json")
    assert response.status_code == 400 and "feature" in response.json()["errors"]


def test_anonymous_views_are_not_counted(db):
    assert APIClient().post(VIEWS, {"feature": "activity_feed"}, format="json").status_code in (401, 403)
    assert not FeatureView.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_first_views_of_the_day_at_the_same_moment_are_all_counted():
    load_default_levels()
    user = UserFactory()
    run_concurrently(*[lambda: record_view(user, "thrive_circle_page")] * 6)  # re-raises any thread's error
    assert FeatureView.objects.get(user=user).count == 6

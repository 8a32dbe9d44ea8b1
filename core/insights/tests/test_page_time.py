"""Time on Your Thrive Circle: the report endpoint (JSON and the page's beacon form), its limits,
and the weekly median the dashboard shows."""

from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
import time_machine
from django.test import Client
from rest_framework.test import APIClient

from core.circles.services import load_default_levels
from core.insights.demo import seed_demo_views
from core.insights.exceptions import PageTimeOutOfRange
from core.insights.kpis import compute_week
from core.insights.models import FeatureView, PageTime
from core.insights.services import MAX_SECONDS_PER_REPORT, WEEK_SECONDS, record_page_time
from core.points.models import ActivityType, PointsHistory
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory
from core.testing import client_for

from .conftest import NOW, W2, W3, at

PAGE_TIME = "/api/v1/me/page-time/"
CSRF = "k" * 32  # an unmasked CSRF secret: Django accepts it as cookie and as form field


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_reports_add_up_in_the_viewers_row_for_the_week(db, clock):
    user = UserFactory()
    client = client_for(user)
    assert client.post(PAGE_TIME, {"seconds": 45}, format="json").json() == {"week_start": W3.isoformat(), "seconds": 45}
    assert client.post(PAGE_TIME, {"seconds": 60}, format="json").json()["seconds"] == 105
    row = PageTime.objects.get(user=user)
    assert (row.week_start, row.seconds, row.reports) == (W3, 105, 2)


def test_a_new_week_starts_a_new_row(db):
    user = UserFactory()
    record_page_time(user, 30, now=at(22, 23, 59))  # Sunday of W2, in UTC (the test time zone)
    record_page_time(user, 40, now=at(23, 0, 1))
    assert dict(PageTime.objects.filter(user=user).values_list("week_start", "seconds")) == {W2: 30, W3: 40}


@pytest.mark.parametrize(
    "body",
    [{}, {"seconds": 0}, {"seconds": -5}, {"seconds": MAX_SECONDS_PER_REPORT + 1}, {"seconds": "45"}, {"seconds": 12.5},
     {"seconds": True}, {"seconds": None}, {"seconds": [45]}],
)
def test_bad_reports_get_a_400_naming_the_field_and_count_nothing(db, body):
    response = client_for(UserFactory()).post(PAGE_TIME, body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and "seconds" in response.json()["errors"] and response.json()["detail"]
    assert not PageTime.objects.exists()


def test_a_body_that_is_not_an_object_gets_a_400(db):
    response = client_for(UserFactory()).post(PAGE_TIME, [45], format="json")
    assert response.status_code == 400 and response.json()["code"] == "invalid"


def test_the_service_refuses_a_report_above_the_cap(db):
    with pytest.raises(PageTimeOutOfRange) as error:
        record_page_time(UserFactory(), MAX_SECONDS_PER_REPORT + 1)
    assert error.value.code == "page_time_out_of_range"
    assert not PageTime.objects.exists()


def test_a_week_never_holds_more_seconds_than_it_has(db, clock):
    user = UserFactory()
    PageTime.objects.create(user=user, week_start=W3, seconds=WEEK_SECONDS - 10, reports=1)
    assert record_page_time(user, MAX_SECONDS_PER_REPORT) == WEEK_SECONDS


def test_anonymous_reports_are_refused(db):
    response = APIClient().post(PAGE_TIME, {"seconds": 30}, format="json")
    assert response.status_code in (401, 403) and response.json()["code"] == "not_authenticated"
    assert not PageTime.objects.exists()


def beacon(client: Client, body: dict):
    """What navigator.sendBeacon(url, new URLSearchParams(body)) sends."""
    return client.post(PAGE_TIME, urlencode(body), content_type="application/x-www-form-urlencoded;charset=UTF-8")


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.cookies["csrftoken"] = CSRF
    return client


def test_the_beacon_form_counts_with_the_csrf_token_in_its_body(db, clock):
    user = UserFactory()
    response = beacon(csrf_client(user), {"seconds": "30", "csrfmiddlewaretoken": CSRF})
    assert response.status_code == 200 and response.json()["seconds"] == 30
    assert PageTime.objects.get(user=user).seconds == 30


@pytest.mark.parametrize("token", [None, "x" * 32])
def test_a_session_beacon_without_the_right_csrf_token_is_refused(db, clock, token):
    user = UserFactory()
    body = {"seconds": "30"} if token is None else {"seconds": "30", "csrfmiddlewaretoken": token}
    response = beacon(csrf_client(user), body)
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    assert not PageTime.objects.exists()


@pytest.mark.parametrize("seconds", ["", "abc", "1e3", "-4", "121"])
def test_a_bad_beacon_form_gets_a_400(db, clock, seconds):
    response = beacon(csrf_client(UserFactory()), {"seconds": seconds, "csrfmiddlewaretoken": CSRF})
    assert response.status_code == 400 and "seconds" in response.json()["errors"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_first_reports_of_the_week_at_the_same_moment_are_all_counted():
    load_default_levels()
    user = UserFactory()
    run_concurrently(*[lambda: record_page_time(user, 30)] * 6)  # re-raises any thread's error
    row = PageTime.objects.get(user=user)
    assert (row.seconds, row.reports) == (180, 6)


# The weekly median the dashboard charts.


def times(week: date, *seconds: int) -> None:
    PageTime.objects.bulk_create(PageTime(user=UserFactory(), week_start=week, seconds=s, reports=1) for s in seconds)


def test_the_median_of_an_odd_number_of_visitors_is_the_middle_one(levels):
    times(W2, 60, 600, 120)
    times(W3, 6000)  # another week: not counted
    week = compute_week(W2, now=NOW)
    assert (week.page_time_visitors, week.median_page_minutes) == (3, 2.0)


def test_the_median_of_an_even_number_of_visitors_is_the_mean_of_the_middle_two(levels):
    times(W2, 30, 90, 150, 3000)
    week = compute_week(W2, now=NOW)
    assert (week.page_time_visitors, week.median_page_minutes) == (4, 2.0)


def test_a_week_without_reported_time_has_no_median(levels):
    week = compute_week(W2, now=NOW)
    assert (week.page_time_visitors, week.median_page_minutes) == (0, None)


def test_the_dashboard_shows_the_median(levels, clock):
    times(W3, 60, 180, 300)
    body = client_for(UserFactory(is_staff=True)).get("/api/v1/insights/thrive-circles/", {"weeks": 1}).json()
    assert (body["weeks"][0]["page_time_visitors"], body["weeks"][0]["median_page_minutes"]) == (3, 3.0)


def test_the_demo_gives_each_week_with_page_views_its_visible_time(levels):
    user = UserFactory()
    for day in (17, 18, 24):  # two days of W2, one of W3
        PointsHistory.objects.create(user=user, activity_type=ActivityType.DAILY_LOGIN, points_awarded=5, created_at=at(day, 9))
    seed_demo_views(seed=1)
    page_days = FeatureView.objects.filter(user=user, feature="thrive_circle_page").values_list("day", flat=True)
    expected_weeks = {day - timedelta(days=day.weekday()) for day in page_days}
    rows = {row.week_start: row.seconds for row in PageTime.objects.filter(user=user)}
    assert set(rows) == expected_weeks
    assert all(30 <= seconds <= 3 * 420 * 2 for seconds in rows.values())

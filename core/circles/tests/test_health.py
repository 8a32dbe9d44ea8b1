"""Monitoring: health.circles_health, `check_thrive_circles` and GET /api/v1/thrive-circles/health/."""

import json
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from core.circles.ops import health
from core.circles.models import CircleAssignmentRun, CircleMembership, UserThriveProfile
from core.circles.services import CircleAssignmentService
from core.circles.tests.factories import AssignmentRunFactory, ProfileFactory

UTC = ZoneInfo("UTC")
MONDAY = datetime(2026, 11, 23, tzinfo=UTC)  # the week under test starts here (TIME_ZONE is UTC in tests)
WEDNESDAY = MONDAY + timedelta(days=2, hours=12)
URL = "/api/v1/thrive-circles/health/"


@pytest.fixture(autouse=True)
def utc(settings):
    settings.TIME_ZONE = "UTC"


def profiles(count, *, active_at=WEDNESDAY - timedelta(days=1)):
    return [ProfileFactory(user__password="!", total_xp=10 * i, last_activity_at=active_at) for i in range(count)]


def check(now):
    """(exit ok?, output) of `check_thrive_circles` at `now`."""
    out = StringIO()
    with time_machine.travel(now, tick=False):
        try:
            call_command("check_thrive_circles", stdout=out)
        except CommandError as exc:
            return False, out.getvalue() + str(exc)
    return True, out.getvalue()


def get_health(now, client=None):
    with time_machine.travel(now, tick=False):
        return (client or APIClient()).get(URL)


@pytest.mark.django_db
def test_healthy_when_the_week_is_built_and_everyone_is_seated(levels):
    profiles(8)
    with time_machine.travel(WEDNESDAY - timedelta(days=1), tick=False):
        CircleAssignmentService.assign_weekly_circles()

    ok, output = check(WEDNESDAY)
    response = get_health(WEDNESDAY)

    assert ok, output
    assert "OK   circles: 1 circles for the week of 2026-11-23." in output
    assert "Thrive Circles are healthy." in output
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["circles"], body["eligible_users"], body["unseated_users"]) == ("healthy", 1, 8, 0)
    assert body["last_run"]["status"] == "succeeded"


@pytest.mark.django_db
def test_missing_circles_are_an_alarm_only_after_the_grace_period(levels, settings):
    settings.THRIVE_ASSIGNMENT_GRACE_HOURS = 2
    profiles(5)

    within_ok, _ = check(MONDAY + timedelta(hours=1, minutes=59))
    late_ok, output = check(MONDAY + timedelta(hours=3))

    assert within_ok
    assert not late_ok
    assert "FAIL circles: No circles for the week of 2026-11-23, 3 h after it started (5 eligible users)" in output
    assert "Thrive Circles are unhealthy (circles)." in output
    assert get_health(MONDAY + timedelta(hours=3)).status_code == 503


@pytest.mark.django_db
def test_no_circles_is_fine_when_nobody_is_eligible(levels):
    profiles(3, active_at=WEDNESDAY - timedelta(days=60))

    ok, output = check(WEDNESDAY)

    assert ok, output
    assert "nobody is eligible" in output


@pytest.mark.django_db
def test_a_failed_last_run_is_an_alarm_without_leaking_its_error(levels):
    profiles(4)
    with time_machine.travel(MONDAY + timedelta(hours=1), tick=False):
        CircleAssignmentService.assign_weekly_circles()
    AssignmentRunFactory(status="failed", started_at=WEDNESDAY - timedelta(hours=1),
                         error="OperationalError: password authentication failed for user app")

    ok, output = check(WEDNESDAY)
    response = get_health(WEDNESDAY)

    assert not ok
    assert "FAIL last_run" in output and "failed" in output
    assert "error: OperationalError: password authentication failed" in output  # operators see it
    assert response.status_code == 503
    assert "password" not in response.content.decode()  # the public endpoint does not
    assert response.json()["last_run"]["status"] == "failed"


@pytest.mark.django_db
def test_a_run_stuck_in_running_is_an_alarm(levels, settings):
    settings.THRIVE_ASSIGNMENT_STUCK_MINUTES = 30
    AssignmentRunFactory(status="running", started_at=WEDNESDAY - timedelta(minutes=10), finished_at=None)

    assert check(WEDNESDAY)[0]
    ok, output = check(WEDNESDAY + timedelta(minutes=25))

    assert not ok
    assert "still marked running" in output


@pytest.mark.django_db
def test_eligible_users_without_a_circle_are_an_alarm(levels):
    profiles(6)
    with time_machine.travel(MONDAY + timedelta(hours=1), tick=False):
        CircleAssignmentService.assign_weekly_circles()
    CircleMembership.objects.filter(profile=UserThriveProfile.objects.first()).delete()

    ok, output = check(WEDNESDAY)

    assert not ok
    assert "FAIL seated: 1 of 6 eligible users have no circle for the week of 2026-11-23" in output
    assert get_health(WEDNESDAY).json()["unseated_users"] == 1


@pytest.mark.django_db
def test_users_already_in_next_weeks_circle_count_as_seated(levels):
    profiles(6)
    with time_machine.travel(MONDAY + timedelta(hours=1), tick=False):
        CircleAssignmentService.assign_weekly_circles()
    sunday_night = MONDAY + timedelta(days=6, hours=23)
    with time_machine.travel(sunday_night, tick=False):
        CircleAssignmentService.assign_weekly_circles()  # the Sunday job: everyone moves to next week's circle

    ok, output = check(sunday_night + timedelta(minutes=30))

    assert ok, output


@pytest.mark.django_db
def test_json_output_matches_the_endpoint(levels):
    profiles(2)
    out = StringIO()
    with time_machine.travel(WEDNESDAY, tick=False), pytest.raises(CommandError):
        call_command("check_thrive_circles", "--json", stdout=out)

    body = json.loads(out.getvalue())
    endpoint = get_health(WEDNESDAY).json()
    assert body == endpoint
    assert [c["name"] for c in body["checks"]] == ["circles", "last_run", "seated", "cache"]


@pytest.mark.django_db
def test_the_endpoint_is_public_and_holds_no_user_data(levels, django_user_model):
    people = profiles(3)
    with time_machine.travel(MONDAY + timedelta(hours=1), tick=False):
        CircleAssignmentService.assign_weekly_circles()

    body = get_health(WEDNESDAY).content.decode()

    assert set(json.loads(body)) == {
        "status", "checked_at", "week_start", "circles", "eligible_users", "unseated_users", "last_run", "checks",
    }
    for profile in people:
        assert profile.user.username not in body


@pytest.mark.django_db
@pytest.mark.parametrize("users", [3, 40])
def test_the_check_takes_the_same_queries_whatever_the_size(levels, users, django_assert_num_queries):
    profiles(users)
    with time_machine.travel(MONDAY + timedelta(hours=1), tick=False):
        CircleAssignmentService.assign_weekly_circles()

    with time_machine.travel(WEDNESDAY, tick=False), django_assert_num_queries(4):
        report = health.circles_health()
    assert report.healthy
    assert CircleAssignmentRun.objects.count() == 1

"""A rest week through a whole week with the weekly job: not placed, streak kept, back mid-week."""

from datetime import date, datetime, timedelta, timezone as dt_timezone

import pytest
import time_machine
from rest_framework.test import APIClient

from core.circles.models import CircleMembership
from core.circles.services import CircleAssignmentService
from core.circles.tests.factories import ProfileFactory
from core.points.services import PointsService

URL = "/api/v1/me/settings/"
UTC = dt_timezone.utc
WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=UTC)  # week of Monday 23 November
SUNDAY_JOB = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)  # builds the week of 30 November
REST_WEEK = date(2026, 11, 30)
REST_THURSDAY = datetime(2026, 12, 3, 9, tzinfo=UTC)


@pytest.fixture
def community(levels, settings):
    settings.TIME_ZONE = "UTC"
    settings.THRIVE_RESET_HOUR = 0
    with time_machine.travel(WEDNESDAY, tick=False):
        profiles = [ProfileFactory(total_xp=600 + i, last_activity_at=WEDNESDAY) for i in range(8)]
        CircleAssignmentService.assign_weekly_circles()
    return profiles


def seated(profile, week) -> bool:
    return CircleMembership.objects.filter(profile=profile, week_start=week).exists()


def as_client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_rest_week_from_start_to_a_mid_week_return(community):
    resting = community[0]
    user = resting.user
    client = as_client(user)
    # Logs in every day from Monday 16 to Wednesday 25 November (10 days): one freeze earned.
    for n in range(10):
        PointsService.record_daily_login(user, today=date(2026, 11, 16) + timedelta(days=n))
    with time_machine.travel(WEDNESDAY, tick=False):
        body = client.patch(URL, {"resting": True}, format="json").json()
    assert body["rest_week"] == {
        "status": "planned", "week_start": "2026-11-30", "starts_at": "2026-11-30T00:00:00Z",
        "ends_at": "2026-12-07T00:00:00Z", "next_week_start": "2026-11-30",
    }
    # Thursday to Sunday still logged in; then the job builds the rest week without them.
    for n in range(4):
        PointsService.record_daily_login(user, today=date(2026, 11, 26) + timedelta(days=n))
    with time_machine.travel(SUNDAY_JOB, tick=False):
        CircleAssignmentService.assign_weekly_circles()
    assert not seated(resting, REST_WEEK)
    assert all(seated(other, REST_WEEK) for other in community[1:])
    with time_machine.travel(REST_THURSDAY - timedelta(days=2), tick=False):
        assert client.get(URL).json()["rest_week"]["status"] == "resting"
        # The job again (the self-healing, a rerun) still leaves them out.
        CircleAssignmentService.assign_weekly_circles()
    assert not seated(resting, REST_WEEK)
    # Back on Thursday: seated at once in this week's circles, and the streak carries on.
    with time_machine.travel(REST_THURSDAY, tick=False):
        body = client.patch(URL, {"resting": False}, format="json").json()
        assert body["rest_week"]["status"] == "none"
        assert seated(resting, REST_WEEK)
        PointsService.record_daily_login(user)
    user.refresh_from_db()
    # 14 days, then Mon-Wed of the rest week forgiven, Thursday the 15th day; no freeze spent.
    assert (user.current_streak, user.streak_freezes, user.freezes_used) == (15, 2, 0)
    assert user.rest_ended_on == date(2026, 12, 3)


def test_a_rest_taken_after_the_coming_week_was_built_gives_up_the_seat(community):
    resting = community[0]
    with time_machine.travel(SUNDAY_JOB, tick=False):
        CircleAssignmentService.assign_weekly_circles()
        assert seated(resting, REST_WEEK)
        as_client(resting.user).patch(URL, {"resting": True}, format="json")
    assert not seated(resting, REST_WEEK)
    circle = CircleMembership.objects.filter(week_start=REST_WEEK).first().circle
    assert circle.member_count == CircleMembership.objects.filter(circle=circle).count()


def test_cancelling_a_planned_rest_before_the_job_places_them_as_usual(community):
    resting = community[0]
    client = as_client(resting.user)
    with time_machine.travel(WEDNESDAY, tick=False):
        client.patch(URL, {"resting": True}, format="json")
        assert client.patch(URL, {"resting": False}, format="json").json()["rest_week"]["status"] == "none"
    with time_machine.travel(SUNDAY_JOB, tick=False):
        CircleAssignmentService.assign_weekly_circles()
    assert seated(resting, REST_WEEK)


def test_a_rest_week_does_not_change_the_week_after(community):
    resting = community[0]
    with time_machine.travel(WEDNESDAY, tick=False):
        as_client(resting.user).patch(URL, {"resting": True}, format="json")
    with time_machine.travel(SUNDAY_JOB, tick=False):
        CircleAssignmentService.assign_weekly_circles()
    resting.refresh_from_db()
    resting.last_activity_at = SUNDAY_JOB
    resting.save(update_fields=["last_activity_at"])
    with time_machine.travel(SUNDAY_JOB + timedelta(days=7), tick=False):
        CircleAssignmentService.assign_weekly_circles()
    assert seated(resting, REST_WEEK + timedelta(days=7))

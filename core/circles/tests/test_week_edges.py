"""The week's edges: circles are built ahead of the reset, and appear at the reset, not before.

In a non-UTC time zone (Los Angeles: the reset is Monday 00:00 there, 08:00 UTC), the page, the
API and the feed show this week's circle until the reset, and the coming week's from that instant.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from rest_framework.test import APIClient

from core.circles.models import CircleAssignmentRun, XPSource
from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import ProfileFactory

LA = ZoneInfo("America/Los_Angeles")
WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=LA)
RESET = datetime(2026, 11, 30, 0, 0, tzinfo=LA)  # Monday 00:00 in Los Angeles
SUNDAY_JOB = RESET - timedelta(hours=1)  # the weekly job, within THRIVE_ASSIGNMENT_LEAD_HOURS


@pytest.fixture
def los_angeles(settings):
    settings.TIME_ZONE = "America/Los_Angeles"


@pytest.fixture
def week_built_ahead(levels, los_angeles):
    """Six Explorers seated this week, each with a quiz; the Sunday job has built next week."""
    with time_machine.travel(WEDNESDAY, tick=False):
        profiles = [ProfileFactory(total_xp=600 + i, last_activity_at=WEDNESDAY) for i in range(6)]
        CircleAssignmentService.assign_weekly_circles()
        for profile in profiles:
            XPService.add_xp(profile.user, 20, XPSource.QUIZ, "Completed a Quick Quiz", metadata={"title": "AI Basics"})
    with time_machine.travel(SUNDAY_JOB, tick=False):
        run = CircleAssignmentService.assign_weekly_circles()
    assert (run.week_start.isoformat(), run.status) == ("2026-11-30", CircleAssignmentRun.Status.SUCCEEDED)
    client = APIClient()
    client.force_authenticate(profiles[0].user)
    return client, profiles


def page_at(built, moment):
    client, _ = built
    with time_machine.travel(moment, tick=False):
        return client.get("/api/v1/me/thrive-circle/").json()


@pytest.mark.parametrize("before", [timedelta(hours=1), timedelta(seconds=1)])
def test_before_the_reset_the_page_shows_this_weeks_circle_and_its_feed(week_built_ahead, before):
    data = page_at(week_built_ahead, RESET - before)
    assert data["week_start"] == "2026-11-23"
    assert data["current_circle"]["week_start"] == "2026-11-23"
    assert data["circle_status"] == "active"
    assert data["current_circle"]["member_count"] == 6
    assert len(data["recent_activity"]) == 6  # the members' quizzes of this week


@pytest.mark.parametrize("after", [timedelta(0), timedelta(hours=1)])
def test_from_the_reset_the_page_shows_the_coming_weeks_circle(week_built_ahead, after):
    data = page_at(week_built_ahead, RESET + after)
    assert data["week_start"] == "2026-11-30"
    assert data["current_circle"]["week_start"] == "2026-11-30"
    assert data["circle_status"] == "active"
    assert data["recent_activity"] == []  # a fresh week
    assert data["time_until_reset_seconds"] == int((timedelta(days=7) - after).total_seconds())


def test_an_award_in_the_last_hour_lands_in_this_weeks_feed(week_built_ahead):
    _, profiles = week_built_ahead
    with time_machine.travel(RESET - timedelta(minutes=30), tick=False):
        XPService.add_xp(profiles[1].user, 25, XPSource.PROMPT_BATTLE, "Entered a Prompt Battle")
    before = page_at(week_built_ahead, RESET - timedelta(minutes=10))
    after = page_at(week_built_ahead, RESET + timedelta(minutes=10))
    assert before["recent_activity"][0]["description"] == "Entered a Prompt Battle"
    assert after["recent_activity"] == []

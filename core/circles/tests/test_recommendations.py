"""Recommended actions explain themselves from the person's own activity, and the set changes
when another action fits better (rules: docs/design.md, "Recommended actions").

Each test below fails on the previous fixed-three version, whose reasons were only "Enough on its
own to reach ...", "Something new for you this week." and "A favourite of yours this week"."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from rest_framework.test import APIClient

from core.circles.models import XPSource
from core.circles.page.recommendations import Activity, recommended_actions
from core.circles.services import XPService
from core.circles.tests.factories import ProfileFactory
from core.points.models import ActivityType
from core.points.services import PointsService

THRIVE_CIRCLE = "/api/v1/me/thrive-circle/"
NOW = datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("UTC"))
NOTHING = Activity(week_by_source={}, week_by_activity={})


@pytest.fixture(autouse=True)
def projects_page(settings):
    settings.THRIVE_PROJECTS_URL = "/projects"


def reasons(actions: list[dict]) -> dict[str, str]:
    return {a["label"]: a["reason"] for a in actions}


def test_each_action_near_the_next_level_says_how_many_goes_it_takes():
    actions = recommended_actions(NOTHING, xp_to_next_level=40, next_level_name="Explorer")
    assert [(a["label"], a["reason"]) for a in actions] == [
        ("Enter a Prompt Battle", "2 Prompt Battles from your next level, Explorer."),
        ("Complete a Quick Quiz", "2 quizzes from your next level, Explorer."),
        ("Create a New Project", "You haven't started a project this week."),  # 4 goes: too many to be a reason
    ]


def test_one_go_from_the_next_level_is_said_so():
    actions = recommended_actions(NOTHING, xp_to_next_level=20, next_level_name="Creator")
    assert reasons(actions)["Complete a Quick Quiz"] == "One quiz takes you to Creator, your next level."


def test_far_from_the_next_level_the_reasons_are_this_weeks_activity():
    activity = Activity(week_by_source={XPSource.QUIZ: 3}, week_by_activity={ActivityType.QUIZ_COMPLETED: 3})
    actions = recommended_actions(activity, xp_to_next_level=700, next_level_name="Creator")
    assert [(a["label"], a["reason"]) for a in actions] == [
        ("Enter a Prompt Battle", "You haven't tried a Prompt Battle this week."),
        ("Create a New Project", "You haven't started a project this week."),
        ("Complete a Quick Quiz", "3 quizzes this week: keep the rhythm going."),
    ]


def test_unpublished_projects_bring_publishing_into_the_set():
    activity = Activity(week_by_source={}, week_by_activity={}, projects_created=3, projects_published=1)
    actions = recommended_actions(activity, xp_to_next_level=700, next_level_name="Creator")
    assert [a["label"] for a in actions] == ["Reach a project milestone", "Enter a Prompt Battle", "Complete a Quick Quiz"]
    activity = Activity(week_by_source={}, week_by_activity={}, projects_created=2, projects_published=0)
    actions = recommended_actions(activity, xp_to_next_level=700, next_level_name="Creator")
    assert [a["label"] for a in actions] == ["Enter a Prompt Battle", "Complete a Quick Quiz", "Publish a project"]
    assert reasons(actions)["Publish a project"] == "You have 2 projects you haven't published yet."
    assert {a["xp"] for a in actions} == {25, 20, 15}


def test_a_milestone_fits_once_a_project_is_published():
    published = Activity(week_by_source={}, week_by_activity={}, projects_created=1, projects_published=1)
    actions = recommended_actions(published, xp_to_next_level=700, next_level_name="Creator")
    assert actions[0] == {
        "label": "Reach a project milestone", "xp": 50, "url": "/projects", "icon": "faFlag",
        "reason": "No project milestone yet this week.",
    }
    assert "Publish a project" not in reasons(actions)  # nothing left to publish


def test_without_a_projects_page_publishing_and_milestones_are_never_offered(settings):
    settings.THRIVE_PROJECTS_URL = ""
    activity = Activity(week_by_source={}, week_by_activity={}, projects_created=3, projects_published=1)
    actions = recommended_actions(activity, xp_to_next_level=700, next_level_name="Creator")
    assert [a["label"] for a in actions] == ["Enter a Prompt Battle", "Complete a Quick Quiz", "Create a New Project"]


def test_at_the_top_level_no_reason_mentions_a_next_level():
    actions = recommended_actions(NOTHING, xp_to_next_level=0, next_level_name=None)
    assert len(actions) == 3 and not any("level" in a["reason"] for a in actions)


def test_items_keep_the_plans_keys_and_the_reason():
    for action in recommended_actions(NOTHING, xp_to_next_level=100, next_level_name="Explorer"):
        assert set(action) == {"label", "xp", "url", "icon", "reason"}


# Through the page, from real awards.


def page_actions(user) -> list[dict]:
    client = APIClient()
    client.force_authenticate(user)
    return client.get(THRIVE_CIRCLE).json()["recommended_actions"]


def test_the_page_reads_projects_from_the_points_ledger(levels):
    profile = ProfileFactory(total_xp=100)
    with time_machine.travel(NOW, tick=False):
        for minute in (0, 2):
            with time_machine.travel(NOW.replace(minute=minute), tick=False):
                PointsService.award_points(profile.user, ActivityType.PROJECT_CREATED, {"title": f"Bot {minute}"})
        actions = page_actions(profile.user)
    assert [a["label"] for a in actions] == ["Enter a Prompt Battle", "Complete a Quick Quiz", "Publish a project"]
    assert reasons(actions)["Publish a project"] == "You have 2 projects you haven't published yet."


def test_a_won_battle_round_counts_as_a_battle_tried_this_week(levels):
    profile = ProfileFactory(total_xp=100)
    with time_machine.travel(NOW, tick=False):
        PointsService.award_points(profile.user, ActivityType.BATTLE_ROUND_COMPLETED, {})
        actions = page_actions(profile.user)
    assert reasons(actions)["Enter a Prompt Battle"] == "1 Prompt Battle this week: keep the rhythm going."


def test_last_weeks_activity_and_corrections_are_not_this_weeks(levels):
    profile = ProfileFactory(total_xp=100)
    with time_machine.travel(datetime(2026, 11, 20, 12, tzinfo=ZoneInfo("UTC")), tick=False):
        XPService.add_xp(profile.user, 20, XPSource.QUIZ, "Completed a Quick Quiz")
    with time_machine.travel(NOW, tick=False):
        XPService.add_xp(profile.user, -20, XPSource.QUIZ, "Correction after review")
        actions = page_actions(profile.user)
    assert reasons(actions)["Complete a Quick Quiz"] == "You haven't taken a quiz this week."

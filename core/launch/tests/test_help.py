import time_machine
from rest_framework.test import APIClient

from core.points.models import ENGINE_ACTIVITIES, ActivityType
from core.points.rules import PERFECT_QUIZ_BONUS, POINT_VALUES
from core.users.tests.factories import UserFactory

HELP = "/api/v1/thrive-circles/help/"


def get_help():
    client = APIClient()
    client.force_authenticate(UserFactory())
    response = client.get(HELP)
    assert response.status_code == 200
    return response.json()


def test_xp_values_come_from_the_points_table(db):
    ways = get_help()["ways_to_earn"]
    awards = {row["activity_type"]: row["xp"] for row in ways if row["label"] != "Perfect score bonus on a quiz"}
    # Quest rewards and streak bonuses are each quest's own (core/quests): the quests page shows them.
    assert awards == {activity.value: xp for activity, xp in POINT_VALUES.items() if activity not in ENGINE_ACTIVITIES}
    assert {"activity_type": "quiz_completed", "source": "quiz", "label": "Perfect score bonus on a quiz", "xp": PERFECT_QUIZ_BONUS} in ways


def test_ways_to_earn_follow_the_plans_order(db):
    sources = [row["source"] for row in get_help()["ways_to_earn"]]
    order = ["quiz", "prompt_battle", "project", "daily_login", "streak", "achievement"]
    assert sorted(sources, key=order.index) == sources


def test_the_next_reset_is_monday_midnight_in_the_platform_time_zone(db, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    with time_machine.travel("2026-11-25T12:00:00+00:00", tick=False):
        data = get_help()
    assert data["time_zone"] == "Europe/Berlin"
    assert data["reset_at"] == "2026-11-30T00:00:00+01:00"


def test_every_activity_type_is_explained(db):
    assert {row["activity_type"] for row in get_help()["ways_to_earn"]} == set(ActivityType.values) - ENGINE_ACTIVITIES


def test_fair_play_limits_are_explained_from_the_admins_rules(db):
    from core.fairplay.models import FairPlayRule
    from core.fairplay.services import load_default_rules

    load_default_rules()
    FairPlayRule.objects.filter(activity_type="quiz_completed").update(full_points_per_day=3, cooldown_seconds=60)
    FairPlayRule.objects.filter(activity_type="project_created").update(is_active=False)
    rules = {row["activity_type"]: row for row in get_help()["fair_play"]}
    assert rules["quiz_completed"]["label"] == "Complete a Quick Quiz"
    assert "The first 3 each day earn full XP; after that each quiz earns 50% of the one before." in rules["quiz_completed"]["rules"]
    assert "Leave 60 seconds between two quizzes: one sooner earns no XP." in rules["quiz_completed"]["rules"]
    assert "project_created" not in rules  # switched off: no limits to explain

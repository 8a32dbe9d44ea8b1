"""Quests are authored in the admin: a condition, per-level targets, hunt steps, a theme."""

from datetime import date

import pytest

from core.quests.models import CircleTheme, Quest
from core.users.tests.factories import UserFactory

from .factories import QuestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, levels):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def quest_form(**overrides):
    data = {
        "kind": "weekly_challenge", "title": "Grow together", "description": "Earn XP.", "reward_xp": "100",
        "is_active": "on", "display_order": "0", "week_start": "", "first_day": "0", "days": "7", "sources": ["quiz", "project"],
        "measure": "xp", "target": "100",
        "level_targets-TOTAL_FORMS": "0", "level_targets-INITIAL_FORMS": "0",
        "steps-TOTAL_FORMS": "0", "steps-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_staff_author_a_weekly_challenge_with_a_target_per_level(staff_client, levels):
    response = staff_client.post("/admin/quests/quest/add/", quest_form(**{
        "level_targets-TOTAL_FORMS": "1", "level_targets-0-level": str(levels["Seedling"].pk), "level_targets-0-target": "40",
    }))
    assert response.status_code == 302, response.content[:2000]
    quest = Quest.objects.get()
    assert (quest.kind, quest.sources, quest.measure, quest.target) == ("weekly_challenge", ["quiz", "project"], "xp", 100)
    assert list(quest.level_targets.values_list("level__name", "target")) == [("Seedling", 40)]


def test_staff_author_a_hunt_with_ordered_steps(staff_client):
    response = staff_client.post("/admin/quests/quest/add/", quest_form(**{
        "kind": "scavenger_hunt", "sources": [], "steps-TOTAL_FORMS": "2",
        "steps-0-order": "1", "steps-0-clue": "Top level?", "steps-0-answer": "Luminary", "steps-0-link": "/help/thrive-circles",
        "steps-1-order": "2", "steps-1-clue": "Quiz XP?", "steps-1-answer": "20", "steps-1-link": "",
    }))
    assert response.status_code == 302
    assert list(Quest.objects.get().steps.values_list("order", "answer")) == [(1, "Luminary"), (2, "20")]


def test_a_week_must_start_on_a_monday(staff_client):
    response = staff_client.post("/admin/quests/quest/add/", quest_form(week_start="2026-11-25"))
    assert response.status_code == 200
    assert "starts on a Monday" in response.content.decode()
    assert not Quest.objects.exists()


def test_rewards_cannot_be_chosen_as_a_source(staff_client):
    response = staff_client.post("/admin/quests/quest/add/", quest_form(sources=["side_quest"]))
    assert response.status_code == 200
    assert not Quest.objects.exists()


def test_staff_author_a_theme_with_its_side_quest(staff_client):
    side_quest = QuestFactory()
    response = staff_client.post("/admin/quests/circletheme/add/", {
        "name": "Prompt Week", "week_start": "2026-11-23", "level": "", "color_from": "violet-500",
        "color_to": "fuchsia-500", "icon": "🪄", "side_quest": str(side_quest.pk),
    })
    assert response.status_code == 302
    assert CircleTheme.objects.get().week_start == date(2026, 11, 23)


def test_the_quest_list_shows_authored_quests(staff_client):
    QuestFactory(title="Try a Prompt Battle")
    assert "Try a Prompt Battle" in staff_client.get("/admin/quests/quest/").content.decode()


def test_a_window_past_the_week_is_explained_in_the_form(staff_client):
    response = staff_client.post("/admin/quests/quest/add/", quest_form(first_day="5", days="3"))
    assert response.status_code == 200
    assert "The window must end by the end of the week" in response.content.decode()

"""The demo's quests, and the cost quest evaluation adds to an award."""

import pytest
import time_machine
from django.core.management import call_command

from core.circles.tests.factories import ProfileFactory
from core.quests import services
from core.quests.models import CircleTheme, Quest
from core.testing import client_for

from .factories import QuestFactory

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_of_each_kind_every_week_and_loads_once(levels):
    call_command("seed_demo_quests")
    call_command("seed_demo_quests")
    assert set(Quest.objects.values_list("kind", flat=True)) == {"side_quest", "weekly_challenge", "scavenger_hunt"}
    assert Quest.objects.count() == 5
    assert not Quest.objects.filter(week_start__isnull=False).exists()
    theme = CircleTheme.objects.get()
    assert (theme.name, theme.side_quest.title) == ("Prompt Week", "Prompt Week: build something")


def test_a_new_member_sees_the_demo_quests_with_their_level_target(levels):
    call_command("seed_demo_quests")
    member = ProfileFactory().user  # a Seedling
    body = client_for(member).get("/api/v1/me/quests/").json()
    kinds = [quest["kind"] for quest in body["quests"]]
    assert sorted(set(kinds)) == ["scavenger_hunt", "side_quest", "weekly_challenge"]
    challenge = next(quest for quest in body["quests"] if quest["kind"] == "weekly_challenge")
    assert challenge["progress"] == {"current": 0, "target": 60}
    assert body["theme"]["name"] == "Prompt Week"


@pytest.mark.parametrize("quests", [5, 50])
def test_evaluating_quests_after_an_award_costs_the_same_queries_for_5_or_50_quests(levels, django_assert_num_queries, quests):
    user = ProfileFactory().user
    QuestFactory.create_batch(quests, sources=["project"], target=3)
    with time_machine.travel("2026-11-25T12:00:00+00:00", tick=False):
        # level, completions, quests, their level targets, the week's events
        with django_assert_num_queries(5):
            assert services.evaluate_quests(user) == []

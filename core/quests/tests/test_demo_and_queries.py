"""The demo's quests, and the cost quest evaluation adds to an award."""

import pytest
import time_machine
from django.utils import timezone
from django.core.management import call_command

from core.circles.tests.factories import ProfileFactory
from core.points.models import ActivityType
from core.quests import services
from core.quests.models import CircleTheme, Quest, QuestCompletion
from core.testing import client_for

from .factories import QuestFactory

pytestmark = pytest.mark.django_db
MIDWEEK = "2026-11-25T12:00:00+00:00"


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
def test_an_award_reads_one_query_of_events_for_5_or_50_quests(levels, award, django_assert_num_queries, quests):
    user = ProfileFactory().user
    QuestFactory.create_batch(quests, sources=["project"], target=3)
    award(user, at=MIDWEEK)  # warms the cached quests of the week
    with time_machine.travel(MIDWEEK, tick=False):
        with django_assert_num_queries(1):  # the week's events and the level, in one
            assert services.progress_after_award(user, now=timezone.now(), source="prompt_battle") == []


@pytest.mark.parametrize("quests", [5, 50])
def test_once_a_quest_is_met_and_done_an_award_reads_two_queries(levels, award, django_assert_num_queries, quests):
    user = ProfileFactory().user
    QuestFactory(sources=["quiz"])
    QuestFactory.create_batch(quests - 1, sources=["project"], target=3)
    award(user, at=MIDWEEK)  # completes the quiz quest
    with time_machine.travel(MIDWEEK, tick=False):
        with django_assert_num_queries(2):  # events and level; the completions of the met quest
            assert services.progress_after_award(user, now=timezone.now(), source="quiz") == []


def test_editing_a_quest_reaches_the_next_award(levels, award):
    user = ProfileFactory().user
    quest = QuestFactory(sources=["project"])
    with time_machine.travel(MIDWEEK, tick=True):
        award(user)  # caches the week's quests; a quiz does not meet it
        quest.sources = ["quiz"]
        quest.save()  # in the admin, or anywhere: the week's cached quests are forgotten
        award(user, ActivityType.BATTLE_PARTICIPATED)  # the next award counts the quiz before it
    assert QuestCompletion.objects.filter(user=user, quest=quest).exists()

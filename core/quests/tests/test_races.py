"""Completion exactly once when awards race, on PostgreSQL with real threads."""

import pytest

from core.circles.models import UserThriveProfile, XPEvent, XPSource
from core.circles.services import load_default_levels
from core.points.models import ActivityType
from core.points.services import PointsService
from core.quests import services
from core.quests.models import HuntStepSolve, QuestCompletion
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory

from .factories import HuntFactory, QuestFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_awards_complete_a_quest_once():
    load_default_levels()
    user = UserFactory()
    quest = QuestFactory(sources=["prompt_battle"], reward_xp=30)
    # Each award commits and then evaluates the quests in its own thread (the after-commit signal).
    run_concurrently(*[lambda: PointsService.award_points(user, ActivityType.BATTLE_PARTICIPATED)] * 6)
    assert QuestCompletion.objects.filter(user=user, quest=quest).count() == 1
    assert XPEvent.objects.filter(user=user, source=XPSource.SIDE_QUEST).count() == 1
    profile = UserThriveProfile.objects.get(user=user)
    assert profile.total_xp == sum(XPEvent.objects.filter(user=user).values_list("amount", flat=True))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_evaluations_of_a_met_quest_reward_once():
    load_default_levels()
    user = UserFactory()
    PointsService.award_points(user, ActivityType.QUIZ_COMPLETED)  # met before the quest exists
    quest = QuestFactory(sources=["quiz"], reward_xp=40)
    results = run_concurrently(*[lambda: len(services.evaluate_quests(user))] * 6)
    assert sorted(results) == [0] * 5 + [1]
    assert QuestCompletion.objects.get(user=user, quest=quest).xp_awarded == 40
    assert XPEvent.objects.filter(user=user, source=XPSource.SIDE_QUEST).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_right_answers_to_the_last_step_reward_the_hunt_once():
    load_default_levels()
    user = UserFactory()
    hunt = HuntFactory(answers=["Luminary"], reward_xp=75)
    results = run_concurrently(*[lambda: services.answer_step(user, hunt.pk, 1, "luminary")["xp_awarded"]] * 5)
    assert sorted(results) == [0] * 4 + [75]
    assert HuntStepSolve.objects.count() == QuestCompletion.objects.count() == 1

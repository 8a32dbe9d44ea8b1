"""Quests complete from the XP event log, once, with rewards that go through the points path."""

from datetime import date

import pytest
import time_machine

from core.circles.models import UserThriveProfile, XPEvent, XPSource
from core.circles.tests.factories import ProfileFactory
from core.fairplay.models import FairPlayRule
from core.fairplay.services import load_default_rules
from core.points.models import ActivityType, PointsHistory
from core.quests import services
from core.quests.models import QuestCompletion, QuestLevelTarget

from .factories import QuestFactory

pytestmark = pytest.mark.django_db
BATTLE = ActivityType.BATTLE_PARTICIPATED
WEEK = date(2026, 11, 23)  # a Monday
MIDWEEK = "2026-11-25T12:00:00+00:00"


def test_a_side_quest_completes_on_the_award_that_meets_it_and_rewards_through_points(user, award):
    quest = QuestFactory(sources=["prompt_battle"], reward_xp=30)
    award(user, BATTLE, at=MIDWEEK)
    completion = QuestCompletion.objects.get(user=user, quest=quest)
    assert (completion.period, completion.xp_awarded) == (WEEK, 30)
    reward = XPEvent.objects.get(user=user, source=XPSource.SIDE_QUEST)
    assert (reward.amount, reward.description) == (30, f"Completed a side quest: {quest.title}")
    assert PointsHistory.objects.filter(user=user, activity_type=ActivityType.SIDE_QUEST_COMPLETED).count() == 1
    assert UserThriveProfile.objects.get(user=user).total_xp == 25 + 30


def test_a_quest_not_yet_met_does_not_complete(user, award):
    QuestFactory(sources=["quiz"], target=2)
    award(user, at=MIDWEEK)
    assert not QuestCompletion.objects.exists()


def test_further_awards_after_completion_award_nothing_more(user, award):
    QuestFactory(sources=["quiz"], target=1)
    award(user, at="2026-11-24T10:00:00+00:00")
    award(user, at="2026-11-25T10:00:00+00:00")
    assert QuestCompletion.objects.count() == 1
    assert XPEvent.objects.filter(user=user, source=XPSource.SIDE_QUEST).count() == 1


def test_evaluating_again_is_harmless(user, award):
    QuestFactory(sources=["quiz"])
    award(user, at=MIDWEEK)
    with time_machine.travel(MIDWEEK, tick=False):
        assert services.evaluate_quests(user) == []
    assert QuestCompletion.objects.count() == 1


def test_reward_events_never_count_toward_other_quests(user, award):
    # 20 XP from the quiz; the side quest adds 100 XP of reward, which must not reach 50.
    QuestFactory(sources=["quiz"], reward_xp=100)
    xp_challenge = QuestFactory(kind="weekly_challenge", sources=[], measure="xp", target=50)
    award(user, at=MIDWEEK)
    assert UserThriveProfile.objects.get(user=user).total_xp == 120
    assert not QuestCompletion.objects.filter(quest=xp_challenge).exists()


def test_the_reward_stays_within_the_fair_play_cap(user, award):
    load_default_rules()
    FairPlayRule.objects.filter(activity_type=ActivityType.SIDE_QUEST_COMPLETED).update(daily_xp_cap=40)
    QuestFactory(sources=["quiz"], reward_xp=30)
    QuestFactory(sources=["quiz"], reward_xp=30)
    award(user, at=MIDWEEK)
    assert sorted(QuestCompletion.objects.values_list("xp_awarded", flat=True)) == [10, 30]
    assert sum(XPEvent.objects.filter(user=user, source=XPSource.SIDE_QUEST).values_list("amount", flat=True)) == 40


def test_the_weekly_challenge_target_scales_with_the_level(levels, award):
    challenge = QuestFactory(kind="weekly_challenge", sources=[], measure="xp", target=100)
    QuestLevelTarget.objects.create(quest=challenge, level=levels["Seedling"], target=20)
    seedling = ProfileFactory(total_xp=0).user
    luminary = ProfileFactory(total_xp=levels["Luminary"].min_xp).user
    award(seedling, at=MIDWEEK)
    award(luminary, at=MIDWEEK)
    assert list(QuestCompletion.objects.values_list("user", flat=True)) == [seedling.pk]


def test_a_quest_for_other_levels_is_not_offered(levels, user, award):
    quest = QuestFactory(sources=["quiz"])
    quest.levels.set([levels["Luminary"]])
    award(user, at=MIDWEEK)  # a newcomer is a Seedling
    assert not QuestCompletion.objects.exists()


def test_a_quest_of_another_week_is_not_open(user, award):
    QuestFactory(sources=["quiz"], week_start=date(2026, 11, 30))
    award(user, at=MIDWEEK)
    assert not QuestCompletion.objects.exists()
    award(user, at="2026-12-01T12:00:00+00:00")
    assert QuestCompletion.objects.get().period == date(2026, 11, 30)


def test_events_before_the_reset_belong_to_the_week_that_ends(user, award):
    QuestFactory(sources=["quiz"], measure="days", target=2)
    award(user, at="2026-11-29T23:59:00+00:00")  # Sunday night, the last minute of the week
    award(user, at="2026-11-30T00:01:00+00:00")  # Monday after the reset: a new week
    assert not QuestCompletion.objects.exists()


def test_an_every_week_quest_completes_again_the_next_week(user, award):
    QuestFactory(sources=["quiz"])
    award(user, at="2026-11-29T23:59:00+00:00")
    award(user, at="2026-11-30T00:01:00+00:00")
    assert sorted(QuestCompletion.objects.values_list("period", flat=True)) == [WEEK, date(2026, 11, 30)]


def test_days_are_counted_in_the_platform_time_zone(settings, user, award):
    settings.TIME_ZONE = "America/New_York"
    QuestFactory(sources=["quiz"], measure="days", target=2)
    # 23:00 and 05:00 UTC the next morning are one New York day (Tuesday evening)
    award(user, at="2026-11-24T23:00:00+00:00")
    award(user, at="2026-11-25T04:00:00+00:00")
    assert not QuestCompletion.objects.exists()
    award(user, at="2026-11-25T23:00:00+00:00")  # Wednesday evening in New York
    assert QuestCompletion.objects.count() == 1


def test_the_week_edge_follows_the_time_zone(settings, user, award):
    settings.TIME_ZONE = "Asia/Tokyo"
    quest = QuestFactory(sources=["quiz"])
    # 16:00 UTC on Sunday is already Monday 01:00 in Tokyo: next week's period.
    award(user, at="2026-11-29T16:00:00+00:00")
    assert QuestCompletion.objects.get(quest=quest).period == date(2026, 11, 30)

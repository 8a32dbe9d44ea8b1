"""Scavenger hunts (ordered clues, forgiving answers, the reward at the end) and quiz streak bonuses."""

import pytest
import time_machine
from django.utils import timezone

from core.circles.models import XPEvent, XPSource
from core.quests import services
from core.quests.exceptions import QuestNotFound, StepNotOpen, WrongAnswer
from core.quests.models import HuntStepSolve, QuestCompletion, QuizStreakBonus

from .factories import HuntFactory

pytestmark = pytest.mark.django_db
MIDWEEK = "2026-11-25T12:00:00+00:00"


@pytest.fixture
def hunt(levels):
    return HuntFactory(answers=["Luminary", "20"], reward_xp=75)


@pytest.fixture
def at_midweek():
    with time_machine.travel(MIDWEEK, tick=False):
        yield


def test_a_wrong_answer_is_refused_and_records_nothing(user, hunt, at_midweek):
    with pytest.raises(WrongAnswer) as refused:
        services.answer_step(user, hunt.pk, 1, "Lumina")
    assert "Lumina" not in refused.value.message and "close" not in refused.value.message
    assert not HuntStepSolve.objects.exists()


def test_a_later_step_is_not_open_before_the_earlier_ones(user, hunt, at_midweek):
    with pytest.raises(StepNotOpen):
        services.answer_step(user, hunt.pk, 2, "20")


def test_solving_a_step_opens_the_next_and_the_last_completes_the_hunt(user, hunt, django_capture_on_commit_callbacks, at_midweek):
    first = services.answer_step(user, hunt.pk, 1, "  luminary ")
    assert (first["next_step"], first["quest_completed"], first["xp_awarded"]) == (2, False, 0)
    with django_capture_on_commit_callbacks(execute=True):
        last = services.answer_step(user, hunt.pk, 2, "20")
    assert (last["next_step"], last["quest_completed"], last["xp_awarded"]) == (None, True, 75)
    assert XPEvent.objects.get(user=user, source=XPSource.SCAVENGER_HUNT).amount == 75


def test_answering_a_solved_step_again_awards_nothing_more(user, hunt, at_midweek):
    services.answer_step(user, hunt.pk, 1, "Luminary")
    services.answer_step(user, hunt.pk, 2, "20")
    again = services.answer_step(user, hunt.pk, 2, "anything")
    assert (again["quest_completed"], again["xp_awarded"]) == (True, 0)
    assert QuestCompletion.objects.count() == 1
    assert XPEvent.objects.filter(source=XPSource.SCAVENGER_HUNT).count() == 1


def test_an_unknown_step_or_quest_is_not_found(user, hunt, at_midweek):
    with pytest.raises(QuestNotFound):
        services.answer_step(user, hunt.pk, 3, "x")
    with pytest.raises(QuestNotFound):
        services.answer_step(user, hunt.pk + 100, 1, "x")


def test_a_hunt_solved_last_week_starts_again_this_week(user, hunt):
    with time_machine.travel("2026-11-20T12:00:00+00:00", tick=False):
        services.answer_step(user, hunt.pk, 1, "Luminary")
    with time_machine.travel(MIDWEEK, tick=False), pytest.raises(StepNotOpen):
        services.answer_step(user, hunt.pk, 2, "20")


def days_of_quizzes(award, user, days):
    for day in days:
        award(user, at=f"2026-11-{day:02d}T12:00:00+00:00", metadata={"title": "AI Basics"})


def streak_xp(user):
    return list(XPEvent.objects.filter(user=user, source=XPSource.STREAK).values_list("amount", flat=True))


def test_three_days_of_quizzes_in_a_row_earn_the_three_day_bonus_once(user, award):
    days_of_quizzes(award, user, [20, 21, 22, 22])
    assert streak_xp(user) == [15]
    assert list(QuizStreakBonus.objects.values_list("days", "xp_awarded")) == [(3, 15)]


def test_a_gap_breaks_the_run(user, award):
    days_of_quizzes(award, user, [20, 21, 23])
    assert streak_xp(user) == []


def test_seven_days_earn_the_seven_day_bonus_and_day_eight_nothing_new(user, award):
    days_of_quizzes(award, user, range(16, 24))
    assert sorted(QuizStreakBonus.objects.values_list("days", flat=True)) == [3, 7]
    assert sorted(streak_xp(user)) == [15, 40]


def test_the_bonus_is_awarded_once_however_often_it_is_checked(user, award):
    days_of_quizzes(award, user, [20, 21, 22])
    with time_machine.travel("2026-11-22T13:00:00+00:00", tick=False):
        assert services.award_quiz_streak(user, now=timezone.now()) is None
    assert streak_xp(user) == [15]


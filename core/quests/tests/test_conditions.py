"""The pure rules: what counts, how progress is measured, streaks and forgiving answers."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.quests.conditions import (
    EventFact,
    consecutive_days,
    is_correct,
    measure_progress,
    normalize_answer,
    streak_bonus_due,
    target_for_level,
)

MON, TUE, WED = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)


def test_events_count_only_the_named_sources():
    facts = [EventFact("quiz", 20, MON), EventFact("project", 10, MON), EventFact("quiz", 20, TUE)]
    assert measure_progress(facts, sources=["quiz"], measure="events") == 2


def test_xp_measure_sums_the_amounts():
    facts = [EventFact("quiz", 20, MON), EventFact("project", 10, TUE)]
    assert measure_progress(facts, sources=[], measure="xp") == 30


def test_days_measure_counts_different_days_once():
    facts = [EventFact("quiz", 20, MON), EventFact("quiz", 20, MON), EventFact("quiz", 5, WED)]
    assert measure_progress(facts, sources=["quiz"], measure="days") == 2


@pytest.mark.parametrize("source", ["side_quest", "weekly_challenge", "scavenger_hunt", "streak"])
def test_rewards_never_count_even_when_no_source_is_named(source):
    facts = [EventFact(source, 100, MON)]
    assert measure_progress(facts, sources=[], measure="xp") == 0
    assert measure_progress(facts, sources=[source], measure="events") == 0


def test_an_award_that_earned_nothing_does_not_count():
    assert measure_progress([EventFact("quiz", 0, MON)], sources=["quiz"], measure="events") == 0


def test_a_level_target_replaces_the_default_for_that_level_only():
    assert target_for_level(100, {1: 60, 5: 250}, 1) == 60
    assert target_for_level(100, {1: 60, 5: 250}, 3) == 100
    assert target_for_level(100, {1: 60}, None) == 100


def test_consecutive_days_end_today_and_stop_at_a_gap():
    assert consecutive_days({MON, TUE, WED}, WED) == 3
    assert consecutive_days({MON, WED}, WED) == 1
    assert consecutive_days({MON, TUE}, WED) == 0


def test_streak_bonuses_fall_due_only_on_the_milestone_day():
    assert streak_bonus_due(3) == (3, 15)
    assert streak_bonus_due(7) == (7, 40)
    assert [streak_bonus_due(n) for n in (1, 2, 4, 5, 6, 8)] == [None] * 6


@pytest.mark.parametrize("given_answer", ["Luminary", "luminary", "  LUMINARY ", "Lumi nary", "ＬＵＭＩＮＡＲＹ"])
def test_answers_ignore_case_spaces_and_width(given_answer):
    assert is_correct(given_answer, "Luminary")


@pytest.mark.parametrize("given_answer", ["Luminar", "Luminary!", "", "   "])
def test_other_answers_are_wrong(given_answer):
    assert not is_correct(given_answer, "Luminary")


@given(st.text())
def test_normalizing_is_idempotent(text):
    assert normalize_answer(normalize_answer(text)) == normalize_answer(text)

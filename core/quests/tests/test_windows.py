"""Quests of a few days: a window inside the week (`first_day`, `days`) that counts only its days."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from core.quests import selectors
from core.quests.conditions import EventFact, in_window, window_days
from core.quests.models import QuestCompletion

from .factories import HuntFactory, QuestFactory

pytestmark = pytest.mark.django_db
WEEK = date(2026, 11, 23)  # a Monday; the platform zone is UTC in tests
WEDNESDAY, SATURDAY = "2026-11-25T12:00:00+00:00", "2026-11-28T12:00:00+00:00"


def weekend(**fields):
    return QuestFactory(title="Weekend sprint", sources=["quiz"], target=1, first_day=5, days=2, **fields)


def test_the_window_is_its_days_of_the_week():
    assert window_days(WEEK, 5, 2) == (date(2026, 11, 28), date(2026, 11, 30))
    facts = [EventFact("quiz", 10, date(2026, 11, d)) for d in (25, 28, 29)]
    assert [fact.day.day for fact in in_window(facts, *window_days(WEEK, 5, 2))] == [28, 29]


def test_events_before_the_window_do_not_count_and_one_inside_completes_it(user, award):
    quest = weekend()
    award(user, at=WEDNESDAY)
    assert not QuestCompletion.objects.exists()
    award(user, at=SATURDAY)
    assert QuestCompletion.objects.get(user=user, quest=quest).period == WEEK


def test_a_three_day_quest_closes_after_its_days(user, award):
    quest = QuestFactory(sources=["quiz"], target=1, first_day=0, days=3)  # Monday to Wednesday
    award(user, at="2026-11-26T09:00:00+00:00")  # Thursday
    assert not QuestCompletion.objects.filter(quest=quest).exists()


def page_titles(user, at: str) -> dict:
    with time_machine.travel(at, tick=False):
        return {item["title"]: item for item in selectors.quests_page(user, datetime.fromisoformat(at))["quests"]}


def test_the_page_shows_a_quest_while_its_window_runs_and_afterwards_only_if_done(user, award):
    weekend()
    assert "Weekend sprint" not in page_titles(user, WEDNESDAY)  # not open yet
    item = page_titles(user, SATURDAY)["Weekend sprint"]
    assert item["expires_at"] == datetime(2026, 11, 30, tzinfo=UTC)  # the week's reset
    short = QuestFactory(title="Midweek push", sources=["project"], first_day=1, days=2)  # Tue-Wed
    assert page_titles(user, WEDNESDAY)["Midweek push"]["expires_at"] == datetime(2026, 11, 26, tzinfo=UTC)
    assert "Midweek push" not in page_titles(user, SATURDAY)  # over, not done: not shown
    QuestCompletion.objects.create(user=user, quest=short, period=WEEK)
    assert "Midweek push" in page_titles(user, SATURDAY)  # done: still celebrated


def test_a_hunt_outside_its_window_takes_no_answers(user):
    from core.quests import services
    from core.quests.exceptions import QuestNotFound

    hunt = HuntFactory(first_day=5, days=2)
    with pytest.raises(QuestNotFound):
        services.answer_step(user, hunt.pk, 1, "Luminary", now=datetime.fromisoformat(WEDNESDAY))
    assert services.answer_step(user, hunt.pk, 1, "Luminary", now=datetime.fromisoformat(SATURDAY))["solved"]


def test_a_window_past_the_week_is_refused_by_the_form_and_the_database():
    quest = QuestFactory.build(first_day=5, days=3, sources=["quiz"])
    with pytest.raises(ValidationError) as error:
        quest.clean()
    assert "days" in error.value.message_dict
    with pytest.raises(IntegrityError):
        QuestFactory(first_day=5, days=3)

"""Fair play inside PointsService: every rule, every award recorded, rules editable live, races."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.db.models import Sum

from core.circles.models import UserThriveProfile, XPEvent
from core.circles.services import XPService, load_default_levels
from core.fairplay.models import FairPlayRule
from core.fairplay.services import load_default_rules
from core.points.models import ActivityType, PointsHistory
from core.points.services import PointsService
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory

from .conftest import WEDNESDAY_9AM

QUIZ = ActivityType.QUIZ_COMPLETED


def quizzes(user, clock, count, *, every=60, score=None):
    """`count` quiz completions `every` seconds apart; returns the points each one earned.

    Without a score a quiz is worth the plan's 20 (a score makes it score-based, core/points/rules.py)."""
    earned = []
    metadata = {"title": "AI Basics"} if score is None else {"title": "AI Basics", "score": score}
    for _ in range(count):
        earned.append(PointsService.award_points(user, QUIZ, metadata).points_awarded)
        clock.shift(every)
    return earned


def test_quizzes_earn_full_points_five_times_a_day_then_half_the_one_before(rules, clock):
    assert quizzes(UserFactory(), clock, 11) == [20, 20, 20, 20, 20, 10, 5, 2, 1, 0, 0]


def test_perfect_scores_stop_at_the_daily_cap(rules, clock):
    user = UserFactory()
    assert quizzes(user, clock, 7, score=100) == [30, 30, 30, 30, 30, 0, 0]
    assert PointsHistory.objects.filter(user=user, fair_play_rule="daily_cap").count() == 2


def test_a_quiz_finished_inside_the_cooldown_earns_nothing_and_is_not_a_repeat(rules, clock):
    user = UserFactory()
    assert quizzes(user, clock, 3, every=10) == [20, 0, 0]
    clock.shift(30)
    assert quizzes(user, clock, 1) == [20]  # the second of the day, still full points
    assert list(PointsHistory.objects.filter(user=user).order_by("created_at").values_list("fair_play_rule", flat=True)) == [
        "", "cooldown", "cooldown", ""
    ]


def test_the_day_starts_again_at_midnight_in_the_platform_time_zone(rules, clock, settings):
    user = UserFactory()
    quizzes(user, clock, 10)
    with time_machine.travel(datetime(2026, 11, 26, 0, 0, 1, tzinfo=WEDNESDAY_9AM.tzinfo), tick=False) as next_day:
        assert quizzes(user, next_day, 1) == [20]


def test_a_second_daily_login_award_the_same_day_is_refused_by_the_cap(rules, clock):
    user = UserFactory()
    first = PointsService.award_points(user, ActivityType.DAILY_LOGIN)
    second = PointsService.award_points(user, ActivityType.DAILY_LOGIN)
    assert (first.points_awarded, second.points_awarded, second.fair_play_rule) == (5, 0, "daily_cap")


def test_a_limited_award_is_recorded_in_the_ledger_and_as_xp_with_the_rule(rules, clock):
    user = UserFactory()
    quizzes(user, clock, 6)
    history = PointsHistory.objects.filter(user=user).latest("created_at")
    event = XPEvent.objects.get(points_history=history)
    assert (history.points_awarded, history.base_points, history.fair_play_rule) == (10, 20, "diminishing")
    assert history.description == "Completed a Quick Quiz: AI Basics (6th today: 10 of 20 XP)"
    assert event.description == "Completed a Quick Quiz: AI Basics"  # circle members see this; the note is private
    assert event.amount == 10
    assert event.metadata == {
        "title": "AI Basics", "base_points": 20, "fair_play_rule": "diminishing", "fair_play_note": "6th today: 10 of 20 XP",
    }


def test_a_refused_award_is_still_a_zero_xp_event_and_totals_agree(rules, clock):
    user = UserFactory()
    quizzes(user, clock, 2, every=5)
    refused = PointsHistory.objects.get(user=user, fair_play_rule="cooldown")
    assert XPEvent.objects.get(points_history=refused).amount == 0
    user.refresh_from_db()
    profile = UserThriveProfile.objects.get(user=user)
    ledger = PointsHistory.objects.filter(user=user).aggregate(total=Sum("points_awarded"))["total"]
    xp = XPEvent.objects.filter(user=user).aggregate(total=Sum("amount"))["total"]
    assert user.total_points == ledger == xp == profile.total_xp == 20
    assert PointsHistory.objects.filter(user=user).count() == XPEvent.objects.filter(user=user).count() == 2


def test_full_points_carry_no_fair_play_keys(rules, clock):
    user = UserFactory()
    history = PointsService.award_points(user, QUIZ, {"title": "AI Basics"})
    assert (history.base_points, history.fair_play_rule) == (20, "")
    assert XPEvent.objects.get(points_history=history).metadata == {"title": "AI Basics"}


def test_an_operator_edit_applies_to_the_next_award_without_a_deploy(rules, clock):
    user = UserFactory()
    quizzes(user, clock, 5)
    FairPlayRule.objects.filter(activity_type=QUIZ).update(full_points_per_day=10, daily_xp_cap=None)
    assert quizzes(user, clock, 1) == [20]


def test_a_switched_off_rule_awards_the_plans_points(rules, clock):
    FairPlayRule.objects.filter(activity_type=QUIZ).update(is_active=False)
    assert quizzes(UserFactory(), clock, 8, every=1) == [20] * 8


def test_the_default_rules_are_loaded_on_first_use_and_edits_survive_reloading(levels, clock):
    FairPlayRule.objects.all().delete()
    assert quizzes(UserFactory(), clock, 2, every=1) == [20, 0]  # the default cooldown applied
    assert FairPlayRule.objects.count() == len(ActivityType.values)
    FairPlayRule.objects.filter(activity_type=QUIZ).update(cooldown_seconds=0)
    assert load_default_rules() == 0
    assert FairPlayRule.objects.get(activity_type=QUIZ).cooldown_seconds == 0


def test_the_migration_seeded_one_rule_per_activity_type(db):
    assert set(FairPlayRule.objects.values_list("activity_type", flat=True)) == set(ActivityType.values)


def test_award_api_reports_the_base_points_and_the_rule(rules, clock):
    from rest_framework.test import APIClient

    client, learner = APIClient(), UserFactory()
    client.force_authenticate(UserFactory(is_staff=True))
    bodies = [{"user": learner.username, "activity_type": "daily_login", "idempotency_key": f"login-{i}"} for i in range(2)]
    second = [client.post("/api/v1/xp/awards/", body, format="json").json() for body in bodies][1]
    assert (second["points_awarded"], second["base_points"], second["fair_play_rule"]) == (0, 5, "daily_cap")


def test_the_quiz_page_says_why_a_quiz_earned_less(rules, clock):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(UserFactory())
    for _ in range(2):
        client.get("/api/v1/activities/quiz/")
        result = client.post("/api/v1/activities/quiz/", {"answers": [0, 0, 0]}, format="json").json()
    assert result["points_awarded"] == 0
    assert result["message"].endswith(
        "That came quickly after your last quiz, so it earned no XP; the next one counts in 30 seconds."
    )


@pytest.mark.parametrize("earlier_awards", [3, 60])
def test_an_award_costs_the_same_queries_however_many_came_before(
    rules, clock, settings, earlier_awards, django_assert_num_queries
):
    settings.THRIVE_SPIKE_FLOOR_XP = 10**6  # keep the spike check on its cheap path at both sizes
    FairPlayRule.objects.filter(activity_type=QUIZ).update(full_points_per_day=None, daily_xp_cap=None, cooldown_seconds=0)
    user = UserFactory()
    quizzes(user, clock, earlier_awards, every=1)
    # savepoint; lock the user; rule; today's usage; savepoint, insert, release; update the user's
    # points; XPService.add_xp (read the profile, then one statement on PostgreSQL, or savepoint,
    # update, event, day tally, release on SQLite); weekly XP; release
    with django_assert_num_queries(13 if connection.vendor == "postgresql" else 17):
        PointsService.award_points(user, QUIZ)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_quizzes_are_counted_one_after_the_other():
    """12 connections finish a quiz for one person at the same instant: the user-row lock makes
    each see the ones before it, so exactly the sequence a single caller would get is granted."""
    load_default_levels()
    load_default_rules()
    FairPlayRule.objects.filter(activity_type=QUIZ).update(cooldown_seconds=0)
    user = UserFactory()

    def finish_quiz():
        return PointsService.award_points(user, QUIZ).points_awarded

    earned = run_concurrently(*[finish_quiz] * 12)  # re-raises any thread's error
    assert sorted(earned, reverse=True) == [20, 20, 20, 20, 20, 10, 5, 2, 1, 0, 0, 0]
    assert UserThriveProfile.objects.get(user=user).total_xp == 118 == sum(earned)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_awards_and_direct_xp_for_one_person_at_once_do_not_deadlock():
    """PointsService locks the user row FOR NO KEY UPDATE, which a direct XPService.add_xp (holding
    the profile row, inserting an event that references the user) does not have to wait for."""
    load_default_levels()
    load_default_rules()
    FairPlayRule.objects.filter(activity_type=QUIZ).update(is_active=False)
    user = UserFactory()
    XPService.add_xp(user, 1)

    def awards():
        for _ in range(10):
            PointsService.award_points(user, QUIZ)

    def direct_xp():
        for _ in range(10):
            XPService.add_xp(user, 3)

    run_concurrently(*[direct_xp, awards] * 4)  # re-raises any thread's error
    assert UserThriveProfile.objects.get(user=user).total_xp == 1 + 40 * 20 + 40 * 3

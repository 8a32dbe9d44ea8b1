from datetime import date, timedelta

import pytest

from core.circles.models import UserThriveProfile, XPEvent
from core.circles.services import load_default_levels
from core.exceptions import Conflict
from core.points.models import ActivityType, PointsHistory
from core.points.exceptions import UnknownActivityType
from core.points.services import PointsService
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory


@pytest.mark.parametrize(
    "activity, metadata, points",
    [
        (ActivityType.QUIZ_COMPLETED, {}, 20),
        (ActivityType.QUIZ_COMPLETED, {"score": 100}, 30),
        (ActivityType.QUIZ_COMPLETED, {"score": 67}, 15),  # score-based: 5 for finishing, up to 20
        (ActivityType.QUIZ_COMPLETED, {"score": 0}, 5),
        (ActivityType.BATTLE_PARTICIPATED, {}, 25),
        (ActivityType.BATTLE_WON, {}, 20),
        (ActivityType.BATTLE_ROUND_COMPLETED, {}, 10),
        (ActivityType.PROJECT_CREATED, {}, 10),
        (ActivityType.PROJECT_PUBLISHED, {}, 15),
        (ActivityType.PROJECT_MILESTONE, {}, 50),
        (ActivityType.DAILY_LOGIN, {}, 5),
        (ActivityType.WEEK_STREAK, {}, 25),
        (ActivityType.MONTH_STREAK, {}, 100),
    ],
)
def test_award_carries_the_plans_point_values(levels, activity, metadata, points):
    assert PointsService.award_points(UserFactory(), activity, metadata).points_awarded == points


def test_award_records_the_same_xp_through_xp_service(levels):
    user = UserFactory()
    history = PointsService.award_points(user, ActivityType.BATTLE_PARTICIPATED, {"title": "Haiku duel"})
    event = XPEvent.objects.get(points_history=history)
    user.refresh_from_db()
    assert (event.amount, event.source, event.description) == (25, "prompt_battle", "Entered a Prompt Battle: Haiku duel")
    assert (user.total_points, user.level, UserThriveProfile.objects.get(user=user).total_xp) == (25, 1, 25)


def test_failed_xp_write_rolls_back_the_points_award(levels, monkeypatch):
    user = UserFactory()

    def broken(*args, **kwargs):
        raise RuntimeError("XP store unavailable")

    monkeypatch.setattr("core.points.services.XPService.add_xp", broken)
    with pytest.raises(RuntimeError):
        PointsService.award_points(user, ActivityType.QUIZ_COMPLETED)
    user.refresh_from_db()
    assert (PointsHistory.objects.count(), user.total_points) == (0, 0)


def test_unknown_activity_type_is_a_clear_domain_error(levels):
    with pytest.raises(UnknownActivityType, match="Unknown activity type 'cheating'"):
        PointsService.award_points(UserFactory(), "cheating")


def test_retry_with_the_same_idempotency_key_awards_once(levels):
    user = UserFactory()
    first, created = PointsService.award_points_once(user, ActivityType.QUIZ_COMPLETED, idempotency_key="k-1")
    again, created_again = PointsService.award_points_once(user, ActivityType.QUIZ_COMPLETED, idempotency_key="k-1")
    assert (created, created_again, again.pk) == (True, False, first.pk)
    assert UserThriveProfile.objects.get(user=user).total_xp == 20


def test_reusing_a_key_for_another_award_is_a_conflict(levels):
    PointsService.award_points(UserFactory(), ActivityType.QUIZ_COMPLETED, idempotency_key="k-2")
    with pytest.raises(Conflict):
        PointsService.award_points(UserFactory(), ActivityType.QUIZ_COMPLETED, idempotency_key="k-2")


def test_daily_login_counts_once_a_day_and_builds_the_streak(levels):
    user = UserFactory()
    start = date(2026, 11, 1)
    for offset in range(7):
        PointsService.record_daily_login(user, today=start + timedelta(days=offset))
        assert PointsService.record_daily_login(user, today=start + timedelta(days=offset)) == []
    user.refresh_from_db()
    kinds = list(PointsHistory.objects.filter(user=user).values_list("activity_type", flat=True))
    assert (user.current_streak, user.max_streak) == (7, 7)
    assert kinds.count(ActivityType.DAILY_LOGIN) == 7 and kinds.count(ActivityType.WEEK_STREAK) == 1


def test_a_missed_day_restarts_the_streak_but_keeps_the_best(levels):
    user = UserFactory()
    for day in (1, 2, 3, 5):
        PointsService.record_daily_login(user, today=date(2026, 11, day))
    user.refresh_from_db()
    assert (user.current_streak, user.max_streak) == (1, 3)


def test_thirtieth_day_earns_the_month_streak_bonus(levels):
    user = UserFactory()
    for offset in range(30):
        PointsService.record_daily_login(user, today=date(2026, 10, 1) + timedelta(days=offset))
    assert PointsHistory.objects.filter(user=user, activity_type=ActivityType.MONTH_STREAK).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_with_one_key_award_once():
    load_default_levels()
    user = UserFactory()

    def retry():
        return PointsService.award_points_once(user, ActivityType.QUIZ_COMPLETED, idempotency_key="same")[1]

    results = run_concurrently(*[retry] * 6)
    assert sorted(results) == [False] * 5 + [True]
    assert UserThriveProfile.objects.get(user=user).total_xp == 20
    assert PointsHistory.objects.count() == XPEvent.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_logins_at_the_same_moment_award_the_day_once():
    load_default_levels()
    user = UserFactory()
    run_concurrently(*[lambda: PointsService.record_daily_login(user, today=date(2026, 11, 24))] * 4)
    assert PointsHistory.objects.filter(user=user).count() == 1

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from rest_framework.test import APIClient

from core.circles import weeks
from core.circles.models import XPEvent
from core.circles.services import XPService, record_past_events
from django.contrib.auth import get_user_model

from core.circles.tests.factories import CircleFactory, ProfileFactory
from core.live.tests.conftest import seated
from core.testing import run_concurrently
from core.together import selectors, services
from core.together.models import CircleGoal, GoalBonus

TOGETHER = "/api/v1/me/thrive-circle/together/"


@pytest.fixture
def circle(levels, midweek, settings):
    settings.THRIVE_GOAL_MIN_XP_PER_MEMBER = 20
    settings.THRIVE_GOAL_BONUS_XP = 15
    circle = CircleFactory()
    for name in ("ana", "ben", "cy", "dee"):
        seated(name, circle)
    return circle


def member(circle, name):
    return get_user_model().objects.get(username=name)


def past_event(user, week, amount):
    """An award of an earlier week, recorded as the ledger records past events (with its day tally)."""
    moment = weeks.week_bounds(week)[0] + timedelta(days=1)
    record_past_events([XPEvent(user=user, amount=amount, description="Quiz", timestamp=moment)], now=moment)


@pytest.fixture
def award(django_capture_on_commit_callbacks):
    """An award as in production: its after-commit receivers run (tests run inside a transaction)."""

    def give(user, amount, source="quiz"):
        with django_capture_on_commit_callbacks(execute=True):
            return XPService.add_xp(user, amount, source, "Quiz")

    return give


def bonus_events(user):
    return XPEvent.objects.filter(user=user, description=services.BONUS_DESCRIPTION).count()


def test_a_new_circle_aims_at_a_little_from_everyone(circle):
    assert selectors.goal_target(circle) == 4 * 20


def test_a_circle_with_history_aims_a_little_above_its_usual_week(circle, settings):
    settings.THRIVE_GOAL_LOOKBACK_WEEKS = 4
    ana = member(circle, "ana")
    for back in range(1, 5):
        past_event(ana, circle.week_start - timedelta(weeks=back), 250)  # 250 a week on average
    past_event(ana, circle.week_start - timedelta(weeks=6), 9999)  # before the lookback: ignored
    assert selectors.goal_target(circle) == 280  # 1.1 x 250 = 275, rounded up to 280


def test_the_goal_is_fixed_for_the_week(circle):
    goal = services.ensure_goal(circle)
    past_event(member(circle, "ana"), circle.week_start - timedelta(weeks=1), 5000)
    assert services.ensure_goal(circle).target_xp == goal.target_xp


def test_reaching_the_goal_pays_each_member_who_earned_xp_once(circle, award):
    ana, ben, dee = member(circle, "ana"), member(circle, "ben"), member(circle, "dee")
    award(ana, 40)
    assert CircleGoal.objects.get(circle=circle).reached_at is None
    award(ben, 40)  # 80 of 80: reached
    assert CircleGoal.objects.get(circle=circle).reached_at is not None
    assert (bonus_events(ana), bonus_events(ben), bonus_events(dee)) == (1, 1, 0)
    award(dee, 40)  # after the goal: no second round
    assert GoalBonus.objects.count() == 2
    assert (bonus_events(ana), bonus_events(ben), bonus_events(dee)) == (1, 1, 0)


def test_paying_again_pays_no_one_twice(circle, award):
    award(member(circle, "ana"), 100)
    goal = CircleGoal.objects.get(circle=circle)
    CircleGoal.objects.filter(pk=goal.pk).update(reached_at=None)  # as if a retry ran again
    assert services.pay_goal_bonus(goal) == 0
    assert bonus_events(member(circle, "ana")) == 1


def test_the_page_shows_one_bar_and_the_viewers_part(circle):
    ana, ben = member(circle, "ana"), member(circle, "ben")
    XPService.add_xp(ana, 30, "quiz", "Quiz")
    XPService.add_xp(ben, 20, "project", "Project")
    client = APIClient()
    client.force_authenticate(ana)
    data = client.get(TOGETHER).json()
    assert data["goal"] == {"target_xp": 80, "progress_xp": 50, "reached": False, "bonus_xp": 15, "your_xp": 30}
    assert data["this_week"] == {"xp_together": 50, "people_active": 2, "most_popular_activity": "project"}
    assert data["last_week"] == {"xp_together": 0, "people_active": 0, "most_popular_activity": None}
    assert "ben" not in str(data)  # no per-member numbers


def test_without_a_circle_there_is_no_goal(levels, midweek):
    client = APIClient()
    client.force_authenticate(ProfileFactory().user)
    assert client.get(TOGETHER).status_code == 404


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_awards_past_the_goal_pay_each_person_once(levels, midweek, settings):
    settings.THRIVE_GOAL_MIN_XP_PER_MEMBER = 20
    circle = CircleFactory()
    users = [seated(f"racer{i}", circle).user for i in range(8)]  # goal: 160 XP
    barrier = threading.Barrier(len(users))
    errors = []

    def award(user):
        try:
            barrier.wait()
            for _ in range(3):
                XPService.add_xp(user, 20, "quiz", "Quiz")  # 480 in all: crosses 160 once, under contention
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=award, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert GoalBonus.objects.count() == len(users)
    assert [bonus_events(user) for user in users] == [1] * len(users)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_second_caller_does_not_wait_for_a_payment_in_progress(levels, midweek, settings):
    """Before: every award past the goal queued on the goal row until the payer's transaction
    (an award per member) committed."""
    settings.THRIVE_GOAL_MIN_XP_PER_MEMBER = 20
    circle = CircleFactory()
    seated("ana", circle)
    goal = services.ensure_goal(circle)
    paying, done = threading.Event(), threading.Event()

    def payer():
        with transaction.atomic():
            CircleGoal.objects.select_for_update().get(pk=goal.pk)  # as a payment in progress holds it
            paying.set()
            assert done.wait(30), "the second caller waited for the payment"

    def second():
        assert paying.wait(30)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '3s'")  # waiting on the row would fail here
            paid = services.pay_goal_bonus(goal)
        done.set()
        return paid

    assert run_concurrently(payer, second) == [None, 0]
    assert CircleGoal.objects.get(pk=goal.pk).reached_at is None  # the payer decides; it paid nothing here

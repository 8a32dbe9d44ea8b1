from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.db.models import Sum
from django.utils import timezone
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from core.circles import weeks
from core.circles.ledger import writes as xp_writes
from core.circles.ledger.levels import load_default_levels
from core.circles.models import ThriveCircle, ThriveCircleLevel, UserThriveProfile, XPEvent, XPSource
from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import ProfileFactory
from core.circles.tests.test_xp_days import tally_matches_log
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory

UTC = ZoneInfo("UTC")


def profile_of(user) -> UserThriveProfile:
    return UserThriveProfile.objects.get(user=user)


def event_sum(user) -> int:
    return XPEvent.objects.filter(user=user).aggregate(total=Sum("amount"))["total"] or 0


def test_add_xp_logs_the_event_and_moves_both_counters(levels):
    user = UserFactory()
    event = XPService.add_xp(user, 30, XPSource.QUIZ, "Completed a Quick Quiz")
    profile = profile_of(user)
    assert (event.amount, event.source, event.description) == (30, "quiz", "Completed a Quick Quiz")
    assert (profile.total_xp, profile.xp_this_week) == (30, 30)


def test_first_award_without_levels_loads_the_default_levels(db):
    user = UserFactory()
    XPService.add_xp(user, 10)
    assert ThriveCircleLevel.objects.count() == 5
    assert profile_of(user).current_level.name == "Seedling"


def test_level_follows_total_xp_up_and_back_down(levels):
    user = UserFactory()
    XPService.add_xp(user, 600)
    assert profile_of(user).current_level == levels["Explorer"]
    XPService.add_xp(user, -200, XPSource.OTHER, "Correction")
    assert profile_of(user).current_level == levels["Seedling"]


def test_negative_total_keeps_the_lowest_level(levels):
    user = UserFactory()
    XPService.add_xp(user, -50)
    assert profile_of(user).current_level == levels["Seedling"]


def test_an_award_just_before_the_reset_counts_in_the_week_that_ends(levels):
    user = UserFactory()
    with time_machine.travel(datetime(2026, 11, 29, 23, 59, 59, tzinfo=UTC), tick=False):
        XPService.add_xp(user, 10)
    with time_machine.travel(datetime(2026, 11, 30, 0, 0, 1, tzinfo=UTC), tick=False):
        XPService.add_xp(user, 5)
        profile = profile_of(user)
        assert (profile.weekly_xp, profile.xp_this_week, profile.total_xp) == (5, 5, 15)


def test_weekly_xp_of_a_finished_week_reads_as_zero_without_any_job(levels):
    user = UserFactory()
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=UTC), tick=False):
        XPService.add_xp(user, 40)
    with time_machine.travel(datetime(2026, 12, 1, 12, tzinfo=UTC), tick=False):
        assert profile_of(user).xp_this_week == 0


def test_a_user_who_joins_mid_week_is_seated_in_a_circle_with_room(levels, midweek):
    ProfileFactory.create_batch(22)
    CircleAssignmentService.assign_weekly_circles()
    newcomer = UserFactory()
    XPService.add_xp(newcomer, 20)
    circle = profile_of(newcomer).current_circle
    assert circle is not None and circle.members.count() == 23


def test_a_seated_user_pays_a_constant_number_of_queries_per_award(levels, midweek, django_assert_num_queries):
    profile = ProfileFactory()
    CircleAssignmentService.assign_weekly_circles()
    # Read profile + circle, then on PostgreSQL one statement moves the counters and logs the
    # event and its day in the tally; SQLite takes three statements inside a savepoint (savepoint,
    # UPDATE, INSERT, tally upsert, release).
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 6):
        XPService.add_xp(profile.user, 5)


def test_an_award_to_a_vanished_profile_writes_nothing(levels):
    profile = ProfileFactory()
    event = XPEvent(user=profile.user, amount=5, description="lost", timestamp=timezone.now())
    UserThriveProfile.objects.filter(pk=profile.pk).delete()
    with pytest.raises(UserThriveProfile.DoesNotExist):
        xp_writes.record(profile.pk, event, weeks.current_week_start())
    assert not XPEvent.objects.exists()


@time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=UTC))
class XPInvariantTests(HypothesisTestCase):
    @given(st.lists(st.integers(min_value=-300, max_value=3000), min_size=1, max_size=12))
    @hsettings(max_examples=40, deadline=None)
    def test_total_equals_sum_of_events_and_level_matches_xp(self, amounts):
        load_default_levels()
        user = UserFactory()
        for amount in amounts:
            XPService.add_xp(user, amount)
        profile = profile_of(user)
        expected_level = (
            ThriveCircleLevel.objects.filter(min_xp__lte=profile.total_xp).order_by("-min_xp").first()
            or ThriveCircleLevel.objects.order_by("order").first()
        )
        assert profile.total_xp == event_sum(user) == sum(amounts)
        assert profile.xp_this_week == sum(amounts)
        assert profile.current_level == expected_level
        assert tally_matches_log(user)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("users", [1, 8])
def test_concurrent_awards_lose_no_xp(users):
    """8 connections award at once; the plan's read-add-save version lost updates here."""
    load_default_levels()
    people = UserFactory.create_batch(users)
    for person in people:
        XPService.add_xp(person, 1)
    writers, awards_each, amount = 8, 25, 7

    def write(index):
        for _ in range(awards_each):
            XPService.add_xp(people[index % users], amount, XPSource.QUIZ, "race")

    run_concurrently(*(lambda i=i: write(i) for i in range(writers)))
    for person in people:
        profile = profile_of(person)
        assert profile.total_xp == profile.weekly_xp == event_sum(person)
        assert tally_matches_log(person)
    assert sum(profile_of(p).total_xp for p in people) == users + writers * awards_each * amount

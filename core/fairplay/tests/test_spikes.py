"""Spikes go to a person: detection (at award time and by the sweep), approve, reject, privacy."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.db.models import Sum
from rest_framework.test import APIClient

from core.circles.models import UserThriveProfile, XPEvent
from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import ProfileFactory
from core.fairplay import spikes
from core.fairplay.models import FairPlayRule, SpikeReview
from core.fairplay.exceptions import ReviewAlreadyDecided
from core.fairplay.services import approve_review, detect_spikes, reject_review
from core.points.models import ActivityType
from core.points.services import PointsService
from core.users.tests.factories import UserFactory

from .conftest import UTC
from .helpers import earn_in_past_weeks

MONDAY = datetime(2026, 11, 23, tzinfo=UTC)
FRIDAY_NOON = MONDAY + timedelta(days=4, hours=12)


@pytest.mark.parametrize(
    "week_xp, prior, flagged",
    [
        (601, [0, 0, 0, 0], True),  # a newcomer: only the floor applies
        (600, [0, 0, 0, 0], False),  # at the floor is not above it
        (700, [100, 150, 200, 400], True),  # 3 x median 175 = 525: the floor (600) decides
        (1126, [300, 350, 400, 500], True),  # 3 x median 375 = 1125
        (1125, [300, 350, 400, 500], False),
    ],
)
def test_a_spike_is_above_the_floor_and_above_three_times_the_usual_week(week_xp, prior, flagged):
    assert spikes.is_spike(week_xp, prior, multiplier=3, floor=600) is flagged


def test_the_usual_week_is_the_median_and_a_rejection_takes_back_what_is_above_it():
    assert (spikes.baseline([40, 10, 90, 30]), spikes.baseline([]), spikes.baseline([-50, 0, 10, 20])) == (35, 0, 5)
    assert (spikes.excess(700, 35), spikes.excess(20, 35)) == (665, 0)


@pytest.fixture
def award_on_friday(rules):
    with time_machine.travel(FRIDAY_NOON, tick=False) as clock:
        yield clock


def milestones(user, clock, count):
    for _ in range(count):
        PointsService.award_points(user, ActivityType.PROJECT_MILESTONE)
        clock.shift(3600)


def test_an_award_that_pushes_the_week_over_the_threshold_opens_one_pending_review(award_on_friday):
    user = UserFactory()
    earn_in_past_weeks(user, MONDAY, [100, 120, 80, 100])
    XPService.add_xp(user, 580, description="Earlier this week")
    milestones(user, award_on_friday, 1)  # 630 XP this week: over the floor and 3 x 100
    milestones(user, award_on_friday, 1)  # still a spike: no second review
    review = SpikeReview.objects.get()
    assert (review.user, review.week_start, review.status) == (user, MONDAY.date(), "pending")
    assert (review.weekly_xp, review.baseline_xp, review.threshold_xp, review.prior_weeks_xp) == (630, 100, 600, [100, 120, 80, 100])


def test_a_busy_week_for_someone_always_busy_is_not_a_spike(award_on_friday):
    user = UserFactory()
    earn_in_past_weeks(user, MONDAY, [500, 520, 480, 510])
    XPService.add_xp(user, 1400, description="Earlier this week")
    milestones(user, award_on_friday, 2)  # 1500 XP: a lot, but not 3 x their usual 505
    assert not SpikeReview.objects.exists()


def test_the_sweep_flags_xp_granted_outside_the_points_service_once(rules):
    user, steady = UserFactory(), UserFactory()
    earn_in_past_weeks(user, MONDAY, [50, 50, 50, 50])
    earn_in_past_weeks(steady, MONDAY, [400, 400, 400, 400])
    with time_machine.travel(FRIDAY_NOON, tick=False):
        XPService.add_xp(user, 900, description="Imported")
        XPService.add_xp(steady, 900, description="Imported")
        assert detect_spikes() == 1
        assert detect_spikes() == 0
    assert SpikeReview.objects.get().user == user


def test_the_sweep_reads_a_constant_number_of_queries(rules, django_assert_num_queries):
    people = UserFactory.create_batch(6)
    with time_machine.travel(FRIDAY_NOON, tick=False):
        for person in people:
            XPService.add_xp(person, 700)
        # savepoint, weeks above the floor, already reviewed, previous weeks, insert, release
        with django_assert_num_queries(6):
            assert detect_spikes() == 6


@pytest.fixture
def flagged(award_on_friday):
    """A pending review of a 630-XP week for someone whose usual week is 100 XP."""
    user = UserFactory()
    earn_in_past_weeks(user, MONDAY, [100, 100, 100, 100])
    XPService.add_xp(user, 580, description="Earlier this week")
    milestones(user, award_on_friday, 1)
    return SpikeReview.objects.get(user=user)


def test_approving_clears_the_flag_and_keeps_the_xp(flagged):
    reviewer = UserFactory(is_staff=True)
    review = approve_review(flagged.pk, reviewer=reviewer, note="A hackathon week")
    assert (review.status, review.decided_by, review.note, review.reversed_xp) == ("approved", reviewer, "A hackathon week", 0)
    assert UserThriveProfile.objects.get(user=flagged.user).total_xp == 400 + 630


def test_rejecting_takes_back_the_xp_above_the_usual_week_with_a_visible_correction(flagged, levels):
    profile = UserThriveProfile.objects.get(user=flagged.user)
    assert (profile.total_xp, profile.current_level.name) == (1030, "Explorer")
    review = reject_review(flagged.pk, reviewer=UserFactory(is_staff=True))
    profile.refresh_from_db()
    assert (review.status, review.reversed_xp) == ("rejected", 530)
    assert (review.correction_event.amount, review.correction_event.source) == (-530, "other")
    assert (profile.total_xp, profile.xp_this_week, profile.current_level.name) == (500, 100, "Explorer")
    assert XPEvent.objects.filter(user=flagged.user).aggregate(total=Sum("amount"))["total"] == profile.total_xp
    client = APIClient()
    client.force_authenticate(flagged.user)
    newest = client.get("/api/v1/me/xp-history/").json()["events"][0]
    assert (newest["amount"], newest["description"]) == (
        -530, "Correction after review: 530 XP above your usual week (week of 23 Nov 2026) taken back"
    )


def test_a_review_is_decided_once(flagged):
    reject_review(flagged.pk, reviewer=None)
    with pytest.raises(ReviewAlreadyDecided):
        approve_review(flagged.pk, reviewer=None)
    with pytest.raises(ReviewAlreadyDecided):
        reject_review(flagged.pk, reviewer=None)
    assert XPEvent.objects.filter(user=flagged.user, amount__lt=0).count() == 1


def test_a_flagged_person_keeps_their_circle_and_the_circle_sees_nothing_of_it(rules):
    with time_machine.travel(MONDAY + timedelta(minutes=5), tick=False):
        member = ProfileFactory(total_xp=700)
        farmer = ProfileFactory(total_xp=720)
        CircleAssignmentService.assign_weekly_circles()
    earn_in_past_weeks(farmer.user, MONDAY, [10, 10, 10, 10])
    with time_machine.travel(FRIDAY_NOON, tick=False) as clock:
        XPService.add_xp(farmer.user, 580, description="Completed a Quick Quiz")
        milestones(farmer.user, clock, 1)
        circle = UserThriveProfile.objects.get(user=farmer.user).current_circle
        review = SpikeReview.objects.get(user=farmer.user)
        reject_review(review.pk, reviewer=None)
        client = APIClient()
        client.force_authenticate(member.user)
        page = client.get("/api/v1/me/thrive-circle/")
    assert UserThriveProfile.objects.get(user=farmer.user).current_circle == circle is not None
    assert [m["username"] for m in page.json()["circle_members"]] == [farmer.user.username]
    assert all(event["amount"] > 0 for event in page.json()["recent_activity"])
    text = page.content.decode().lower()
    assert "review" not in text and "correction" not in text and "spike" not in text


def test_admin_actions_approve_and_reject_pending_reviews(flagged, client):
    other = SpikeReview.objects.create(
        user=UserFactory(), week_start=flagged.week_start, weekly_xp=900, baseline_xp=0, threshold_xp=600
    )
    XPService.add_xp(other.user, 900)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = "/admin/fairplay/spikereview/"
    assert client.get(url).status_code == 200
    client.post(url, {"action": "approve_selected", "_selected_action": [flagged.pk]})
    client.post(url, {"action": "reject_selected", "_selected_action": [other.pk, flagged.pk]})
    flagged.refresh_from_db()
    other.refresh_from_db()
    assert (flagged.status, other.status, other.reversed_xp) == ("approved", "rejected", 900)
    assert client.get(f"{url}{other.pk}/change/").status_code == 200


def test_operators_edit_the_rules_in_the_admin(rules, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    rule = FairPlayRule.objects.get(activity_type="quiz_completed")
    response = client.post(
        f"/admin/fairplay/fairplayrule/{rule.pk}/change/",
        {"activity_type": "quiz_completed", "full_points_per_day": 8, "repeat_decay_percent": 50,
         "daily_xp_cap": 240, "cooldown_seconds": 20, "is_active": "on"},
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.full_points_per_day, rule.daily_xp_cap, rule.cooldown_seconds) == (8, 240, 20)

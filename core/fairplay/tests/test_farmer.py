"""A scripted XP farmer: an hour every evening, Monday to Friday, finishing a quiz every 18 seconds
(200 an hour) and signing in every minute. The rules cap what each hour earns, every attempt is
on the record with the XP it actually got, and by Friday the week is flagged for a person.
"""

from collections import Counter
from datetime import timedelta

import time_machine
from django.db.models import F, Sum
from rest_framework.test import APIClient

from core.circles.models import UserThriveProfile, XPEvent
from core.circles.services import CircleAssignmentService
from core.circles.tests.factories import ProfileFactory
from core.fairplay.models import SpikeReview
from core.points.models import ActivityType, PointsHistory
from core.points.services import PointsService

from .helpers import earn_in_past_weeks
from .test_spikes import MONDAY

QUIZZES_PER_HOUR, QUIZ_EVERY, LOGIN_EVERY = 200, 18, 60


def farm_one_hour(user, clock, *, score):
    """200 quiz completions and 60 sign-ins in one hour."""
    for second in range(0, 3600, 6):
        if second % QUIZ_EVERY == 0:
            metadata = {"title": "AI Basics"} if score is None else {"title": "AI Basics", "score": score}
            PointsService.award_points(user, ActivityType.QUIZ_COMPLETED, metadata)
        if second % LOGIN_EVERY == 0:
            PointsService.record_daily_login(user)
        clock.shift(6)


def day_of(user, day: int):
    start = MONDAY + timedelta(days=day)
    return PointsHistory.objects.filter(user=user, created_at__gte=start, created_at__lt=start + timedelta(days=1))


def test_a_scripted_farmer_is_capped_recorded_and_flagged(rules):
    with time_machine.travel(MONDAY + timedelta(minutes=5), tick=False):
        neighbour = ProfileFactory(total_xp=40)
        farmer = ProfileFactory(total_xp=0)
        CircleAssignmentService.assign_weekly_circles()
    earn_in_past_weeks(farmer.user, MONDAY, [40, 30, 50, 40])  # a quiet learner until now
    user = farmer.user
    circle = UserThriveProfile.objects.get(user=user).current_circle

    for day in range(5):
        with time_machine.travel(MONDAY + timedelta(days=day, hours=20), tick=False) as clock:
            # Perfect scores on Monday and Tuesday, then quizzes reported without a score (the plan's 20).
            farm_one_hour(user, clock, score=100 if day < 2 else None)

    # The caps: each evening 100 of the 200 quizzes were too quick (cooldown); the others earned
    # five full awards, then half the one before (no score) or nothing past the 150-XP cap (score 100).
    for day in range(5):
        quizzes = day_of(user, day).filter(activity_type=ActivityType.QUIZ_COMPLETED)
        assert quizzes.count() == QUIZZES_PER_HOUR
        assert Counter(quizzes.values_list("fair_play_rule", flat=True)) == (
            # With perfect scores the cap binds from the 6th (15 XP would exceed it) until halving reaches 0.
            {"cooldown": 100, "": 5, "daily_cap": 4, "diminishing": 91}
            if day < 2
            else {"cooldown": 100, "": 5, "diminishing": 95}
        )
        earned = list(quizzes.exclude(fair_play_rule="cooldown").order_by("created_at").values_list("points_awarded", flat=True))
        assert earned[:10] == ([30] * 5 + [0] * 5 if day < 2 else [20] * 5 + [10, 5, 2, 1, 0])
        assert sum(earned) == (150 if day < 2 else 118)
        # Sixty sign-ins, one daily login award: the login counts once a day.
        assert list(day_of(user, day).filter(activity_type=ActivityType.DAILY_LOGIN).values_list("points_awarded", flat=True)) == [5]

    # The records: every attempt is in the ledger and in the XP history with the XP it got.
    ledger = PointsHistory.objects.filter(user=user)
    assert ledger.count() == XPEvent.objects.filter(user=user, points_history__isnull=False).count() == 5 * (QUIZZES_PER_HOUR + 1)
    assert not XPEvent.objects.filter(points_history__user=user).exclude(amount=F("points_history__points_awarded")).exists()
    assert ledger.filter(points_awarded=0).count() == 5 * 100 + 2 * 95 + 3 * 91  # cooldowns, past the cap, halved to 0
    week_xp = 2 * (150 + 5) + 3 * (118 + 5)
    profile = UserThriveProfile.objects.get(user=user)
    assert (profile.weekly_xp, profile.total_xp) == (week_xp, 160 + week_xp)
    assert profile.total_xp == XPEvent.objects.filter(user=user).aggregate(total=Sum("amount"))["total"]
    refused = ledger.filter(fair_play_rule="cooldown").order_by("created_at").first()
    assert refused.description.startswith("Completed a Quick Quiz with a perfect score: AI Basics (no XP: 18 s after")

    # The flag: Friday pushed the week past 600 XP (and 3 x their usual 40), so it waits for a person.
    review = SpikeReview.objects.get(user=user)
    assert (review.status, review.week_start, review.baseline_xp, review.threshold_xp) == ("pending", MONDAY.date(), 40, 600)
    assert 600 < review.weekly_xp <= week_xp

    # The farmer keeps their circle; their neighbour sees only XP that was earned, and no flag.
    assert UserThriveProfile.objects.get(user=user).current_circle == circle
    client = APIClient()
    client.force_authenticate(neighbour.user)
    with time_machine.travel(MONDAY + timedelta(days=4, hours=22), tick=False):
        page = client.get("/api/v1/me/thrive-circle/").json()
    assert page["recent_activity"] and all(event["amount"] > 0 for event in page["recent_activity"])
    assert "review" not in str(page).lower()


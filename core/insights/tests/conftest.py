from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core.circles.services import XPService
from core.fairplay.models import SpikeReview
from core.fairplay.services import load_default_rules
from core.insights.models import Feature, FeatureView
from core.points.models import ActivityType
from core.points.services import PointsService
from core.users.tests.factories import UserFactory

UTC = ZoneInfo("UTC")
W1, W2, W3 = date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # Wednesday of W3, the running week


def at(day: int, hour: int = 12, minute: int = 0, second: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=UTC)


def award(user, activity, moment, metadata=None):
    with time_machine.travel(moment, tick=False):
        return PointsService.award_points(user, activity, metadata or {})


def xp(user, amount, moment):
    with time_machine.travel(moment, tick=False):
        XPService.add_xp(user, amount, description="Earlier XP")


@pytest.fixture
def community(levels):
    """Six people over three weeks; the figures each test expects are worked out in the tests.

    ann: 470 XP in October; W1 quiz 20 (490); W2 login 5, quiz 20, project 10 (525, Explorer); W3 quiz 20.
    bob: W1 battle 25; nothing in W2.
    cat: 1450 XP in October (Explorer); W2 quiz 20, a second quiz 10 s later (cooldown: 0), milestone 50 (1520, Creator).
    dan: joins in W2 (18 Nov); login 5, quiz 20.
    eve: joins in W2 (20 Nov); never active, no Thrive profile.
    fay: joins in W3.
    """
    load_default_rules()
    users = {
        name: UserFactory(username=name, date_joined=joined)
        for name, joined in [
            ("ann", at(1, month=10)), ("bob", at(1, month=10)), ("cat", at(1, month=10)),
            ("dan", at(18, 8)), ("eve", at(20, 8)), ("fay", at(25, 8)),
        ]
    }
    ann, bob, cat, dan = users["ann"], users["bob"], users["cat"], users["dan"]
    xp(ann, 470, at(20, month=10))
    xp(cat, 1450, at(20, month=10))
    award(ann, ActivityType.QUIZ_COMPLETED, at(10))
    award(bob, ActivityType.BATTLE_PARTICIPATED, at(11))
    award(ann, ActivityType.DAILY_LOGIN, at(16, 9))
    award(ann, ActivityType.QUIZ_COMPLETED, at(17))
    award(ann, ActivityType.PROJECT_CREATED, at(18))
    award(cat, ActivityType.QUIZ_COMPLETED, at(17, 15))
    award(cat, ActivityType.QUIZ_COMPLETED, at(17, 15, 0, 10))
    award(cat, ActivityType.PROJECT_MILESTONE, at(19))
    award(dan, ActivityType.DAILY_LOGIN, at(18, 9))
    award(dan, ActivityType.QUIZ_COMPLETED, at(18, 10))
    award(ann, ActivityType.QUIZ_COMPLETED, at(24))
    SpikeReview.objects.create(user=bob, week_start=W2, weekly_xp=900, baseline_xp=0, threshold_xp=600)
    views = [
        (ann, Feature.THRIVE_CIRCLE_PAGE, date(2026, 11, 16), 3), (ann, Feature.ACTIVITY_FEED, date(2026, 11, 16), 1),
        (ann, Feature.THRIVE_CIRCLE_PAGE, date(2026, 11, 18), 1), (cat, Feature.THRIVE_CIRCLE_PAGE, date(2026, 11, 17), 2),
        (bob, Feature.THRIVE_CIRCLE_PAGE, date(2026, 11, 11), 1), (ann, Feature.THRIVE_CIRCLE_PAGE, date(2026, 11, 23), 1),
    ]
    FeatureView.objects.bulk_create(FeatureView(user=u, feature=f, day=d, count=c) for u, f, d, c in views)
    return users

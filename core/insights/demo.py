"""Demo data for the success metrics: a staff account for the dashboard, and page/feed views.

Views follow the demo community's own sign-ins (core/circles/ops/demo.py): on most days someone signs
in they open Your Thrive Circle, and, more and more over the weeks, scroll to the circle feed. Each
page view comes with half a minute to seven minutes of visible time on the page.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from core.circles import weeks
from core.points.models import ActivityType, PointsHistory

from .models import Feature, FeatureView, PageTime

DEMO_STAFF = "staff_sky"


def ensure_demo_staff(password: str) -> bool:
    """The demo's staff account (dashboard and admin). Returns True if it was created now."""
    _, created = get_user_model().objects.get_or_create(
        username=DEMO_STAFF,
        defaults={
            "password": make_password(password),
            "is_staff": True,
            "is_superuser": True,
            "date_joined": timezone.now() - timedelta(days=84),
        },
    )
    return created


def seed_demo_views(*, seed: int = 42) -> int:
    """One page-view row on ~80 % of each person's sign-in days, a feed-view row on a growing share."""
    rng = random.Random(seed)
    logins = PointsHistory.objects.filter(activity_type=ActivityType.DAILY_LOGIN).values_list("user_id", "created_at")
    if not logins:
        return 0
    first = min(at for _, at in logins)
    span = max(1.0, (timezone.now() - first).total_seconds())
    rows = {}
    for user_id, at in logins:
        day = weeks.local_date(at)
        progress = (at - first).total_seconds() / span  # 0 at the start of the history, 1 today
        if rng.random() < 0.8:
            rows[(user_id, Feature.THRIVE_CIRCLE_PAGE, day)] = rng.choice([1, 1, 1, 2, 2, 3])
        if rng.random() < 0.25 + 0.4 * progress:
            rows[(user_id, Feature.ACTIVITY_FEED, day)] = rng.choice([1, 1, 2])
    FeatureView.objects.bulk_create(
        [FeatureView(user_id=u, feature=f, day=d, count=c) for (u, f, d), c in rows.items()],
        batch_size=2000,
        ignore_conflicts=True,
    )
    seconds: dict[tuple[int, object], int] = {}
    for (user_id, feature, day), count in rows.items():
        if feature == Feature.THRIVE_CIRCLE_PAGE:
            week = day - timedelta(days=day.weekday())  # the circle week's Monday
            seconds[(user_id, week)] = seconds.get((user_id, week), 0) + sum(rng.randint(30, 420) for _ in range(count))
    PageTime.objects.bulk_create(
        [PageTime(user_id=u, week_start=w, seconds=s, reports=1) for (u, w), s in seconds.items()],
        batch_size=2000,
        ignore_conflicts=True,
    )
    return len(rows)

"""Reads of the points ledger shared by views."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import ActivityType
from .rules import POINT_VALUES

# record_daily_login's bonuses: every 7th and every 30th day in a row.
STREAK_BONUSES = ((7, ActivityType.WEEK_STREAK), (30, ActivityType.MONTH_STREAK))


def login_streak(user, *, today: date | None = None) -> dict:
    """The person's login streak as it stands today.

    The stored streak is only moved by a login, so one that missed yesterday is shown as 0
    (the next login starts again at 1). `*_next_bonus` names the nearest streak bonus.
    """
    today = today or timezone.localdate()
    row = get_user_model().objects.filter(pk=user.pk).values("current_streak", "max_streak", "last_login_date").get()
    last = row["last_login_date"]
    alive = last is not None and last >= today - timedelta(days=1)
    current = row["current_streak"] if alive else 0
    counted_today = last == today
    # Daily visits still needed (today's included, if not counted yet) to reach the nearest bonus.
    visits, bonus = min((every - current % every, activity) for every, activity in STREAK_BONUSES)
    return {
        "current_streak": current,
        "longest_streak": max(row["max_streak"], current),
        "counted_today": counted_today,
        "visits_to_next_bonus": visits,
        "next_bonus_xp": POINT_VALUES[bonus],
    }

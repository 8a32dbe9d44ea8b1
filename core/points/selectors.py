"""Reads of the points ledger shared by views."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.users.zones import zone_named

from . import streaks
from .models import ActivityType
from .rules import POINT_VALUES

# record_daily_login's bonuses: every 7th and every 30th day in a row.
STREAK_BONUSES = ((7, ActivityType.WEEK_STREAK), (30, ActivityType.MONTH_STREAK))


def login_streak(user, *, today: date | None = None) -> dict:
    """The person's login streak as it stands today.

    The stored streak is only moved by a login, so one that missed yesterday is shown as 0
    (the next login starts again at 1). `*_next_bonus` names the nearest streak bonus.
    """
    row = (
        get_user_model().objects.filter(pk=user.pk)
        .values(
            "current_streak", "max_streak", "last_login_date", "streak_freezes", "freeze_used_on",
            "freeze_kept_streak", "freezes_used", "resting_week", "rest_ended_on", "time_zone",
        )
        .get()
    )
    today = today or timezone.localtime(timezone.now(), zone_named(row["time_zone"])).date()  # their own day
    last = row["last_login_date"]
    rest = streaks.Rest(row["resting_week"], row["rest_ended_on"])
    alive = streaks.is_alive(last=last, today=today, freezes=row["streak_freezes"], rest=rest)
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
        "streak_freezes": row["streak_freezes"],
        "max_streak_freezes": streaks.MAX_FREEZES,
        # The last time freezes kept the streak going (within the past week), for "A freeze kept
        # your 12-day streak"; None otherwise.
        "freeze_kept": (
            {"on": row["freeze_used_on"], "streak": row["freeze_kept_streak"], "freezes_used": row["freezes_used"]}
            if row["freeze_used_on"] and row["freeze_used_on"] >= today - timedelta(days=6)
            else None
        ),
    }

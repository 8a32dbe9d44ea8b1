"""What the help page needs from the server: the XP each activity earns (from the points table, so
the page can never disagree with what is awarded) and when circles reset."""

from datetime import datetime

from django.conf import settings
from django.utils import timezone

from core.circles import weeks
from core.fairplay.services import fair_play_in_words
from core.points.models import ActivityType
from core.points.rules import PERFECT_QUIZ_BONUS, POINT_VALUES, XP_SOURCES

# In the order of the plan's "How do I earn XP?"; the labels say what to do, the values come from rules.
WAYS_TO_EARN = [
    (ActivityType.QUIZ_COMPLETED, "Complete a Quick Quiz"),
    (ActivityType.BATTLE_PARTICIPATED, "Enter a Prompt Battle"),
    (ActivityType.BATTLE_ROUND_COMPLETED, "Complete a Prompt Battle round"),
    (ActivityType.BATTLE_WON, "Win a Prompt Battle (a bonus on top of taking part)"),
    (ActivityType.PROJECT_CREATED, "Create a project"),
    (ActivityType.PROJECT_PUBLISHED, "Publish a project"),
    (ActivityType.PROJECT_MILESTONE, "Reach a project milestone"),
    (ActivityType.DAILY_LOGIN, "Check in for the day"),
    (ActivityType.WEEK_STREAK, "Keep a 7-day login streak"),
    (ActivityType.MONTH_STREAK, "Keep a 30-day login streak"),
    (ActivityType.ACHIEVEMENT_EARNED, "Earn an achievement"),
]


LABELS = {activity.value: label for activity, label in WAYS_TO_EARN}


def ways_to_earn() -> list[dict]:
    rows = []
    for activity, label in WAYS_TO_EARN:
        rows.append(
            {"activity_type": activity.value, "source": XP_SOURCES[activity].value, "label": label, "xp": POINT_VALUES[activity]}
        )
        if activity == ActivityType.QUIZ_COMPLETED:
            rows.append(
                {
                    "activity_type": activity.value,
                    "source": XP_SOURCES[activity].value,
                    "label": "Perfect score bonus on a quiz",
                    "xp": PERFECT_QUIZ_BONUS,
                }
            )
    return rows


def thrive_circles_help(now: datetime | None = None) -> dict:
    return {
        "ways_to_earn": ways_to_earn(),
        "reset_at": weeks.next_reset(now or timezone.now()),
        "time_zone": settings.TIME_ZONE,
        "fair_play": [{**row, "label": LABELS.get(row["activity_type"], row["activity_type"])} for row in fair_play_in_words()],
    }

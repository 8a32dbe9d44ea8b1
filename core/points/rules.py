"""The plan's point values and how each activity maps to an XP source."""

from core.circles.models import XPSource

from .models import ActivityType

# A fair-play note ("4th today: 5 of 10 XP") travels in the XP event's private metadata under this
# key: its owner sees it after the description, circle members never see it.
FAIR_PLAY_NOTE_KEY = "fair_play_note"

POINT_VALUES = {
    ActivityType.QUIZ_COMPLETED: 20,
    ActivityType.BATTLE_PARTICIPATED: 25,
    ActivityType.BATTLE_WON: 20,  # a bonus on top of taking part
    ActivityType.BATTLE_ROUND_COMPLETED: 10,
    ActivityType.PROJECT_CREATED: 10,
    ActivityType.PROJECT_PUBLISHED: 15,
    ActivityType.PROJECT_MILESTONE: 50,
    ActivityType.DAILY_LOGIN: 5,
    ActivityType.WEEK_STREAK: 25,
    ActivityType.MONTH_STREAK: 100,
    ActivityType.ACHIEVEMENT_EARNED: 30,  # the plan names no value; 30 sits between a quiz and a milestone
    # Quest rewards: the quest's own reward_xp is passed as `points`; these are only the fallbacks.
    ActivityType.SIDE_QUEST_COMPLETED: 50,
    ActivityType.WEEKLY_CHALLENGE_COMPLETED: 100,
    ActivityType.SCAVENGER_HUNT_COMPLETED: 75,
    ActivityType.QUIZ_STREAK: 15,
}
PERFECT_QUIZ_BONUS = 10  # the plan's "perfect score bonus": a quiz with metadata score == 100
# A quiz with a score earns by its score: QUIZ_FLOOR_POINTS for finishing, up to the plan's 20 at 100 %.
QUIZ_FLOOR_POINTS = 5

XP_SOURCES = {
    ActivityType.QUIZ_COMPLETED: XPSource.QUIZ,
    ActivityType.BATTLE_PARTICIPATED: XPSource.PROMPT_BATTLE,
    ActivityType.BATTLE_WON: XPSource.PROMPT_BATTLE,
    ActivityType.BATTLE_ROUND_COMPLETED: XPSource.PROMPT_BATTLE,
    ActivityType.PROJECT_CREATED: XPSource.PROJECT,
    ActivityType.PROJECT_PUBLISHED: XPSource.PROJECT,
    ActivityType.PROJECT_MILESTONE: XPSource.PROJECT,
    ActivityType.DAILY_LOGIN: XPSource.DAILY_LOGIN,
    ActivityType.WEEK_STREAK: XPSource.STREAK,
    ActivityType.MONTH_STREAK: XPSource.STREAK,
    ActivityType.ACHIEVEMENT_EARNED: XPSource.ACHIEVEMENT,
    ActivityType.SIDE_QUEST_COMPLETED: XPSource.SIDE_QUEST,
    ActivityType.WEEKLY_CHALLENGE_COMPLETED: XPSource.WEEKLY_CHALLENGE,
    ActivityType.SCAVENGER_HUNT_COMPLETED: XPSource.SCAVENGER_HUNT,
    ActivityType.QUIZ_STREAK: XPSource.STREAK,
}

DESCRIPTIONS = {
    ActivityType.QUIZ_COMPLETED: "Completed a Quick Quiz",
    ActivityType.BATTLE_PARTICIPATED: "Entered a Prompt Battle",
    ActivityType.BATTLE_WON: "Won a Prompt Battle",
    ActivityType.BATTLE_ROUND_COMPLETED: "Completed a Prompt Battle round",
    ActivityType.PROJECT_CREATED: "Created a new project",
    ActivityType.PROJECT_PUBLISHED: "Published a project",
    ActivityType.PROJECT_MILESTONE: "Reached a project milestone",
    ActivityType.DAILY_LOGIN: "Daily check-in",
    ActivityType.WEEK_STREAK: "7-day streak bonus",
    ActivityType.MONTH_STREAK: "30-day streak bonus",
    ActivityType.ACHIEVEMENT_EARNED: "Earned an achievement",
    ActivityType.SIDE_QUEST_COMPLETED: "Completed a side quest",
    ActivityType.WEEKLY_CHALLENGE_COMPLETED: "Completed the weekly challenge",
    ActivityType.SCAVENGER_HUNT_COMPLETED: "Finished a scavenger hunt",
    ActivityType.QUIZ_STREAK: "Quiz streak bonus",
}


def points_for(activity_type: ActivityType, metadata: dict, *, points: int | None = None) -> int:
    """The plan's value of the activity, or `points` when the caller sets it (the quest engine's
    authored rewards); the fair-play rules then decide what is granted."""
    if points is not None:
        return points
    points = POINT_VALUES[activity_type]
    score = metadata.get("score")
    if activity_type == ActivityType.QUIZ_COMPLETED and isinstance(score, int) and 0 <= score <= 100:
        points = QUIZ_FLOOR_POINTS + round((points - QUIZ_FLOOR_POINTS) * score / 100)
        if score == 100:
            points += PERFECT_QUIZ_BONUS
    return points


def describe(activity_type: ActivityType, metadata: dict, *, note: str = "") -> str:
    """'Completed a Quick Quiz: AI Basics' when the caller names the thing, else the plain line.

    `note` explains a fair-play reduction in the person's own words of the history:
    'Completed a Quick Quiz (7th today: 5 of 20 XP)'.
    """
    title = metadata.get("title")
    base = DESCRIPTIONS[activity_type]
    if activity_type == ActivityType.QUIZ_COMPLETED and metadata.get("score") == 100:
        base += " with a perfect score"
    text = f"{base}: {title}" if isinstance(title, str) and title.strip() else base
    return f"{text} ({note})" if note else text


def xp_metadata(metadata: dict, *, base_points: int, rule: str, note: str) -> dict:
    """An XP event's metadata: the caller's, and for an award the fair-play rules limited, the plan's
    points, the rule and its note. The event's description leaves the note out: other circle members
    see descriptions, and only the owner sees private metadata (core/circles/serializers.py)."""
    if not rule:
        return metadata
    return {**metadata, "base_points": base_points, "fair_play_rule": rule, FAIR_PLAY_NOTE_KEY: note}

"""Fair play in plain words: what the limits are (help page) and why an award earned less
(the activity's result message). Pure functions over the limits and a decision."""

from __future__ import annotations

from . import limits as fair

# What people call several of each activity, for "You've done a lot of quizzes today".
ACTIVITY_NOUNS = {
    "quiz_completed": ("quiz", "quizzes"),
    "battle_participated": ("Prompt Battle entry", "Prompt Battle entries"),
    "battle_won": ("Prompt Battle win", "Prompt Battle wins"),
    "battle_round_completed": ("Prompt Battle round", "Prompt Battle rounds"),
    "project_created": ("new project", "new projects"),
    "project_published": ("published project", "published projects"),
    "project_milestone": ("project milestone", "project milestones"),
    "daily_login": ("check-in", "check-ins"),
    "week_streak": ("7-day streak bonus", "7-day streak bonuses"),
    "month_streak": ("30-day streak bonus", "30-day streak bonuses"),
    "achievement_earned": ("achievement", "achievements"),
}


def _nouns(activity_type: str) -> tuple[str, str]:
    return ACTIVITY_NOUNS.get(activity_type, ("activity", "activities"))


def duration(seconds: float) -> str:
    """'25 seconds', '20 minutes', '5 hours': one rounded-up unit, as people say it."""
    seconds = max(1, int(-(-seconds // 1)))
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = -(-seconds // 60)
    if minutes < 90:
        return f"{minutes} minutes"
    hours = -(-minutes // 60)
    return f"{hours} hours"


def limits_in_words(limits: fair.Limits, activity_type: str) -> list[str]:
    """The rule of one activity as short sentences for the help page; [] when it has no limits."""
    one, many = _nouns(activity_type)
    words = []
    if limits.full_points_per_day is not None:
        first = "The first one" if limits.full_points_per_day == 1 else f"The first {limits.full_points_per_day}"
        words.append(
            f"{first} each day earn{'s' if limits.full_points_per_day == 1 else ''} full XP; "
            f"after that each {one} earns {limits.repeat_decay_percent}% of the one before."
        )
    if limits.daily_xp_cap is not None:
        words.append(f"Up to {limits.daily_xp_cap} XP a day from {many}.")
    if limits.cooldown_seconds:
        words.append(f"Leave {duration(limits.cooldown_seconds)} between two {many}: one sooner earns no XP.")
    return words


def friendly_message(activity_type: str, decision: fair.Decision, *, seconds_to_tomorrow: float) -> str:
    """Why an award earned less, kindly, and when it counts fully again; "" for full points."""
    if not decision.is_limited:
        return ""
    one, many = _nouns(activity_type)
    if decision.rule == fair.COOLDOWN:
        wait = duration(decision.wait_seconds or 1)
        return f"That came quickly after your last {one}, so it earned no XP; the next one counts in {wait}."
    tomorrow = f"in {duration(seconds_to_tomorrow)}, when the day starts afresh"
    if decision.rule == fair.DAILY_CAP:
        return f"You've reached today's XP from {many} ({decision.points} of {decision.base_points} XP this time); they count fully again {tomorrow}."
    return (
        f"You've done a lot of {many} today, so this one earned {decision.points} of {decision.base_points} XP; "
        f"{many} count fully again {tomorrow}."
    )

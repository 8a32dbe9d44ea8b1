"""The fair-play rules loaded on first use (and by migration 0002): one row per activity type.

Operators change them in the admin (Fair play > Fair-play rules); these are only the starting
values. None means no such limit. The plan's point values (core/points/rules.py) stay the base.
"""

# activity type: (full points per day, decay % after that, daily XP cap, cooldown seconds)
DEFAULT_RULES = {
    # A keen learner does a handful of quizzes a day; 150 XP is five perfect scores.
    "quiz_completed": (5, 50, 150, 30),
    "battle_participated": (4, 50, 150, 60),
    "battle_won": (3, 50, 100, 0),
    "battle_round_completed": (10, 50, 100, 0),
    "project_created": (3, 50, 50, 60),
    "project_published": (3, 50, 60, 0),
    "project_milestone": (2, 50, 150, 0),
    # Once a day: record_daily_login already counts one login a day; the cap also covers
    # logins reported through the ingestion API.
    "daily_login": (None, 50, 5, 0),
    "week_streak": (None, 50, 25, 0),
    "month_streak": (None, 50, 100, 0),
    "achievement_earned": (5, 50, 150, 0),
    # The quest engine's rewards (core/quests): each is once per quest and week already; the caps
    # bound a day in which many quests complete at once (docs/quests.md).
    "side_quest_completed": (None, 50, 200, 0),
    "weekly_challenge_completed": (None, 50, 200, 0),
    "scavenger_hunt_completed": (None, 50, 150, 0),
    "quiz_streak": (None, 50, 60, 0),
}

"""The kinds of notification, the preference field of each, and the one sentence each shows.

The sentence is made here, from the stored payload, so the bell, the socket and any later email
say the same thing, and a wording change applies to old notifications too.
"""

from django.db import models


class Kind(models.TextChoices):
    CIRCLE_ASSIGNED = "circle_assigned", "New circle for the week"
    GOAL_REACHED = "goal_reached", "Circle goal reached"
    KUDOS_RECEIVED = "kudos_received", "Kudos received"
    QUEST_COMPLETED = "quest_completed", "Quest completed"
    LEVEL_REACHED = "level_reached", "Level reached"
    STREAK_AT_RISK = "streak_at_risk", "Streak at risk"


# Every preference: one per in-app kind, and the weekly recap email.
WEEKLY_RECAP = "weekly_recap"
PREFERENCE_FIELDS = (*Kind.values, WEEKLY_RECAP)

REACTION_WORDS = {"clap": "a clap", "heart": "a heart", "sparkles": "sparkles", "rocket": "a rocket", "flower": "a flower"}


def describe(kind: str, payload: dict) -> tuple[str, str]:
    """(The sentence a person reads, the page it links to) for a notification."""
    if kind == Kind.CIRCLE_ASSIGNED:
        name = payload.get("circle_name") or "your new circle"
        return f"You're in {name} this week. Say hello!", "/play/thrive-circle"
    if kind == Kind.GOAL_REACHED:
        return f"Your circle reached its goal of {payload.get('target_xp', 0)} XP together.", "/play/thrive-circle"
    if kind == Kind.KUDOS_RECEIVED:
        reaction = REACTION_WORDS.get(payload.get("reaction", ""), "kudos")
        return f"{payload.get('from', 'Someone')} sent you {reaction}.", "/play/thrive-circle"
    if kind == Kind.QUEST_COMPLETED:
        return f"Quest complete: {payload.get('quest_title', 'a quest')} (+{payload.get('xp', 0)} XP).", "/play/quests"
    if kind == Kind.LEVEL_REACHED:
        return f"You reached {payload.get('level', 'a new level')}!", "/play/thrive-circle"
    if kind == Kind.STREAK_AT_RISK:
        return f"Your {payload.get('streak', 0)}-day streak ends tonight unless you stop by.", "/play/thrive-circle"
    return "Something new happened.", "/play/thrive-circle"

"""Recommended actions: what the user has not done this week, and what closes the gap to the next level."""

from dataclasses import dataclass

from core.points.models import ActivityType
from core.points.rules import POINT_VALUES

from ..models import XPSource


@dataclass(frozen=True)
class Action:
    label: str
    xp: int
    url: str
    icon: str
    source: str


CATALOGUE = [
    Action("Complete a Quick Quiz", POINT_VALUES[ActivityType.QUIZ_COMPLETED], "/quick-quizzes", "faGraduationCap", XPSource.QUIZ),
    Action("Enter a Prompt Battle", POINT_VALUES[ActivityType.BATTLE_PARTICIPATED], "/play/prompt-battle", "faGamepad", XPSource.PROMPT_BATTLE),
    Action("Create a New Project", POINT_VALUES[ActivityType.PROJECT_CREATED], "/projects/new", "faPlus", XPSource.PROJECT),
]


def recommended_actions(*, sources_this_week: set[str], xp_to_next_level: int, next_level_name: str | None) -> list[dict]:
    """Untried-this-week first, then bigger XP; an action that alone reaches the next level leads."""

    def reason(action: Action) -> str:
        if next_level_name and 0 < xp_to_next_level <= action.xp:
            return f"Enough on its own to reach {next_level_name}!"
        if action.source not in sources_this_week:
            return "Something new for you this week."
        return "A favourite of yours this week: keep the rhythm going."

    def priority(action: Action):
        closes_gap = bool(next_level_name) and 0 < xp_to_next_level <= action.xp
        return (not closes_gap, action.source in sources_this_week, -action.xp)

    return [
        {"label": a.label, "xp": a.xp, "url": a.url, "icon": a.icon, "reason": reason(a)}
        for a in sorted(CATALOGUE, key=priority)
    ]

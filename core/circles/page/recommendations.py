"""Recommended actions, each with its reason, chosen from the person's own activity.

The rules (docs/design.md, "Recommended actions"):
- The catalogue is five activities of the points ledger. The plan's three (a quiz, a Prompt
  Battle, a new project) always fit; publishing a project fits when the person has created more
  projects than they have published, and a project milestone once they have published one, both
  only where the platform has a projects page to send them to (THRIVE_PROJECTS_URL).
- Order: first the actions that reach the next level in at most REACH_STEPS goes (fewest goes
  first), then the ones not done this week, then the larger XP. The first three are shown.
- The reason is the first of: "N <actions> from your next level" (within REACH_STEPS goes),
  the unpublished projects waiting, "You haven't ... this week", "N ... this week".
"""

from dataclasses import dataclass
from math import ceil

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q

from core.points.models import ActivityType
from core.points.rules import POINT_VALUES

from .. import weeks
from ..models import UserThriveProfile, XPEvent, XPSource

SHOWN = 3
REACH_STEPS = 3  # "2 quizzes from your next level" is a plan; "14 quizzes" is not a reason
ACTIVITY_CACHE_SECONDS = 300  # keys change with every award; this only bounds memory

# An award made straight through XPService (no points-ledger row) counts as the plain activity.
PLAIN_ACTIVITY = {
    XPSource.QUIZ: ActivityType.QUIZ_COMPLETED,
    XPSource.PROMPT_BATTLE: ActivityType.BATTLE_PARTICIPATED,
    XPSource.PROJECT: ActivityType.PROJECT_CREATED,
}


@dataclass(frozen=True)
class Action:
    label: str
    activity: str
    url: str  # "" for THRIVE_PROJECTS_URL
    icon: str
    one: str  # "quiz"
    many: str  # "quizzes"
    not_yet: str  # said when not done this week
    # Quizzes and battles count by XP source (a won round is still a battle); project steps by activity.
    source: str | None = None

    @property
    def xp(self) -> int:
        return POINT_VALUES[self.activity]

    def count(self, n: int) -> str:
        return f"{n} {self.one if n == 1 else self.many}"


QUIZ = Action(
    "Complete a Quick Quiz", ActivityType.QUIZ_COMPLETED, "/quick-quizzes", "faGraduationCap",
    "quiz", "quizzes", "You haven't taken a quiz this week.", source=XPSource.QUIZ,
)
BATTLE = Action(
    "Enter a Prompt Battle", ActivityType.BATTLE_PARTICIPATED, "/play/prompt-battle", "faGamepad",
    "Prompt Battle", "Prompt Battles", "You haven't tried a Prompt Battle this week.", source=XPSource.PROMPT_BATTLE,
)
NEW_PROJECT = Action(
    "Create a New Project", ActivityType.PROJECT_CREATED, "/projects/new", "faPlus",
    "new project", "new projects", "You haven't started a project this week.",
)
PUBLISH = Action(
    "Publish a project", ActivityType.PROJECT_PUBLISHED, "", "faUpload",
    "published project", "published projects", "You haven't published a project this week.",
)
MILESTONE = Action(
    "Reach a project milestone", ActivityType.PROJECT_MILESTONE, "", "faFlag",
    "project milestone", "project milestones", "No project milestone yet this week.",
)
CATALOGUE = [QUIZ, BATTLE, NEW_PROJECT, PUBLISH, MILESTONE]


@dataclass(frozen=True)
class Activity:
    """What the recommendations read of a person's history."""

    week_by_source: dict[str, int]
    week_by_activity: dict[str, int]
    projects_created: int = 0
    projects_published: int = 0

    def this_week(self, action: Action) -> int:
        if action.source is not None:
            return self.week_by_source.get(action.source, 0)
        return self.week_by_activity.get(action.activity, 0)


def activity_for(profile: UserThriveProfile, week) -> Activity:
    """The person's awards this week (by XP source and by activity) and their projects ever
    created and published: one grouped query over their events (this week's, and project events).

    Cached under the profile's last activity, which every award moves forward, so a cached answer
    is never stale. Corrections (negative XP) are not activities."""
    key = f"thrive-activity:{profile.pk}:{week}:{profile.last_activity_at.timestamp()}"

    def read() -> Activity:
        start, end = weeks.week_bounds(week)
        in_week = Q(timestamp__gte=start, timestamp__lt=end)
        rows = (
            XPEvent.objects.filter(Q(user_id=profile.user_id, amount__gte=0) & (in_week | Q(source=XPSource.PROJECT)))
            .values("source", "points_history__activity_type")
            .annotate(week=Count("id", filter=in_week), ever=Count("id"))
            .order_by()
        )
        by_source: dict[str, int] = {}
        by_activity: dict[str, int] = {}
        ever: dict[str, int] = {}
        for row in rows:
            activity = row["points_history__activity_type"] or PLAIN_ACTIVITY.get(row["source"], "")
            by_source[row["source"]] = by_source.get(row["source"], 0) + row["week"]
            by_activity[activity] = by_activity.get(activity, 0) + row["week"]
            ever[activity] = ever.get(activity, 0) + row["ever"]
        return Activity(
            week_by_source={k: v for k, v in by_source.items() if v},
            week_by_activity={k: v for k, v in by_activity.items() if v},
            projects_created=ever.get(ActivityType.PROJECT_CREATED, 0),
            projects_published=ever.get(ActivityType.PROJECT_PUBLISHED, 0),
        )

    return cache.get_or_set(key, read, ACTIVITY_CACHE_SECONDS)


def fits(action: Action, activity: Activity) -> bool:
    if action in (PUBLISH, MILESTONE) and not settings.THRIVE_PROJECTS_URL:
        return False
    if action is PUBLISH:
        return activity.projects_created > activity.projects_published
    if action is MILESTONE:
        return activity.projects_published > 0
    return True


def steps_to_next_level(action: Action, xp_to_next_level: int) -> int:
    """How many of `action`, at full points, reach the next level (0 when there is none)."""
    return ceil(xp_to_next_level / action.xp) if xp_to_next_level > 0 else 0


def reason(action: Action, activity: Activity, *, xp_to_next_level: int, next_level_name: str | None) -> str:
    steps = steps_to_next_level(action, xp_to_next_level) if next_level_name else 0
    if 0 < steps <= REACH_STEPS:
        if steps == 1:
            return f"One {action.one} takes you to {next_level_name}, your next level."
        return f"{action.count(steps)} from your next level, {next_level_name}."
    if action is PUBLISH:
        waiting = activity.projects_created - activity.projects_published
        return f"You have {waiting} project{'s' if waiting != 1 else ''} you haven't published yet."
    done = activity.this_week(action)
    if not done:
        return action.not_yet
    return f"{action.count(done)} this week: keep the rhythm going."


def recommended_actions(activity: Activity, *, xp_to_next_level: int, next_level_name: str | None) -> list[dict]:
    """The SHOWN actions that fit best, in order, each with its reason (rules: module docstring)."""

    def priority(action: Action):
        steps = steps_to_next_level(action, xp_to_next_level) if next_level_name else 0
        reaches = 0 < steps <= REACH_STEPS
        return (not reaches, steps if reaches else 0, activity.this_week(action) > 0, -action.xp)

    chosen = sorted((a for a in CATALOGUE if fits(a, activity)), key=priority)[:SHOWN]
    return [
        {
            "label": a.label,
            "xp": a.xp,
            "url": a.url or settings.THRIVE_PROJECTS_URL,
            "icon": a.icon,
            "reason": reason(a, activity, xp_to_next_level=xp_to_next_level, next_level_name=next_level_name),
        }
        for a in chosen
    ]

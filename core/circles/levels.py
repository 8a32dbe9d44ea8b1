"""The five Thrive Circle levels, as the plan defines them."""

from django.db import transaction

from .models import ThriveCircleLevel

INITIAL_LEVELS = [
    {"name": "Seedling", "order": 1, "min_xp": 0, "icon": "faSeedling", "color_from": "green-400", "color_to": "green-600",
     "description": "Just planted: every quiz, battle and project helps you grow."},
    {"name": "Explorer", "order": 2, "min_xp": 500, "icon": "faCompass", "color_from": "blue-400", "color_to": "blue-600",
     "description": "Finding your way around and trying a bit of everything."},
    {"name": "Creator", "order": 3, "min_xp": 1500, "icon": "faWand", "color_from": "purple-400", "color_to": "purple-600",
     "description": "Making things and sharing what you build."},
    {"name": "Catalyst", "order": 4, "min_xp": 3500, "icon": "faRocket", "color_from": "orange-400", "color_to": "orange-600",
     "description": "Sparking momentum for yourself and the people around you."},
    {"name": "Luminary", "order": 5, "min_xp": 7500, "icon": "faStar", "color_from": "yellow-400", "color_to": "yellow-600",
     "description": "Lighting the way, and still learning every week."},
]


@transaction.atomic
def load_default_levels() -> int:
    """Create the default levels that are missing; existing (possibly edited) levels are kept.

    Idempotent and safe under concurrency (conflicting inserts are ignored). Returns how many
    levels were missing before the call.
    """
    missing = [lvl for lvl in INITIAL_LEVELS if not ThriveCircleLevel.objects.filter(name=lvl["name"]).exists()]
    ThriveCircleLevel.objects.bulk_create([ThriveCircleLevel(**lvl) for lvl in missing], ignore_conflicts=True)
    return len(missing)


def threshold_problems(levels: list[tuple[str, int, int]]) -> list[str]:
    """Why a set of (name, order, min_xp) levels is inconsistent, if it is.

    Levels in `order` must need strictly more XP each, and the first must start at 0 XP, so
    every user (negative corrections aside) has exactly one level for their XP.
    """
    problems = []
    ordered = sorted(levels, key=lambda level: level[1])
    if ordered and ordered[0][2] != 0:
        problems.append(f"The first level ({ordered[0][0]}) must start at 0 XP, not {ordered[0][2]}.")
    for (lower, lower_order, lower_xp), (upper, upper_order, upper_xp) in zip(ordered, ordered[1:]):
        if upper_xp <= lower_xp:
            problems.append(
                f"{upper} (order {upper_order}) must need more XP than {lower} (order {lower_order}, "
                f"{lower_xp} XP), not {upper_xp}."
            )
    return problems

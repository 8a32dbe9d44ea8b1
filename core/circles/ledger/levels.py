"""Levels: the plan's five, the cached level table, and the one rule that derives a level from XP.

The rule: a person's level is the one whose XP band holds their total. Bands follow `min_xp`
upwards; the lowest level's band is open below (a correction can take a total under 0) and the
top level's open above. It is written once for Python (`level_for_xp`) and once for SQL
(`level_for_xp_sql`, `LEVEL_BANDS_SQL`), side by side here and checked against each other by a
property test; every write that moves XP (awards, batches, the weekly sync) uses these.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from ..models import ThriveCircleLevel

logger = logging.getLogger(__name__)

# Levels are reference data read by every page view and edited a few times a year. Saving or
# deleting one clears the table (signals in apps.py; everywhere with a shared cache such as
# Redis); with a per-process cache other processes see an edit within this many seconds.
LEVEL_TABLE_KEY = "thrive-level-table"
LEVEL_TABLE_SECONDS = 60

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
    transaction.on_commit(forget_level_table)
    return len(missing)


def entry_level() -> ThriveCircleLevel:
    """The lowest level, where everyone starts; loads the default levels if none were loaded."""
    level = ThriveCircleLevel.objects.order_by("order").first()
    if level is None:
        logger.warning("No Thrive Circle levels were loaded; loading the defaults.")
        load_default_levels()
        level = ThriveCircleLevel.objects.order_by("order").first()
    return level


@dataclass(frozen=True)
class LevelTable:
    levels: tuple[ThriveCircleLevel, ...]  # lowest first

    def get(self, level_id: int) -> ThriveCircleLevel | None:
        return next((level for level in self.levels if level.id == level_id), None)

    def next_after(self, level: ThriveCircleLevel) -> ThriveCircleLevel | None:
        return next((higher for higher in self.levels if higher.order > level.order), None)


def level_table() -> LevelTable:
    return cache.get_or_set(LEVEL_TABLE_KEY, lambda: LevelTable(tuple(ThriveCircleLevel.objects.order_by("order"))), LEVEL_TABLE_SECONDS)


def level_by_id(level_id: int) -> ThriveCircleLevel:
    """A level from the cached table; a level the table does not know yet reloads it."""
    level = level_table().get(level_id)
    if level is None:
        forget_level_table()
        level = level_table().get(level_id)
    if level is None:
        raise ThriveCircleLevel.DoesNotExist(f"No Thrive Circle level with id {level_id}")
    return level


def forget_level_table(**signal_kwargs) -> None:
    cache.delete(LEVEL_TABLE_KEY)


def level_for_xp(total_xp: int, levels: Sequence[ThriveCircleLevel]) -> ThriveCircleLevel:
    """The level whose band holds `total_xp` (see the module docstring)."""
    by_xp = sorted(levels, key=lambda level: level.min_xp)
    return next((level for level in reversed(by_xp) if level.min_xp <= total_xp), by_xp[0])


# Each level's band [lo, hi): lo is NULL for the lowest level, hi NULL for the top one.
LEVEL_BANDS_SQL = f"""(SELECT id,
        CASE WHEN ROW_NUMBER() OVER (ORDER BY min_xp) = 1 THEN NULL ELSE min_xp END AS lo,
        LEAD(min_xp) OVER (ORDER BY min_xp) AS hi
    FROM {ThriveCircleLevel._meta.db_table})"""


def in_band_sql(band: str, xp: str) -> str:
    """SQL: the XP expression `xp` lies in the band row `band` of LEVEL_BANDS_SQL."""
    return f"({band}.lo IS NULL OR {xp} >= {band}.lo) AND ({band}.hi IS NULL OR {xp} < {band}.hi)"


def level_for_xp_sql(xp: str) -> str:
    """SQL: the id of the level for the XP expression `xp` (a scalar subquery)."""
    return f"(SELECT band.id FROM {LEVEL_BANDS_SQL} band WHERE {in_band_sql('band', xp)})"


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

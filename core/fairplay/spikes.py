"""Pure spike rule: is a week's XP far above the person's own recent pattern?

A week is a spike when its XP is above `floor` AND above `multiplier` x the median of the
person's previous `lookback` weeks (weeks without XP count as 0, so a newcomer's median is 0
and only the floor applies).
"""

from __future__ import annotations

import math
from statistics import median


def baseline(prior_weeks_xp: list[int]) -> int:
    """The person's usual week: the median of the previous weeks' XP, rounded down."""
    return math.floor(median(prior_weeks_xp)) if prior_weeks_xp else 0


def threshold(prior_weeks_xp: list[int], *, multiplier: float, floor: int) -> int:
    """A week above this many XP is a spike."""
    return max(floor, math.floor(multiplier * max(0, baseline(prior_weeks_xp))))


def is_spike(week_xp: int, prior_weeks_xp: list[int], *, multiplier: float, floor: int) -> bool:
    return week_xp > threshold(prior_weeks_xp, multiplier=multiplier, floor=floor)


def excess(week_xp: int, baseline_xp: int) -> int:
    """What a rejection takes back: the week's XP above the person's usual week (never negative)."""
    return max(0, week_xp - max(0, baseline_xp))

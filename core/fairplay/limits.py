"""Pure fair-play arithmetic: what an award is worth given the rule and what the user already did today.

No database here: the service loads the rule and today's usage (with the user's row locked),
calls `decide`, and records whatever it returns, even 0 XP.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COOLDOWN = "cooldown"
DIMINISHING = "diminishing"
DAILY_CAP = "daily_cap"


@dataclass(frozen=True)
class Limits:
    """One activity's limits. None means "no such limit"."""

    full_points_per_day: int | None = None  # the first N of the day earn full points
    repeat_decay_percent: int = 50  # each one after the first N earns this share of the one before
    daily_xp_cap: int | None = None  # at most this much XP per day from the activity
    cooldown_seconds: int = 0  # an award this soon after the previous one earns nothing


@dataclass(frozen=True)
class Usage:
    """What the user already did today with this activity, before the award being decided."""

    repeats_today: int = 0  # earlier awards today, not counting cooldown refusals
    xp_today: int = 0  # XP those awards granted
    seconds_since_last: float | None = None  # since the previous award not refused by the cooldown


@dataclass(frozen=True)
class Decision:
    base_points: int
    points: int
    rule: str = ""  # "" (full points), COOLDOWN, DIMINISHING or DAILY_CAP: what set `points`
    note: str = ""  # a short explanation for the person's history, "" for full points
    # With COOLDOWN: how long until the next one counts (derived, so not part of equality).
    wait_seconds: float | None = field(default=None, compare=False)

    @property
    def is_limited(self) -> bool:
        return self.rule != ""


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def diminished(base_points: int, repeat: int, limits: Limits) -> int:
    """Points for the `repeat`-th award of the day (1-based) before the daily cap.

    Full points up to `full_points_per_day`, then each one `repeat_decay_percent` of the one
    before, rounded down: with 5 and 50 %, a 20-point quiz earns 20 x5, 10, 5, 2, 1, 0, ...
    """
    if limits.full_points_per_day is None or repeat <= limits.full_points_per_day:
        return base_points
    extra = repeat - limits.full_points_per_day
    return base_points * limits.repeat_decay_percent**extra // 100**extra


def decide(base_points: int, limits: Limits | None, usage: Usage) -> Decision:
    """Cooldown first (a too-quick repeat earns nothing), then diminishing returns, then the daily cap."""
    if limits is None or base_points <= 0:
        return Decision(base_points, base_points)
    if (
        limits.cooldown_seconds > 0
        and usage.seconds_since_last is not None
        and usage.seconds_since_last < limits.cooldown_seconds
    ):
        waited = max(0, int(usage.seconds_since_last))
        return Decision(
            base_points, 0, COOLDOWN,
            f"no XP: {waited} s after the previous one, the cooldown is {limits.cooldown_seconds} s",
            wait_seconds=limits.cooldown_seconds - usage.seconds_since_last,
        )
    repeat = usage.repeats_today + 1
    points = diminished(base_points, repeat, limits)
    rule = DIMINISHING if points < base_points else ""
    note = f"{ordinal(repeat)} today: {points} of {base_points} XP" if rule else ""
    if limits.daily_xp_cap is not None:
        room = max(0, limits.daily_xp_cap - usage.xp_today)
        if points > room:
            points, rule = room, DAILY_CAP
            note = f"daily limit of {limits.daily_xp_cap} XP reached: {points} of {base_points} XP"
    return Decision(base_points, points, rule, note)

"""The quest engine's rules as pure functions over plain values: no database, no clock.

A quest's progress is a measure of the person's XP events in the quest's week: how many events,
how much XP, or on how many different days, from the sources the quest names. Rewards (quest
rewards, streak bonuses) never count, so one quest cannot feed another.
"""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# XP sources that are rewards of this engine (or of streaks): never progress toward a quest.
REWARD_SOURCES = frozenset({"side_quest", "weekly_challenge", "scavenger_hunt", "streak"})

# Quiz streak bonuses: quizzes on this many consecutive days earn this much XP, once per run.
QUIZ_STREAK_BONUSES = {3: 15, 7: 40}


@dataclass(frozen=True)
class EventFact:
    """What a quest needs of XP events: their source, XP and day (platform time zone). One fact
    may stand for `count` events of one source and day, `amount` being their XP together."""

    source: str
    amount: int
    day: date
    count: int = 1


def counts_toward(fact: EventFact, sources: Iterable[str]) -> bool:
    """An event counts when it earned XP, is not a reward, and comes from one of `sources`
    (no sources: any source that is not a reward)."""
    sources = set(sources)
    return fact.amount > 0 and fact.source not in REWARD_SOURCES and (not sources or fact.source in sources)


def measure_progress(facts: Iterable[EventFact], *, sources: Iterable[str], measure: str) -> int:
    """`events`: how many events; `xp`: the XP they earned; `days`: on how many different days."""
    sources = list(sources)
    counted = [fact for fact in facts if counts_toward(fact, sources)]
    if measure == "xp":
        return sum(fact.amount for fact in counted)
    if measure == "days":
        return len({fact.day for fact in counted})
    return sum(fact.count for fact in counted)


def window_days(week_start: date, first_day: int, days: int) -> tuple[date, date]:
    """[first, end) calendar days of a quest's window in the week starting `week_start`."""
    first = week_start + timedelta(days=first_day)
    return first, first + timedelta(days=days)


def in_window(facts: Iterable[EventFact], first: date, end: date) -> list[EventFact]:
    """The facts of the window's days: a quest of a few days counts only what happened in them."""
    return [fact for fact in facts if first <= fact.day < end]


def target_for_level(default: int, level_targets: dict[int, int], level_id: int | None) -> int:
    """A level's own target when the quest sets one (the weekly challenge scales by level)."""
    return level_targets.get(level_id, default) if level_id is not None else default


def consecutive_days(days: Iterable[date], today: date) -> int:
    """How many days in a row, ending today, are in `days` (0 when today is not)."""
    days = set(days)
    length = 0
    while today - timedelta(days=length) in days:
        length += 1
    return length


def streak_bonus_due(length: int) -> tuple[int, int] | None:
    """(days, xp) of the bonus a run of `length` days reaches today, if any. Only the day the run
    reaches a milestone earns it, so a longer run does not earn it again."""
    return (length, QUIZ_STREAK_BONUSES[length]) if length in QUIZ_STREAK_BONUSES else None


def normalize_answer(text: str) -> str:
    """Answers are compared forgivingly: Unicode compatibility forms, case and every space ignored."""
    # Folding and dropping spaces can expose new compositions (a lone accent is a space plus a
    # combining mark), so repeat until nothing changes: normalizing twice then changes nothing.
    for _ in range(4):
        folded = unicodedata.normalize("NFKC", "".join(unicodedata.normalize("NFKC", text).casefold().split()))
        if folded == text:
            break
        text = folded
    return text


def is_correct(given: str, expected: str) -> bool:
    return normalize_answer(given) == normalize_answer(expected) != ""

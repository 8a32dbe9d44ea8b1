"""Reads: the quests open to a person this week, their XP facts, and the quests page."""

import functools
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Prefetch, Q

from core.circles import weeks
from core.circles.models import UserThriveProfile, XPDay

from .conditions import (
    QUIZ_STREAK_BONUSES,
    REWARD_SOURCES,
    EventFact,
    consecutive_days,
    in_window,
    measure_progress,
    target_for_level,
    window_days,
)
from .models import CircleTheme, HuntStep, HuntStepSolve, Quest, QuestCompletion, QuestKind, QuizStreakBonus


def level_of(user) -> int | None:
    return UserThriveProfile.objects.filter(user=user).values_list("current_level_id", flat=True).first()


def open_quests(week: date, level_id: int | None, *, hunts: bool = True) -> list[Quest]:
    """Active quests running in `week` for the level (quests for no particular level included),
    with their level targets (and steps) loaded."""
    quests = Quest.objects.filter(is_active=True).filter(Q(week_start=week) | Q(week_start__isnull=True))
    quests = quests.filter(Q(levels__isnull=True) | Q(levels=level_id)) if level_id else quests.filter(levels__isnull=True)
    if not hunts:
        quests = quests.exclude(kind=QuestKind.SCAVENGER_HUNT)
    prefetch = [Prefetch("level_targets")]
    if hunts:
        prefetch.append(Prefetch("steps", queryset=HuntStep.objects.order_by("order")))
    return list(quests.distinct().prefetch_related(*prefetch))


def window_bounds(quest: Quest, week: date) -> tuple[datetime, datetime]:
    """When the quest's window opens and closes in `week`: the week's own reset at its ends, the
    platform's midnights in between (a quest of a few days)."""
    week_opens, week_closes = weeks.week_bounds(week)
    first, end = window_days(week, quest.first_day, quest.days)
    opens = week_opens if quest.first_day == 0 else datetime.combine(first, time.min, tzinfo=weeks.time_zone())
    closes = week_closes if quest.first_day + quest.days == 7 else datetime.combine(end, time.min, tzinfo=weeks.time_zone())
    return opens, closes


def is_running(quest: Quest, week: date, now: datetime) -> bool:
    opens, closes = window_bounds(quest, week)
    return opens <= now < closes


def quest_target(quest: Quest, level_id: int | None) -> int:
    if quest.is_hunt:
        return max(len(quest.steps.all()), 1)
    return target_for_level(quest.target, {t.level_id: t.target for t in quest.level_targets.all()}, level_id)


def completed_quest_ids(user, week: date) -> dict[int, QuestCompletion]:
    return {c.quest_id: c for c in QuestCompletion.objects.filter(user=user, period=week)}


def solved_orders(user, quest: Quest, week: date) -> set[int]:
    return set(HuntStepSolve.objects.filter(user=user, step__quest=quest, period=week).values_list("step__order", flat=True))


def quiz_days(user, *, since: datetime) -> set[date]:
    """Days (platform calendar) since `since` on which the person did a quiz that earned XP."""
    days = XPDay.objects.filter(user=user, source="quiz", day__gte=weeks.local_date(since)).values_list("day", flat=True)
    return set(days)


def quiz_streak(user, now: datetime) -> dict:
    """The person's run of quiz days up to today (or yesterday: today can still continue it) and
    the bonuses for it."""
    today = weeks.local_date(now)
    lookback = max(QUIZ_STREAK_BONUSES) + 1
    days = quiz_days(user, since=weeks.day_start(now) - timedelta(days=lookback))
    length = consecutive_days(days, today) or consecutive_days(days, today - timedelta(days=1))
    earned = set(
        QuizStreakBonus.objects.filter(user=user, reached_on__gte=today - timedelta(days=lookback)).values_list("days", flat=True)
    )
    return {
        "days": length,
        "quiz_today": today in days,
        "bonuses": [{"days": d, "xp": xp, "earned": d in earned} for d, xp in sorted(QUIZ_STREAK_BONUSES.items())],
    }


def theme_for(week: date, level_id: int | None) -> CircleTheme | None:
    """The most specific theme: this week and level, this week, then every week (level before none)."""
    themes = CircleTheme.objects.filter(Q(week_start=week) | Q(week_start__isnull=True)).filter(
        Q(level__isnull=True) | Q(level_id=level_id)
    )
    ranked = sorted(themes, key=lambda t: (t.week_start is None, t.level_id is None, t.pk))
    return ranked[0] if ranked else None


def quests_page(user, now: datetime) -> dict:
    """Everything GET /api/v1/me/quests/ shows: the week, its theme, each quest with its progress."""
    week = weeks.week_start_for(now)
    level_id = level_of(user)
    quests = open_quests(week, level_id)
    done = completed_quest_ids(user, week)
    facts, _, _ = countable_events(user, since=weeks.week_bounds(week)[0], week=week)
    solves = set(
        HuntStepSolve.objects.filter(user=user, period=week, step__quest__in=[q for q in quests if q.is_hunt]).values_list(
            "step_id", flat=True
        )
    )
    items = []
    for quest in quests:
        opens_at, expires_at = window_bounds(quest, week)
        completion = done.get(quest.pk)
        if now < opens_at or (now >= expires_at and completion is None):
            continue  # a quest of a few days shows while it runs, and afterwards only if done
        target = quest_target(quest, level_id)
        steps = []
        if quest.is_hunt:
            opened = True
            for step in quest.steps.all():
                solved = step.pk in solves
                steps.append({
                    "order": step.order, "clue": step.clue if (solved or opened) else None,
                    "link": step.link if (solved or opened) else "", "solved": solved, "is_open": opened and not solved,
                })
                opened = opened and solved
            current = sum(1 for s in steps if s["solved"])
        else:
            window = in_window(facts, *window_days(week, quest.first_day, quest.days))
            current = measure_progress(window, sources=quest.sources, measure=quest.measure)
        items.append({
            "id": quest.pk, "kind": quest.kind, "title": quest.title, "description": quest.description,
            "reward_xp": quest.reward_xp, "progress": {"current": min(current, target), "target": target},
            "steps": steps, "completed_at": completion.completed_at if completion else None,
            "xp_awarded": completion.xp_awarded if completion else None, "expires_at": expires_at,
        })
    theme = theme_for(week, level_id)
    return {"week_start": week, "theme": theme, "quests": items, "quiz_streak": quiz_streak(user, now)}


# --- The award path: what evaluating one award reads ------------------------------------------

# The quests an award can complete, per week, cached: evaluating an award then reads only the
# person's events (and, once a quest is met, their completions). Saving or deleting a quest or a
# level target forgets the running week's entry (signals in apps.py); with a per-process cache other
# processes see an edit within this many seconds.
OPEN_QUESTS_SECONDS = 60


def _open_quests_key(week: date) -> str:
    return f"quests:open:{week.isoformat()}"


def rewardable_quests(week: date) -> list[Quest]:
    """Active quests of `week` that awards complete (hunts complete by their answers), for every
    level, each with `level_ids` (empty: every level) and `targets_by_level` set. Cached."""

    def load() -> list[Quest]:
        quests = list(
            Quest.objects.filter(is_active=True)
            .filter(Q(week_start=week) | Q(week_start__isnull=True))
            .exclude(kind=QuestKind.SCAVENGER_HUNT)
            .prefetch_related("levels", "level_targets")
        )
        for quest in quests:
            quest.level_ids = frozenset(level.pk for level in quest.levels.all())
            quest.targets_by_level = {t.level_id: t.target for t in quest.level_targets.all()}
            quest._prefetched_objects_cache = {}  # keep the cached entry small
        return quests

    return cache.get_or_set(_open_quests_key(week), load, OPEN_QUESTS_SECONDS)


def forget_open_quests(**signal_kwargs) -> None:
    """Drop the cached quests of this week and the next (an edit around the reset)."""
    week = weeks.current_week_start()
    cache.delete_many([_open_quests_key(week), _open_quests_key(week + timedelta(days=7))])


def countable_events(user, *, since: datetime, week: date) -> tuple[list[EventFact], set[date], int | None]:
    """In one query over the ledger's day tally (a few rows, however busy the week): the person's
    countable events (no rewards, more than 0 XP) of `week` as facts, the days since `since` with a
    quiz (for the streak), and their level. No events: nothing can be met, and the level is None."""
    since_day = weeks.local_date(since)
    ops = connection.ops
    with connection.cursor() as cursor:
        cursor.execute(_countable_sql(), [user.pk, ops.adapt_datefield_value(min(since_day, week)), *sorted(REWARD_SOURCES)])
        rows = cursor.fetchall()
    facts, quiz_days, level_id = [], set(), None
    for source, day, events_week, count, xp, level_id in rows:
        day, events_week = _as_date(day), _as_date(events_week)
        if events_week == week:
            facts.append(EventFact(source, xp, day, count=count))
        if source == "quiz" and day >= since_day:
            quiz_days.add(day)
    return facts, quiz_days, level_id


@functools.cache
def _countable_sql() -> str:
    # Written once, not built by the ORM on every award: that cost ~2 ms of CPU per award
    # (bench/awards.py --quests 50), more than the query itself.
    days, profiles = XPDay._meta.db_table, UserThriveProfile._meta.db_table
    rewards = ", ".join(["%s"] * len(REWARD_SOURCES))
    return (
        f"SELECT d.source, d.day, d.week, d.events, d.xp, p.current_level_id FROM {days} d "
        f"LEFT JOIN {profiles} p ON p.user_id = d.user_id "
        f"WHERE d.user_id = %s AND d.day >= %s AND d.source NOT IN ({rewards})"
    )


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)  # SQLite answers text


def completed_among(user, week: date, quest_ids: list[int]) -> set[int]:
    return set(QuestCompletion.objects.filter(user=user, period=week, quest_id__in=quest_ids).values_list("quest_id", flat=True))

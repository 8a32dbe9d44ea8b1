"""Writes of the quest engine: completing quests, solving hunt steps, quiz streak bonuses.

Every reward goes through `PointsService.award_points_once` (core/points), the path quizzes take:
the fair-play rules cap it, `XPService.add_xp` records it with the quest's XP source, and it
counts toward levels and circles. A completion row and its reward are written in one transaction;
the unique (user, quest, period) constraint, not a check before writing, makes it happen once.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.circles import weeks
from core.circles.signals import send_on_commit
from core.points.models import ActivityType
from core.points.services import PointsService

from . import selectors
from .conditions import (
    QUIZ_STREAK_BONUSES,
    EventFact,
    consecutive_days,
    in_window,
    is_correct,
    measure_progress,
    streak_bonus_due,
    target_for_level,
    window_days,
)
from .exceptions import QuestNotFound, StepNotOpen, WrongAnswer
from .models import HuntStepSolve, Quest, QuestCompletion, QuestKind, QuizStreakBonus
from .signals import quest_completed

REWARD_ACTIVITIES = {
    QuestKind.SIDE_QUEST: ActivityType.SIDE_QUEST_COMPLETED,
    QuestKind.WEEKLY_CHALLENGE: ActivityType.WEEKLY_CHALLENGE_COMPLETED,
    QuestKind.SCAVENGER_HUNT: ActivityType.SCAVENGER_HUNT_COMPLETED,
}


def complete_quest(user, quest: Quest, *, period, now: datetime | None = None) -> QuestCompletion | None:
    """Record that `user` completed `quest` in `period` and award its reward; None when already done.

    Idempotent by (user, quest, period): a concurrent or repeated call loses on the unique
    constraint (on PostgreSQL it waits for the winner to commit) and changes nothing. The reward's
    idempotency key names the same triple, so even a reward retried apart from its row is paid once.
    """
    now = now or timezone.now()
    completion = _claim_and_reward(
        QuestCompletion, dict(user=user, quest=quest, period=period, completed_at=now),
        REWARD_ACTIVITIES[quest.kind],
        {"title": quest.title, "quest_id": quest.pk, "period": period.isoformat()},
        idempotency_key=f"quest:{quest.pk}:{period.isoformat()}:{user.pk}",
        points=quest.reward_xp,
    )
    if completion is not None:
        send_on_commit(quest_completed, user=user, completion=completion)
    return completion


@dataclass
class AwardOutcome:
    """What evaluating one award found: rows it created (completions, a streak bonus) and, for a
    page that shows them live, the progress of the person's quests the award's source counts toward."""

    created: list = field(default_factory=list)
    progress: list[dict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.progress)


def progress_after_award(user, *, now: datetime, source: str | None = None) -> list:
    """The rows an award creates: quests it completes and, for a quiz, the streak bonus it reaches."""
    return evaluate_award(user, now=now, source=source).created


def evaluate_award(user, *, now: datetime, source: str | None = None) -> AwardOutcome:
    """What an award changes: quests it completes, the quiz streak bonus it reaches, and the
    progress it moves.

    One query reads the person's tally (and level) for all of them; a met quest adds one for the
    completions. Safe to call any number of times (completions and bonuses are keyed).
    """
    week = weeks.week_start_for(now)
    quests = selectors.rewardable_quests(week)
    check_streak = source == "quiz"
    if not quests and not check_streak:
        return AwardOutcome()
    since = _streak_window_start(now) if check_streak else weeks.week_bounds(week)[0]
    facts, quiz_days, level_id = selectors.countable_events(user, since=since, week=week)
    outcome = AwardOutcome()
    if quests and level_id is not None:
        # Each of the person's quests measured once: (quest, current, target).
        measured = [
            (quest, measure_progress(in_window(facts, *window_days(week, quest.first_day, quest.days)),
                                     sources=quest.sources, measure=quest.measure),
             target_for_level(quest.target, quest.targets_by_level, level_id))
            for quest in quests if not quest.level_ids or level_id in quest.level_ids
        ]
        met = [quest for quest, current, target in measured if current >= target]
        outcome.created += _complete_met_quests(user, met, week=week, now=now)
        completed = {row.quest_id for row in outcome.created}
        outcome.progress = [
            {"id": quest.pk, "progress": {"current": min(current, target), "target": target}}
            for quest, current, target in measured
            if quest.pk in completed or source is None or not quest.sources or source in quest.sources
        ]
    if check_streak:
        bonus = _award_streak_bonus(user, quiz_days, now=now)
        if bonus is not None:
            outcome.created.append(bonus)
    return outcome


def evaluate_quests(user, *, now: datetime | None = None) -> list[QuestCompletion]:
    """Complete every open quest (not hunts: their answers complete them) whose condition the
    person's XP events of the week now meet. Safe to call any number of times."""
    now = now or timezone.now()
    return [row for row in progress_after_award(user, now=now) if isinstance(row, QuestCompletion)]


def _complete_met_quests(user, met: list[Quest], *, week, now) -> list[QuestCompletion]:
    if not met:
        return []
    done = selectors.completed_among(user, week, [quest.pk for quest in met])
    completed = []
    for quest in met:
        if quest.pk not in done:
            completion = complete_quest(user, quest, period=week, now=now)
            if completion is not None:
                completed.append(completion)
    return completed


def answer_step(user, quest_id: int, order: int, answer: str, *, now: datetime | None = None) -> dict:
    """Check a hunt answer. Solving the last step completes the hunt (its reward).

    Raises QuestNotFound (no such open hunt or step for the person), StepNotOpen (an earlier step
    is unsolved) or WrongAnswer. A step solved before answers as solved again, awarding nothing.
    """
    now = now or timezone.now()
    week = weeks.week_start_for(now)
    level_id = selectors.level_of(user)
    quest = next(
        (q for q in selectors.open_quests(week, level_id) if q.pk == quest_id and q.is_hunt and selectors.is_running(q, week, now)),
        None,
    )
    if quest is None:
        raise QuestNotFound("No such scavenger hunt this week.")
    steps = list(quest.steps.all())
    step = next((s for s in steps if s.order == order), None)
    if step is None:
        raise QuestNotFound("No such step in this hunt.")
    solved = selectors.solved_orders(user, quest, week)
    if any(s.order < order and s.order not in solved for s in steps):
        raise StepNotOpen("Solve the earlier clues first.")
    if order not in solved:
        if not is_correct(answer, step.answer):
            raise WrongAnswer("That is not the answer. Have another look where the clue points.")
        with transaction.atomic():
            try:
                with transaction.atomic():
                    HuntStepSolve.objects.create(user=user, step=step, period=week, solved_at=now)
            except IntegrityError:
                pass  # solved concurrently: same outcome
        solved.add(order)
    completion = None
    if all(s.order in solved for s in steps):
        completion = complete_quest(user, quest, period=week, now=now)
    later = [s.order for s in steps if s.order not in solved]
    return {
        "solved": True,
        "order": order,
        "next_step": min(later) if later else None,
        "quest_completed": completion is not None or not later,
        "xp_awarded": completion.xp_awarded if completion else 0,
    }


def award_quiz_streak(user, *, now: datetime) -> QuizStreakBonus | None:
    """Award the quiz streak bonus a run of quiz days reaches today (3 or 7 days), once.

    Idempotent by (user, milestone, day reached); the reward's idempotency key says the same.
    """
    return _award_streak_bonus(user, selectors.quiz_days(user, since=_streak_window_start(now)), now=now)


def _streak_window_start(now: datetime) -> datetime:
    """Far enough back to tell a run that reaches the longest milestone today from a longer one."""
    return weeks.day_start(now) - timedelta(days=max(QUIZ_STREAK_BONUSES) + 1)


def _award_streak_bonus(user, quiz_days, *, now: datetime) -> QuizStreakBonus | None:
    today = weeks.local_date(now)
    due = streak_bonus_due(consecutive_days(quiz_days, today))
    if due is None:
        return None
    length, xp = due
    return _claim_and_reward(
        QuizStreakBonus, dict(user=user, days=length, reached_on=today, awarded_at=now),
        ActivityType.QUIZ_STREAK, {"title": f"{length} days of quizzes in a row", "streak": length},
        idempotency_key=f"quiz-streak:{length}:{today.isoformat()}:{user.pk}", points=xp,
    )


def _claim_and_reward(model, fields: dict, activity, metadata: dict, *, idempotency_key: str, points: int):
    """Claim the reward's row (its unique constraint lets one caller win; None for the others) and
    pay it once through PointsService, within fair play; the row records what was paid."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                row = model.objects.create(**fields)
        except IntegrityError:
            return None
        history, _ = PointsService.award_points_once(
            fields["user"], activity, metadata, idempotency_key=idempotency_key, points=points
        )
        row.xp_awarded = history.points_awarded
        row.save(update_fields=["xp_awarded"])
    return row

"""Prompt Battle writes: entering a round, voting, closing a battle. XP only through PointsService.

Every "once" is a database constraint, not a check-then-write: one entry per person and round,
one vote per voter and round, no vote for oneself, one win per battle and person; the awards carry
idempotency keys too, so a retried request, a double click or a rerun of the closing job never
awards twice.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from core.circles import weeks
from core.db import retry_if_locked
from core.exceptions import NotFound
from core.points.models import ActivityType, PointsHistory
from core.points.services import PointsService

from . import rules
from .exceptions import (
    AlreadyVoted,
    BattleClosed,
    BattleStillOpen,
    EarlierRoundFirst,
    EnterBeforeVoting,
    OwnEntryVote,
    RoundAlreadyEntered,
)
from .models import BattleEntry, BattleRound, BattleVote, BattleWin, PromptBattle


def participated_key(battle_id: int, user_id: int) -> str:
    return f"battle-participated:{battle_id}:{user_id}"


def round_key(round_id: int, user_id: int) -> str:
    return f"battle-round:{round_id}:{user_id}"


def win_key(battle_id: int, user_id: int) -> str:
    return f"battle-won:{battle_id}:{user_id}"


def is_open(battle: PromptBattle, now: datetime) -> bool:
    return battle.result_at is None and now < battle.closes_at


@dataclass
class EntryResult:
    entry: BattleEntry
    awards: list[PointsHistory] = field(default_factory=list)

    @property
    def points_awarded(self) -> int:
        return sum(award.points_awarded for award in self.awards)

    @property
    def fair_play_message(self) -> str:
        return " ".join(note for award in self.awards if (note := getattr(award, "fair_play_message", "")))


@retry_if_locked
@transaction.atomic
def submit_entry(user, *, battle_id: int, round_number: int, text: str, now: datetime | None = None) -> EntryResult:
    """Enter `round_number` of an open battle and earn the round's XP (and, with round 1, taking part).

    Rounds go in order: round n needs your entry in round n-1. The (round, person) unique
    constraint decides a double submit: the loser gets RoundAlreadyEntered and awards nothing.
    """
    now = now or timezone.now()
    battle_round = BattleRound.objects.select_related("battle").filter(battle_id=battle_id, number=round_number).first()
    if battle_round is None:
        raise NotFound("No such round in this battle.", code="no_such_round")
    battle = battle_round.battle
    if not is_open(battle, now):
        raise BattleClosed("This battle has closed: look out for next week's!")
    if round_number > 1 and not BattleEntry.objects.filter(
        battle=battle, user=user, round__number=round_number - 1
    ).exists():
        raise EarlierRoundFirst(f"Enter round {round_number - 1} first.")
    try:
        with transaction.atomic():
            entry = BattleEntry.objects.create(round=battle_round, battle=battle, user=user, text=text)
    except IntegrityError:
        raise RoundAlreadyEntered("You already entered this round.") from None
    metadata = {"title": battle.title, "battle_id": battle.pk, "round": round_number}
    awards = []
    if round_number == 1:  # rounds go in order, so round 1 is the person's first entry in the battle
        awards.append(
            PointsService.award_points(
                user, ActivityType.BATTLE_PARTICIPATED, metadata, idempotency_key=participated_key(battle.pk, user.pk)
            )
        )
    awards.append(
        PointsService.award_points(
            user, ActivityType.BATTLE_ROUND_COMPLETED, metadata, idempotency_key=round_key(battle_round.pk, user.pk)
        )
    )
    return EntryResult(entry=entry, awards=awards)


@retry_if_locked
@transaction.atomic
def vote(voter, *, entry_id: int, now: datetime | None = None) -> BattleVote:
    """Vote for someone else's entry in an open battle you entered: one vote per round, never your own.

    Both rules are constraints (BattleVote); the checks before them only choose a kinder message.
    Votes earn no XP: nothing to gain from voting often or tactically.
    """
    now = now or timezone.now()
    entry = BattleEntry.objects.select_related("battle").filter(pk=entry_id).first()
    if entry is None:
        raise NotFound("No such entry.", code="no_such_entry")
    if not is_open(entry.battle, now):
        raise BattleClosed("This battle has closed: voting is over.")
    if entry.user_id == voter.pk:
        raise OwnEntryVote("You can't vote for your own entry: pick someone else's favourite.")
    if not BattleEntry.objects.filter(battle_id=entry.battle_id, user=voter).exists():
        raise EnterBeforeVoting("Enter the battle first: votes come from its participants.")
    try:
        with transaction.atomic():
            return BattleVote.objects.create(round_id=entry.round_id, entry=entry, voter=voter, entry_author_id=entry.user_id)
    except IntegrityError:
        raise AlreadyVoted("You already voted in this round.") from None


@dataclass
class CloseResult:
    battle: PromptBattle
    closed_now: bool
    wins: list[BattleWin]


@retry_if_locked
@transaction.atomic
def close_battle(battle_id: int, *, now: datetime | None = None) -> CloseResult:
    """Decide a battle whose time is up: the person (or, in a tie, every person) with the most votes
    across all its rounds wins and earns the win XP.

    Safe to run again: the battle row is locked, a battle with a result is left as it is, and a
    win is a unique (battle, person) row whose award has an idempotency key.
    """
    now = now or timezone.now()
    battle = PromptBattle.objects.select_for_update().filter(pk=battle_id).first()
    if battle is None:
        raise NotFound("No such battle.", code="no_such_battle")
    if battle.result_at is not None:
        return CloseResult(battle=battle, closed_now=False, wins=list(battle.wins.select_related("user")))
    if now < battle.closes_at:
        raise BattleStillOpen("This battle is still open.")
    votes = BattleVote.objects.filter(round__battle=battle).values("entry_author").annotate(n=Count("pk")).order_by()
    totals = {row["entry_author"]: row["n"] for row in votes}
    wins = []
    for user_id in sorted(rules.winners(totals)):
        win, _ = BattleWin.objects.get_or_create(battle=battle, user_id=user_id, defaults={"votes": totals[user_id]})
        award = PointsService.award_points(
            win.user, ActivityType.BATTLE_WON, {"title": battle.title, "battle_id": battle.pk},
            idempotency_key=win_key(battle.pk, user_id),
        )
        if win.points_awarded != award.points_awarded:
            win.points_awarded = award.points_awarded
            win.save(update_fields=["points_awarded"])
        wins.append(win)
    battle.result_at = now
    battle.save(update_fields=["result_at"])
    return CloseResult(battle=battle, closed_now=True, wins=wins)


@transaction.atomic
def create_battle(*, title: str, challenge: str, prompts: list[str], week_start=None) -> PromptBattle:
    """A battle for the circle week of `week_start` (default: this week), closing at its reset."""
    week_start = week_start or weeks.current_week_start()
    battle = PromptBattle.objects.create(
        title=title, challenge=challenge, week_start=week_start, closes_at=weeks.week_bounds(week_start)[1]
    )
    BattleRound.objects.bulk_create(
        BattleRound(battle=battle, number=number, prompt=prompt) for number, prompt in enumerate(prompts, start=1)
    )
    return battle


def close_due_battles(*, now: datetime | None = None) -> list[CloseResult]:
    """Close every battle whose time is up and that has no result yet, each in its own transaction."""
    now = now or timezone.now()
    due = PromptBattle.objects.filter(result_at__isnull=True, closes_at__lte=now).order_by("closes_at").values_list("pk", flat=True)
    return [close_battle(battle_id, now=now) for battle_id in list(due)]

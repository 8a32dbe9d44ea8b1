"""Prompt Battle reads: the week's battle as one viewer sees it, and a battle's result."""

import hashlib
from datetime import datetime

from django.db.models import Count
from django.utils import timezone

from core.circles import weeks
from core.points.models import ActivityType
from core.points.rules import POINT_VALUES

from .models import BattleEntry, BattleVote, BattleWin, PromptBattle


def xp_values() -> dict:
    return {
        "participate": POINT_VALUES[ActivityType.BATTLE_PARTICIPATED],
        "round": POINT_VALUES[ActivityType.BATTLE_ROUND_COMPLETED],
        "win": POINT_VALUES[ActivityType.BATTLE_WON],
    }


def current_battle(*, now: datetime | None = None) -> PromptBattle | None:
    """The battle of the circle week containing `now`, if staff authored one."""
    week = weeks.week_start_for(now or timezone.now())
    return PromptBattle.objects.filter(week_start=week).first()


def _shuffle_key(viewer_id: int, entry_id: int) -> str:
    # A stable order per viewer that is neither "first in" nor "most voted": no entry sits on top for everyone.
    return hashlib.sha256(f"{viewer_id}:{entry_id}".encode()).hexdigest()


def battle_result(battle: PromptBattle, viewer) -> dict:
    """Who won (by username, with their votes), and what the viewer won; empty until it closes."""
    is_closed = battle.result_at is not None
    wins = list(BattleWin.objects.filter(battle=battle).select_related("user").order_by("user__username")) if is_closed else []
    mine = next((win for win in wins if win.user_id == viewer.pk), None)
    your_votes = BattleVote.objects.filter(round__battle=battle, entry_author=viewer).count() if is_closed else 0
    return {
        "battle_id": battle.pk,
        "is_closed": is_closed,
        "closes_at": battle.closes_at,
        "winners": [{"username": win.user.username, "votes": win.votes} for win in wins],
        "you_won": mine is not None,
        "your_votes": your_votes,
        "points_awarded": mine.points_awarded if mine else 0,
    }


def battle_for(battle: PromptBattle, viewer, *, now: datetime | None = None) -> dict:
    """The battle as `viewer` sees it: each round's prompt, their entry, and the others' entries.

    Others' entries of a round show once the viewer entered that round (no copying), in an order
    of their own, without names or vote counts while the battle runs; after the result, with both.
    A fixed number of queries, whatever the number of entries.
    """
    now = now or timezone.now()
    is_closed = battle.result_at is not None
    is_open = not is_closed and now < battle.closes_at
    rounds = list(battle.rounds.all())
    entries = list(BattleEntry.objects.filter(battle=battle).select_related("user"))
    my_votes = dict(BattleVote.objects.filter(round__battle=battle, voter=viewer).values_list("round_id", "entry_id"))
    counts = (
        dict(BattleVote.objects.filter(round__battle=battle).values("entry").annotate(n=Count("pk")).order_by().values_list("entry", "n"))
        if is_closed
        else {}
    )
    by_round: dict[int, list[BattleEntry]] = {}
    for entry in entries:
        by_round.setdefault(entry.round_id, []).append(entry)
    entered = {entry.round_id for entry in entries if entry.user_id == viewer.pk}
    out_rounds = []
    previous_entered = True
    for battle_round in rounds:
        round_entries = by_round.get(battle_round.pk, [])
        yours = next((entry for entry in round_entries if entry.user_id == viewer.pk), None)
        visible = yours is not None or is_closed
        others = sorted(
            (entry for entry in round_entries if entry.user_id != viewer.pk), key=lambda entry: _shuffle_key(viewer.pk, entry.pk)
        )
        out_rounds.append(
            {
                "number": battle_round.number,
                "prompt": battle_round.prompt,
                "your_entry": {"id": yours.pk, "text": yours.text} if yours else None,
                "can_enter": is_open and yours is None and previous_entered,
                "your_vote_entry_id": my_votes.get(battle_round.pk),
                "entries": [
                    {
                        "id": entry.pk,
                        "text": entry.text,
                        "author": entry.user.username if is_closed else None,
                        "votes": counts.get(entry.pk, 0) if is_closed else None,
                    }
                    for entry in (others if visible else [])
                ],
                "entry_count": len(round_entries),
            }
        )
        previous_entered = battle_round.pk in entered
    return {
        "id": battle.pk,
        "title": battle.title,
        "challenge": battle.challenge,
        "week_start": battle.week_start,
        "closes_at": battle.closes_at,
        "is_open": is_open,
        "is_closed": is_closed,
        "can_vote": is_open and bool(entered),
        "xp": xp_values(),
        "rounds": out_rounds,
        "result": battle_result(battle, viewer) if is_closed else None,
    }

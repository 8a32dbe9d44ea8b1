"""The battles' domain errors: each a stable `code` and an HTTP status (core/exceptions.py)."""

from rest_framework import status

from core.exceptions import ApplicationError, Conflict, NotFound


class NoBattleThisWeek(NotFound):
    code = "no_battle_this_week"


class BattleClosed(Conflict):
    code = "battle_closed"


class BattleStillOpen(Conflict):
    code = "battle_still_open"


class RoundAlreadyEntered(Conflict):
    code = "round_already_entered"


class EarlierRoundFirst(Conflict):
    code = "earlier_round_first"


class AlreadyVoted(Conflict):
    code = "already_voted"


class OwnEntryVote(ApplicationError):
    code = "own_entry_vote"
    status_code = status.HTTP_403_FORBIDDEN


class EnterBeforeVoting(ApplicationError):
    code = "enter_before_voting"
    status_code = status.HTTP_403_FORBIDDEN

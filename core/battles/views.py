from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.response import Response

from core.api import ERRORS, ErrorSerializer
from core.exceptions import NotFound

from . import selectors, services
from .exceptions import NoBattleThisWeek
from .models import PromptBattle
from .serializers import (
    BattleResultSerializer,
    EntryInputSerializer,
    EntryResultSerializer,
    PromptBattleSerializer,
    VoteResultSerializer,
)

NOT_FOUND = {404: OpenApiResponse(ErrorSerializer, description="No such battle, round or entry (or no battle this week).")}


@extend_schema(responses={200: PromptBattleSerializer, **ERRORS.auth, **NOT_FOUND})
@api_view(["GET"])
def current_battle(request):
    """This week's Prompt Battle: its rounds, your entries, and the others' entries you can vote for."""
    battle = selectors.current_battle()
    if battle is None:
        raise NoBattleThisWeek("There is no Prompt Battle this week yet. Check back soon!")
    return Response(PromptBattleSerializer(selectors.battle_for(battle, request.user)).data)


@extend_schema(
    request=EntryInputSerializer,
    responses={201: EntryResultSerializer, **ERRORS.bad_request_auth, **ERRORS.conflict, **NOT_FOUND},
)
@api_view(["POST"])
def submit_entry(request, battle_id: int, round_number: int):
    """Enter a round (in order, once each): earns the round's XP, and with round 1 the XP for taking part."""
    body = EntryInputSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    result = services.submit_entry(
        request.user, battle_id=battle_id, round_number=round_number, text=body.validated_data["text"]
    )
    message = f"Round {round_number} entered: now vote for a favourite!"
    if note := result.fair_play_message:
        message = f"{message} {note}"
    body = {"points_awarded": result.points_awarded, "message": message, "entry": {"id": result.entry.pk, "text": result.entry.text}}
    return Response(EntryResultSerializer(body).data, status=status.HTTP_201_CREATED)


@extend_schema(request=None, responses={201: VoteResultSerializer, **ERRORS.auth, **ERRORS.conflict, **NOT_FOUND})
@api_view(["POST"])
def vote(request, entry_id: int):
    """Vote for someone else's entry (one vote per round; not your own: 403 `own_entry_vote`)."""
    cast = services.vote(request.user, entry_id=entry_id)
    body = {"entry_id": cast.entry_id, "round": cast.round.number, "message": "Thanks for voting!"}
    return Response(VoteResultSerializer(body).data, status=status.HTTP_201_CREATED)


@extend_schema(responses={200: BattleResultSerializer, **ERRORS.auth, **NOT_FOUND})
@api_view(["GET"])
def battle_result(request, battle_id: int):
    """A battle's result once it closed (winners with their votes, yours); `is_closed` false before."""
    battle = PromptBattle.objects.filter(pk=battle_id).first()
    if battle is None:
        raise NotFound("No such battle.", code="no_such_battle")
    return Response(BattleResultSerializer(selectors.battle_result(battle, request.user)).data)

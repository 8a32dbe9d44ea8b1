"""Thin endpoints: the quests page and hunt answers."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view, permission_classes, throttle_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api import ERRORS, ErrorSerializer
from core.http.throttling import QuestAnswerThrottle, UserRateThrottle
from core.launch.permissions import InThriveCirclesLaunch

from . import selectors, services
from .serializers import AnswerResultSerializer, AnswerSerializer, QuestsPageSerializer


@extend_schema(responses={200: QuestsPageSerializer, **ERRORS.auth, **ERRORS.not_in_launch})
@api_view(["GET"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def my_quests(request):
    """This week's quests for the viewer: side quests, the weekly challenge, hunts, with progress."""
    page = selectors.quests_page(request.user, timezone.now())
    return Response(QuestsPageSerializer(page).data)


@extend_schema(
    request=AnswerSerializer,
    responses={
        200: AnswerResultSerializer,
        400: OpenApiResponse(ErrorSerializer, description="Invalid input, or a wrong answer (`code`: `wrong_answer`)."),
        404: OpenApiResponse(ErrorSerializer, description="No such hunt or step this week."),
        409: OpenApiResponse(ErrorSerializer, description="The step is not open yet (`code`: `step_not_open`)."),
        **ERRORS.auth,
    },
)
@api_view(["POST"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
@throttle_classes([UserRateThrottle, QuestAnswerThrottle])
def answer_step(request, quest_id: int, order: int):
    """Answer a scavenger hunt clue: 200 solved, 400 wrong (no hint), 409 not open yet, 429 past the limit."""
    answer = AnswerSerializer(data=request.data)
    answer.is_valid(raise_exception=True)
    result = services.answer_step(request.user, quest_id, order, answer.validated_data["answer"])
    return Response(AnswerResultSerializer(result).data)

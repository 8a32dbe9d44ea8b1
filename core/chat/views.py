"""Thin endpoints of the circle chat: validate, call a service or selector, serialise."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api import ERRORS, ErrorSerializer
from core.launch.permissions import InThriveCirclesLaunch

from . import selectors, services
from .models import MAX_LENGTH
from .serializers import (
    ChatHistoryQuerySerializer,
    ChatHistorySerializer,
    ChatMessageSerializer,
    MuteInputSerializer,
    MutesSerializer,
    ReportInputSerializer,
    ReportSerializer,
    SendMessageSerializer,
)

NO_CHAT = {404: OpenApiResponse(ErrorSerializer, description="No chat: chat is off, the viewer has no circle this week, or is outside the launch.")}


@extend_schema(
    methods=["GET"],
    parameters=[ChatHistoryQuerySerializer],
    responses={200: ChatHistorySerializer, **ERRORS.bad_request_auth, **NO_CHAT},
)
@extend_schema(
    methods=["POST"],
    request=SendMessageSerializer,
    responses={
        201: OpenApiResponse(ChatMessageSerializer, description="Stored and sent to the circle live."),
        400: OpenApiResponse(ErrorSerializer, description="Empty (`empty_message`) or too long (`message_too_long`)."),
        401: ERRORS.auth[401],
        403: OpenApiResponse(ErrorSerializer, description="Chat turned off for the circle (`chat_closed`), the sender muted by a moderator (`chat_muted`), or CSRF."),
        409: OpenApiResponse(ErrorSerializer, description="The same message again within a short time (`duplicate_message`)."),
        429: OpenApiResponse(ErrorSerializer, description="Too many messages for now (`Retry-After`)."),
        **NO_CHAT,
    },
)
@api_view(["GET", "POST"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def circle_chat(request):
    """GET: the viewer's circle chat of this week, newest first (pass `next_cursor` back as `cursor`).
    POST: send a plain-text message to it."""
    if request.method == "POST":
        data = SendMessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.send_message(request.user, text=data.validated_data["text"])
        return Response(ChatMessageSerializer(message).data, status=status.HTTP_201_CREATED)

    query = ChatHistoryQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    circle = services.chat_circle(request.user)
    limit = query.validated_data["limit"]
    messages = selectors.history(request.user, circle, limit=limit + 1, before_id=query.validated_data.get("cursor"))
    has_more = len(messages) > limit
    messages = messages[:limit]
    muted_until = selectors.muted_until(request.user)
    payload = {
        "messages": messages,
        "next_cursor": ChatHistoryQuerySerializer.cursor_for(messages[-1]) if has_more else None,
        "status": "closed" if selectors.is_closed(circle) else "muted" if muted_until else "open",
        "muted_until": muted_until,
        "muted_usernames": selectors.muted_usernames(request.user),
        "max_length": MAX_LENGTH,
    }
    return Response(ChatHistorySerializer(payload).data)


@extend_schema(
    request=ReportInputSerializer,
    responses={
        201: OpenApiResponse(ReportSerializer, description="Reported: it is in the moderators' queue."),
        200: OpenApiResponse(ReportSerializer, description="Already reported by the viewer: nothing changed."),
        400: OpenApiResponse(ErrorSerializer, description="No reason, or the viewer's own message (`own_message`)."),
        **ERRORS.auth,
        404: OpenApiResponse(ErrorSerializer, description="The message is not in the viewer's circle chat this week (or no chat)."),
    },
)
@api_view(["POST"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def report_message(request, message_id):
    """Report a message of the circle chat to the moderators, with a reason."""
    data = ReportInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    report, created = services.report_message(request.user, message_id, reason=data.validated_data["reason"])
    return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


@extend_schema(
    methods=["GET"],
    responses={200: MutesSerializer, **ERRORS.auth, **NO_CHAT},
)
@extend_schema(
    methods=["POST"],
    request=MuteInputSerializer,
    responses={
        201: OpenApiResponse(MutesSerializer, description="Muted: the viewer no longer sees their messages."),
        200: OpenApiResponse(MutesSerializer, description="Already muted."),
        400: OpenApiResponse(ErrorSerializer, description="Invalid input, or the viewer themselves (`own_account`)."),
        **ERRORS.auth,
        404: OpenApiResponse(ErrorSerializer, description="No member of that name in the viewer's circle (or no chat)."),
    },
)
@api_view(["GET", "POST"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def my_mutes(request):
    """Members whose messages the viewer chose not to see (only for the viewer); POST mutes one more."""
    if request.method == "POST":
        data = MuteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _, created = services.mute_member(request.user, username=data.validated_data["username"])
        body = MutesSerializer({"muted_usernames": selectors.muted_usernames(request.user)}).data
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)
    services.chat_circle(request.user)
    return Response(MutesSerializer({"muted_usernames": selectors.muted_usernames(request.user)}).data)


@extend_schema(
    parameters=[OpenApiParameter("username", str, OpenApiParameter.PATH, description="A username the viewer muted.")],
    responses={
        204: OpenApiResponse(description="Not muted (any more)."),
        **ERRORS.auth,
        404: OpenApiResponse(ErrorSerializer, description="Not a possible username, or no chat."),
    },
)
@api_view(["DELETE"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def unmute(request, username):
    """See a member's messages again."""
    services.unmute_member(request.user, username=username)
    return Response(status=status.HTTP_204_NO_CONTENT)

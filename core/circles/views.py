"""Thin endpoints: authenticate, validate, call one selector or service, serialize."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from core.api import ERRORS

from . import selectors
from .serializers import (
    ThriveCircleDataSerializer,
    ThriveLevelsSerializer,
    XPHistoryQuerySerializer,
    XPHistorySerializer,
)
from .models import ThriveCircleLevel
from .services import ensure_profile


@extend_schema(responses={200: ThriveCircleDataSerializer, **ERRORS.auth})
@api_view(["GET"])
def your_thrive_circle(request):
    """The viewer's level, progress, circle, members, activity, countdown and suggestions."""
    ensure_profile(request.user)
    page = selectors.thrive_circle_page(selectors.profile_for_page(request.user))
    return Response(ThriveCircleDataSerializer(page, context={"viewer_id": request.user.pk}).data)


@extend_schema(parameters=[XPHistoryQuerySerializer], responses={200: XPHistorySerializer, **ERRORS.bad_request_auth})
@api_view(["GET"])
def my_xp_history(request):
    """The viewer's own XP events, newest first; pass `next_cursor` back as `cursor` to page further."""
    query = XPHistoryQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    limit = query.validated_data["limit"]
    events = selectors.xp_history(request.user, limit=limit + 1, before=query.validated_data.get("cursor"))
    has_more = len(events) > limit
    events = events[:limit]
    next_cursor = XPHistoryQuerySerializer.cursor_for(events[-1]) if has_more else None
    payload = {"events": events, "next_cursor": next_cursor}
    return Response(XPHistorySerializer(payload, context={"viewer_id": request.user.pk}).data)


@extend_schema(responses={200: ThriveLevelsSerializer})
@api_view(["GET"])
@permission_classes([AllowAny])
def thrive_levels(request):
    """The Thrive Circle levels, lowest first."""
    return Response(ThriveLevelsSerializer({"levels": ThriveCircleLevel.objects.order_by("order")}).data)

"""Thin endpoints: authenticate, validate, call one selector or service, serialize."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.response import Response

from core.api import ERRORS, ErrorSerializer
from core.launch.permissions import InThriveCirclesLaunch

from . import health, scheduling, selectors
from .serializers import (
    CircleAssignmentRunSerializer,
    ThriveCircleDataSerializer,
    ThriveCirclesHealthSerializer,
    ThriveLevelsSerializer,
    XPHistoryQuerySerializer,
    XPHistorySerializer,
)
from .models import ThriveCircleLevel
from .services import ensure_profile


@extend_schema(responses={200: ThriveCircleDataSerializer, **ERRORS.auth, **ERRORS.not_in_launch})
@api_view(["GET"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def your_thrive_circle(request):
    """The viewer's level, progress, circle, members, activity, countdown and suggestions."""
    profile = selectors.profile_for_page(request.user)
    if profile is None:
        ensure_profile(request.user)  # first visit: joining seats the newcomer
        profile = selectors.profile_for_page(request.user)
    page = selectors.thrive_circle_page(profile)
    if page["circle_status"] in ("ended", "forming"):
        # The weekly job may not have run: the page shows last week's circle as ended ("new
        # circles are forming") and asks once, in the background, for this week's (scheduling.py).
        scheduling.heal_missing_week()
    return Response(ThriveCircleDataSerializer(page, context={"viewer_id": request.user.pk}).data)


@extend_schema(
    parameters=[XPHistoryQuerySerializer],
    responses={200: XPHistorySerializer, **ERRORS.bad_request_auth, **ERRORS.not_in_launch},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
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


@extend_schema(responses={200: ThriveLevelsSerializer, 429: ERRORS.auth[429]})
@api_view(["GET"])
@permission_classes([AllowAny])
def thrive_levels(request):
    """The Thrive Circle levels, lowest first. Public reference data (names and XP thresholds, no
    user or circle data), so it is not gated by the soft launch (docs/operations.md)."""
    return Response(ThriveLevelsSerializer({"levels": ThriveCircleLevel.objects.order_by("order")}).data)


@extend_schema(
    responses={
        200: OpenApiResponse(ThriveCirclesHealthSerializer, description="Healthy."),
        503: OpenApiResponse(ThriveCirclesHealthSerializer, description="Unhealthy: `checks` says what is wrong."),
        429: ERRORS.auth[429],
    },
    auth=[],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def thrive_circles_health(request):
    """For monitoring: this week's circles exist (after a grace period), the last run did not fail,
    and every eligible user has a circle. Public: counts and statuses only."""
    report = health.circles_health()
    data = ThriveCirclesHealthSerializer(health.as_dict(report)).data
    return Response(data, status=200 if report.healthy else 503)


@extend_schema(
    request=None,
    responses={
        200: OpenApiResponse(CircleAssignmentRunSerializer, description="The run: succeeded, or already_done (topped up)."),
        500: OpenApiResponse(ErrorSerializer, description="The run failed; `run_id` names its record."),
        **ERRORS.auth,
    },
)
@api_view(["POST"])
@permission_classes([IsAdminUser])
def assign_thrive_circles(request):
    """Staff only: run the weekly assignment now (builds the week's circles, or seats newcomers)."""
    run = scheduling.trigger_assignment(trigger="api")
    return Response(CircleAssignmentRunSerializer(run).data)

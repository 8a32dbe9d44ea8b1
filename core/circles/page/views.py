"""Thin endpoints: authenticate, validate, call one selector or service, serialize."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api import ERRORS
from core.launch.permissions import InThriveCirclesLaunch

from .. import weeks
from ..assignment import scheduling
from ..assignment.joining import join_thrive_circles
from ..models import ThriveCircleLevel
from . import selectors
from .assembly import thrive_circle_page, with_reactions
from .serializers import (
    CircleActivityPageSerializer,
    CircleActivityQuerySerializer,
    CircleFeedEventSerializer,
    ThriveCircleDataSerializer,
    ThriveLevelsSerializer,
    XPHistoryQuerySerializer,
    XPHistorySerializer,
    owner_view,
)


@extend_schema(responses={200: ThriveCircleDataSerializer, **ERRORS.auth, **ERRORS.not_in_launch})
@api_view(["GET"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def your_thrive_circle(request):
    """The viewer's level, progress, circle, members, activity, countdown and suggestions."""
    now = timezone.now()
    week = weeks.week_start_for(now)
    profile = selectors.profile_for_page(request.user, week)
    if profile is None:
        join_thrive_circles(request.user, now=now)  # first visit: joining seats the newcomer
        profile = selectors.profile_for_page(request.user, week)
    page = thrive_circle_page(profile, now=now)
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


@extend_schema(
    parameters=[CircleActivityQuerySerializer],
    responses={200: CircleActivityPageSerializer, **ERRORS.bad_request_auth, **ERRORS.not_in_launch},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def circle_activity(request):
    """Older items of your circle's feed ("Show more"): the ones after `before`, the last item shown.

    The page carries the newest 20 (`recent_activity`); this continues from any of its items, so
    items the live feed added meanwhile don't shift the pages."""
    query = CircleActivityQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    week = weeks.week_start_for(timezone.now())
    profile = selectors.profile_for_page(request.user, week)
    circle = profile.circle if profile else None
    anchor = selectors.circle_feed_event(circle, query.validated_data["before"])
    if anchor is None:
        raise ValidationError({"before": ["Not an item of your circle's feed."]})
    limit = query.validated_data["limit"]
    events = selectors.circle_activity(circle, limit=limit + 1, before=(anchor.timestamp, str(anchor.id)))
    shown = events[:limit]
    items = [
        {**dict(data), **owner_view(event)} if event.user_id == request.user.pk else dict(data)
        for event, data in zip(shown, CircleFeedEventSerializer(shown, many=True).data)
    ]
    payload = {"events": with_reactions(items, viewer_id=request.user.pk), "has_more": len(events) > limit}
    return Response(CircleActivityPageSerializer(payload).data)


@extend_schema(responses={200: ThriveLevelsSerializer, 429: ERRORS.auth[429]})
@api_view(["GET"])
@permission_classes([AllowAny])
def thrive_levels(request):
    """The Thrive Circle levels, lowest first. Public reference data (names and XP thresholds, no
    user or circle data), so it is not gated by the soft launch (docs/operations.md)."""
    return Response(ThriveLevelsSerializer({"levels": ThriveCircleLevel.objects.order_by("order")}).data)

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.response import Response

from core.api import ERRORS
from core.users.zones import zone_of

from . import selectors
from .permissions import CanAwardPoints
from .serializers import (
    AwardRequestSerializer,
    AwardSerializer,
    DailyLoginSerializer,
    LoginStreakSerializer,
)
from .services import PointsService


@extend_schema(
    request=AwardRequestSerializer,
    responses={201: AwardSerializer, 200: AwardSerializer, **ERRORS.bad_request_auth, **ERRORS.conflict},
)
@api_view(["POST"])
@permission_classes([CanAwardPoints])
def award_points(request):
    """Award points for an activity done in another service (quizzes, battles, projects).

    201 with the new award; 200 with the original award when the idempotency key was seen before.
    The award records who made it (`awarded_by`); awarding yourself is refused (403).
    """
    award = AwardRequestSerializer(data=request.data)
    award.is_valid(raise_exception=True)
    data = award.validated_data
    history, created = PointsService.award_points_once(
        data["user"], data["activity_type"], data["metadata"],
        idempotency_key=data["idempotency_key"], awarded_by=request.user,
    )
    history.replayed = not created
    return Response(AwardSerializer(history).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


@extend_schema(responses={200: LoginStreakSerializer, **ERRORS.auth})
@api_view(["GET"])
def login_streak(request):
    """The viewer's login streak: days in a row, the longest, and the next streak bonus."""
    return Response(LoginStreakSerializer(selectors.login_streak(request.user)).data)


@extend_schema(
    request=None,
    responses={
        201: OpenApiResponse(DailyLoginSerializer, description="Today's login counted now: points, XP and the streak."),
        200: OpenApiResponse(DailyLoginSerializer, description="Today was already counted; nothing changed."),
        **ERRORS.auth,
    },
)
@api_view(["POST"])
def daily_login(request):
    """Count the signed-in user's login for today: once per day, however many tabs or devices ask.

    The app calls it on its first authenticated page load; signing in (POST /api/v1/auth/login/)
    counts the day too. Reading the session (GET /api/v1/auth/session/) never does.
    """
    today = timezone.localtime(timezone.now(), zone_of(request.user)).date()  # the person's own day
    awards = PointsService.record_daily_login(request.user, today=today)
    request.user.refresh_from_db(fields=["current_streak"])
    result = {
        "awarded": bool(awards),
        "login_date": today,
        "current_streak": request.user.current_streak,
        "points_awarded": sum(award.points_awarded for award in awards),
    }
    return Response(DailyLoginSerializer(result).data, status=status.HTTP_201_CREATED if awards else status.HTTP_200_OK)

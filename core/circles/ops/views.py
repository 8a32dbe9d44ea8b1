"""Operators' endpoints: the weekly job's health, and running it now."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.response import Response

from core.api import ERRORS, ErrorSerializer

from ..assignment import scheduling
from . import health
from .serializers import CircleAssignmentRunSerializer, ThriveCirclesHealthSerializer


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

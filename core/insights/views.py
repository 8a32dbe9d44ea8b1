"""Thin endpoints for the success metrics: record a view, and the staff-only dashboard data."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response

from core.api import ERRORS

from . import services
from .serializers import KPIQuerySerializer, RecordViewSerializer, ThriveCirclesKPIsSerializer


@extend_schema(
    request=RecordViewSerializer,
    responses={204: OpenApiResponse(description="Counted."), **ERRORS.bad_request_auth},
)
@api_view(["POST"])
def record_view(request):
    """Count a view of Your Thrive Circle or of the circle activity feed (for the success metrics)."""
    view = RecordViewSerializer(data=request.data)
    view.is_valid(raise_exception=True)
    services.record_view(request.user, view.validated_data["feature"])
    return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(parameters=[KPIQuerySerializer], responses={200: ThriveCirclesKPIsSerializer, **ERRORS.bad_request_auth})
@api_view(["GET"])
@permission_classes([IsAdminUser])
def thrive_circles_kpis(request):
    """Staff only: the success metrics of the last `weeks` circle weeks, oldest first."""
    query = KPIQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    now = timezone.now()
    rows = services.weekly_kpis(weeks_back=query.validated_data["weeks"], now=now)
    return Response(ThriveCirclesKPIsSerializer({"generated_at": now, "weeks": rows}).data)

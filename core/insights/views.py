"""Thin endpoints for the success metrics: record a view, and the staff-only dashboard data."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, parser_classes, permission_classes
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response

from core.api import ERRORS

from . import services
from core.circles import weeks

from .serializers import (
    KPIQuerySerializer,
    PageTimeResultSerializer,
    PageTimeSerializer,
    RecordViewSerializer,
    ThriveCirclesKPIsSerializer,
)


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


@extend_schema(
    request={"application/json": PageTimeSerializer, "application/x-www-form-urlencoded": PageTimeSerializer},
    responses={200: PageTimeResultSerializer, **ERRORS.bad_request_auth},
)
@api_view(["POST"])
@parser_classes([JSONParser, FormParser])
def record_page_time(request):
    """Add visible time on Your Thrive Circle to the viewer's total for this circle week.

    The page sends JSON while it stays visible and a form body through `navigator.sendBeacon` when
    it is hidden or closed: a beacon cannot set the X-CSRFToken header, so with a session the CSRF
    token travels as the `csrfmiddlewaretoken` field, which Django's CSRF check reads from form
    bodies (the same check, no exemption)."""
    report = PageTimeSerializer(data=request.data)
    report.is_valid(raise_exception=True)
    now = timezone.now()
    total = services.record_page_time(request.user, report.validated_data["seconds"], now=now)
    return Response(PageTimeResultSerializer({"week_start": weeks.week_start_for(now), "seconds": total}).data)


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

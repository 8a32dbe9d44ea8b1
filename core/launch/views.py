"""Onboarding and help endpoints; like every Thrive Circles endpoint, 404 outside the launch."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api import ERRORS

from .help import thrive_circles_help
from .permissions import InThriveCirclesLaunch
from .serializers import CompleteOnboardingSerializer, OnboardingSerializer, ThriveCirclesHelpSerializer
from .services import complete_onboarding


@extend_schema(
    request=CompleteOnboardingSerializer,
    responses={
        201: OpenApiResponse(OnboardingSerializer, description="Recorded now."),
        200: OpenApiResponse(OnboardingSerializer, description="Already recorded earlier (kept as it was)."),
        **ERRORS.bad_request_auth,
        **ERRORS.not_in_launch,
    },
)
@api_view(["POST"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def complete_onboarding_tour(request):
    """Mark the first-visit tour of Your Thrive Circle as done (finished or skipped) for the viewer,
    so it is not shown again on any device."""
    body = CompleteOnboardingSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    tour, created = complete_onboarding(request.user, skipped=body.validated_data["skipped"])
    return Response(OnboardingSerializer(tour).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


@extend_schema(responses={200: ThriveCirclesHelpSerializer, **ERRORS.auth, **ERRORS.not_in_launch})
@api_view(["GET"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def thrive_circles_help_data(request):
    """What the help page shows besides the levels: XP per activity and the next weekly reset."""
    return Response(ThriveCirclesHelpSerializer(thrive_circles_help()).data)

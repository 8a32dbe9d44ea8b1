"""Thin endpoints of the live circle."""

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes, throttle_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle

from core.api import ERRORS, ErrorSerializer
from core.launch.permissions import InThriveCirclesLaunch

from . import services
from .serializers import KudosInputSerializer, KudosSerializer


class KudosThrottle(UserRateThrottle):
    """Kudos per person (THRIVE_KUDOS_RATE), on top of the general per-user rate."""

    scope = "kudos"

    def get_rate(self):
        return settings.THRIVE_KUDOS_RATE


@extend_schema(
    request=KudosInputSerializer,
    responses={
        201: OpenApiResponse(KudosSerializer, description="Kudos given."),
        200: OpenApiResponse(KudosSerializer, description="Already given: nothing changed."),
        400: OpenApiResponse(ErrorSerializer, description="Unknown reaction, or the viewer's own activity (`own_event`)."),
        401: ERRORS.auth[401],
        403: ERRORS.auth[403],
        404: OpenApiResponse(ErrorSerializer, description="The activity is not in the viewer's circle this week."),
        429: OpenApiResponse(ErrorSerializer, description="Too many kudos for now."),
    },
)
@api_view(["POST"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
@throttle_classes([UserRateThrottle, KudosThrottle])
def give_kudos(request, event_id):
    """Cheer a circle member's activity this week with a reaction. Gives no XP."""
    data = KudosInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    kudos, created = services.give_kudos(request.user, event_id, reaction=data.validated_data["reaction"])
    return Response(KudosSerializer(kudos).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api import ERRORS
from core.launch.permissions import InThriveCirclesLaunch

from . import selectors, services
from .serializers import CelebrationSerializer, MomentsSerializer


@extend_schema(responses={200: MomentsSerializer, **ERRORS.auth, **ERRORS.not_in_launch})
@api_view(["GET"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def moments(request):
    """The viewer's level-up to celebrate (if any) and the levels their circle reached this week."""
    data = {
        "celebration": selectors.pending_celebration(request.user),
        "circle_level_ups": selectors.circle_level_ups(request.user),
    }
    return Response(MomentsSerializer(data).data)


@extend_schema(request=None, responses={200: CelebrationSerializer, **ERRORS.auth, **ERRORS.not_in_launch})
@api_view(["POST"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def celebrated(request, moment_id: int):
    """The viewer closed the celebration: it is not shown again (on any device)."""
    return Response(CelebrationSerializer(services.mark_celebrated(request.user, moment_id)).data)

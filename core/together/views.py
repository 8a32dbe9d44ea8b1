from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api import ERRORS, ErrorSerializer
from core.launch.permissions import InThriveCirclesLaunch

from . import services
from .serializers import TogetherSerializer


@extend_schema(
    responses={
        200: TogetherSerializer,
        404: OpenApiResponse(ErrorSerializer, description="No circle this week (or Thrive Circles is not open to you yet)."),
        **{k: v for k, v in ERRORS.auth.items()},
    }
)
@api_view(["GET"])
@permission_classes([IsAuthenticated, InThriveCirclesLaunch])
def circle_together(request):
    """The viewer's circle this week: its shared goal, the viewer's part, and this week against last."""
    data = services.together(request.user)
    if data is None:
        return Response({"detail": "You have no circle this week yet.", "code": "no_circle"}, status=404)
    return Response(TogetherSerializer(data).data)

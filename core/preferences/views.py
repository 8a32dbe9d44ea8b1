"""Thin endpoints: the viewer's settings (time zone, rest week)."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from core.api import ERRORS

from . import selectors, services
from .serializers import SettingsSerializer, SettingsUpdateSerializer


@extend_schema(methods=["GET"], responses={200: SettingsSerializer, **ERRORS.auth})
@extend_schema(
    methods=["PATCH"], request=SettingsUpdateSerializer, responses={200: SettingsSerializer, **ERRORS.bad_request_auth}
)
@api_view(["GET", "PATCH"])
def my_settings(request):
    """The viewer's time zone (their days, streaks and times shown follow it) and rest week.

    PATCH `time_zone` (an IANA name; an unknown one is a 400) and/or `resting` (true: sit out the
    coming week; false: cancel it, or come back from this week's rest and be seated at once).
    """
    if request.method == "PATCH":
        update = SettingsUpdateSerializer(data=request.data)
        update.is_valid(raise_exception=True)
        services.update_settings(request.user, **update.validated_data)
    return Response(SettingsSerializer(selectors.user_settings(request.user)).data)

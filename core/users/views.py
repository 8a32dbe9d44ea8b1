from django.contrib.auth import authenticate, login, logout
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import ERRORS
from core.points.services import PointsService

from .exceptions import InvalidCredentials, TooManySignInAttempts
from .serializers import LoginSerializer, SessionSerializer


@method_decorator(ensure_csrf_cookie, name="dispatch")
class SessionView(APIView):
    """Who is signed in (null if nobody); sets the CSRF cookie the page sends back on writes.

    A read: it changes nothing. The day's login is counted by signing in and by
    POST /api/v1/me/daily-login/, which the app sends on its first page load."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: SessionSerializer, **ERRORS.bad_request})
    def get(self, request):
        user = request.user if request.user.is_authenticated else None
        return Response(SessionSerializer({"user": user}, context={"request": request}).data)


@method_decorator(csrf_protect, name="dispatch")
class LoginView(APIView):
    """Sign in with a session cookie. Needs the X-CSRFToken header, like every session write.

    Failed sign-ins are limited per account and per address (429 beyond, core/users/signin_limits.py)."""

    permission_classes = [AllowAny]

    @extend_schema(request=LoginSerializer, responses={200: SessionSerializer, **ERRORS.bad_request_auth})
    def post(self, request):
        credentials = LoginSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request, **credentials.validated_data)
        if user is None:
            lockout = getattr(request, "sign_in_lockout", None)  # core/users/signin_limits.py
            if lockout is not None:
                raise TooManySignInAttempts(
                    lockout.message,
                    extra={"retry_after": lockout.retry_after_seconds},
                    headers={"Retry-After": str(lockout.retry_after_seconds)},
                )
            raise InvalidCredentials("Invalid username or password.")
        login(request, user)
        PointsService.record_daily_login(user)
        return Response(SessionSerializer({"user": user}, context={"request": request}).data)


class LogoutView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(request=None, responses={204: OpenApiResponse(description="Signed out."), **ERRORS.auth})
    def post(self, request):
        logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)

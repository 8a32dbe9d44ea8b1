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

from . import services
from .exceptions import InvalidCredentials, TooManySignInAttempts
from .serializers import (
    LoginSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetRequestSerializer,
    SessionSerializer,
    SignUpSerializer,
)


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
        return _signed_in(request, user)


class LogoutView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(request=None, responses={204: OpenApiResponse(description="Signed out."), **ERRORS.auth})
    def post(self, request):
        logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _signed_in(request, user, *, status_code=status.HTTP_200_OK) -> Response:
    """Start the session; the day's login XP also seats a newcomer in this week's circles."""
    # A new account did not come through authenticate(): name the backend that checks passwords.
    login(request, user, backend=getattr(user, "backend", "django.contrib.auth.backends.ModelBackend"))
    PointsService.record_daily_login(user)
    return Response(SessionSerializer({"user": user}, context={"request": request}).data, status=status_code)


@method_decorator(csrf_protect, name="dispatch")
class SignUpView(APIView):
    """Create an account and sign it in. CSRF and throttling as for signing in."""

    permission_classes = [AllowAny]

    @extend_schema(request=SignUpSerializer, responses={201: SessionSerializer, **ERRORS.bad_request_auth})
    def post(self, request):
        body = SignUpSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = services.sign_up(**body.validated_data)
        return _signed_in(request, user, status_code=status.HTTP_201_CREATED)


@method_decorator(csrf_protect, name="dispatch")
class PasswordResetView(APIView):
    """Email a reset link. Always 204, known email or not, so it cannot reveal who has an account."""

    permission_classes = [AllowAny]

    @extend_schema(
        request=PasswordResetRequestSerializer,
        responses={204: OpenApiResponse(description="If the email has an account, a link is on its way."), **ERRORS.bad_request_auth},
    )
    def post(self, request):
        body = PasswordResetRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.request_password_reset(email=body.validated_data["email"], request=request)
        return Response(status=status.HTTP_204_NO_CONTENT)


@method_decorator(csrf_protect, name="dispatch")
class PasswordResetConfirmView(APIView):
    """Set a new password from the emailed link (uid + token). Sign in with it afterwards."""

    permission_classes = [AllowAny]

    @extend_schema(
        request=PasswordResetConfirmSerializer,
        responses={204: OpenApiResponse(description="Password changed."), **ERRORS.bad_request_auth},
    )
    def post(self, request):
        body = PasswordResetConfirmSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.reset_password(**body.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)

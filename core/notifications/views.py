"""Thin endpoints: the bell's list, marking read, opt-outs, and the emailed unsubscribe page."""

from django.core import signing
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api import ERRORS

from . import emails, selectors, services
from .serializers import (
    MarkReadResultSerializer,
    MarkReadSerializer,
    NotificationListQuerySerializer,
    NotificationListSerializer,
    NotificationSerializer,
    PreferencesSerializer,
)


@extend_schema(
    parameters=[NotificationListQuerySerializer],
    responses={200: NotificationListSerializer, **ERRORS.bad_request_auth},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def my_notifications(request):
    """The viewer's notifications, newest first, a page at a time, with how many are unread."""
    query = NotificationListQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    limit = query.validated_data["limit"]
    services.catch_up_on_this_week(request.user)
    rows = selectors.notifications_for(request.user, limit=limit + 1, cursor=query.validated_data.get("cursor"))
    page = rows[:limit]
    return Response(
        {
            "results": NotificationSerializer(page, many=True).data,
            "unread_count": selectors.unread_count(request.user),
            "next_cursor": page[-1].pk if len(rows) > limit else None,
        }
    )


@extend_schema(request=MarkReadSerializer, responses={200: MarkReadResultSerializer, **ERRORS.bad_request_auth})
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def mark_read(request):
    """Mark some (`{"ids": [...]}`) or all (`{"all": true}`) of the viewer's notifications read."""
    data = MarkReadSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    marked = services.mark_read(request.user, ids=data.validated_data.get("ids"))
    return Response({"marked": marked, "unread_count": selectors.unread_count(request.user)})


@extend_schema(methods=["GET"], responses={200: PreferencesSerializer, **ERRORS.auth})
@extend_schema(methods=["PATCH"], request=PreferencesSerializer, responses={200: PreferencesSerializer, **ERRORS.bad_request_auth})
@api_view(["GET", "PATCH"])
@permission_classes([IsAuthenticated])
def preferences(request):
    """Which notifications the viewer gets: each in-app kind and the weekly recap email."""
    if request.method == "PATCH":
        changes = PreferencesSerializer(data=request.data)
        changes.is_valid(raise_exception=True)
        return Response(services.update_preferences(request.user, changes.validated_data))
    return Response(selectors.preferences_of(request.user))


@csrf_exempt  # the signed token is the credential; mail clients' one-click POST (RFC 8058) has no CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET: a confirmation page (link scanners only look); POST: unsubscribe from the weekly recap."""
    try:
        user = emails.user_for_token(token)
    except signing.BadSignature:
        user = None
    if user is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    done = request.method == "POST"
    if done:
        emails.unsubscribe(user)
    return render(request, "notifications/unsubscribe.html", {"username": user.username, "done": done})

"""Shared OpenAPI descriptions of the error responses every endpoint can give."""

from types import SimpleNamespace

from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

ErrorSerializer = inline_serializer(
    "Error",
    {
        "detail": serializers.CharField(),
        "code": serializers.CharField(),
        "errors": serializers.DictField(required=False, help_text="Per-field messages, for validation errors."),
    },
)

_bad_request = {400: OpenApiResponse(ErrorSerializer, description="Invalid input; `detail` says what is wrong.")}
_auth = {
    401: OpenApiResponse(ErrorSerializer, description="Not signed in."),
    403: OpenApiResponse(ErrorSerializer, description="Not allowed (or CSRF token missing)."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests."),
}

ERRORS = SimpleNamespace(
    auth=_auth,
    bad_request_auth={**_bad_request, **_auth},
    bad_request={**_bad_request, 429: _auth[429]},
    conflict={409: OpenApiResponse(ErrorSerializer, description="Conflicts with an earlier request.")},
    # Thrive Circles endpoints for a user outside the soft launch (core/launch): a plain 404.
    not_in_launch={404: OpenApiResponse(ErrorSerializer, description="Not found (also: Thrive Circles is not open to you yet).")},
)

from django.conf import settings
from django.urls import path

from channels.security.websocket import OriginValidator

from .consumers import ThriveCircleConsumer

websocket_urlpatterns = [
    path("ws/v1/me/thrive-circle/", ThriveCircleConsumer.as_asgi()),
]


class SiteOriginValidator(OriginValidator):
    """Accept sockets only from pages of our own hosts: ALLOWED_HOSTS and CSRF_TRUSTED_ORIGINS,
    read when a socket opens (so they follow the settings, as Django's CSRF check does).

    A cross-site page could otherwise open a socket with the visitor's session cookie (cookies
    go with WebSocket handshakes), so this is the socket's CSRF protection."""

    def __init__(self, application):
        super().__init__(application, allowed_origins=[])

    @property
    def allowed_origins(self):
        return [*settings.ALLOWED_HOSTS, *settings.CSRF_TRUSTED_ORIGINS]

    @allowed_origins.setter
    def allowed_origins(self, value):
        pass


def origin_checked(application):
    return SiteOriginValidator(application)

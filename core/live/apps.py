from django.apps import AppConfig


class LiveConfig(AppConfig):
    """A living circle: the circle page's WebSocket (feed, presence, kudos, week reset)."""

    name = "core.live"
    label = "live"
    verbose_name = "Thrive Circles live"

    def ready(self):
        from core.circles.signals import xp_recorded

        from . import receivers

        xp_recorded.connect(receivers.announce_activity, dispatch_uid="live-announce-activity")

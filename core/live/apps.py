from django.apps import AppConfig


class LiveConfig(AppConfig):
    """A living circle: the circle page's WebSocket (feed, presence, kudos, week reset)."""

    name = "core.live"
    label = "live"
    verbose_name = "Thrive Circles live"

    def ready(self):
        from core.circles.signals import feed_reactions_requested, xp_recorded

        from . import receivers, selectors

        xp_recorded.connect(receivers.announce_activity, dispatch_uid="live-announce-activity")
        feed_reactions_requested.connect(selectors.feed_reactions, dispatch_uid="live-feed-reactions")

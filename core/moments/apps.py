from django.apps import AppConfig


class MomentsConfig(AppConfig):
    """Level-up moments: the celebration a person sees once per new level and their circle's feed item."""

    name = "core.moments"
    label = "moments"
    verbose_name = "Level-up moments"

    def ready(self):
        from . import receivers  # noqa: F401  (connects to core.circles.signals.level_reached)

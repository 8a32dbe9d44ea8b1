from django.apps import AppConfig


class TogetherConfig(AppConfig):
    """Growing together: each circle's shared weekly goal and its week against its own last week."""

    name = "core.together"
    label = "together"
    verbose_name = "Thrive Circles together"

    def ready(self):
        from core.circles.signals import xp_recorded

        from . import receivers

        xp_recorded.connect(receivers.goal_progress, dispatch_uid="together-goal-progress")

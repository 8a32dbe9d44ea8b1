"""Listens to Thrive Circles' `level_reached` (sent after the award commits)."""

from django.dispatch import receiver

from core.circles.signals import level_reached

from .services import record_level_reached


@receiver(level_reached, dispatch_uid="moments.record_level_reached")
def on_level_reached(sender, *, user, level, event, **kwargs):
    record_level_reached(user, level, at=event.timestamp)

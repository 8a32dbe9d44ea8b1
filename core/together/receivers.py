"""Subscribers to Thrive Circles' domain events; each runs after commit."""

from . import services


def goal_progress(sender, event, **kwargs) -> None:
    services.record_goal_progress(event)

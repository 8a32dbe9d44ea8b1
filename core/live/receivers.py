"""Subscribers to Thrive Circles' domain events (core/circles/signals.py); each runs after commit."""

from . import services


def announce_activity(sender, event, **kwargs) -> None:
    services.announce_activity(event)

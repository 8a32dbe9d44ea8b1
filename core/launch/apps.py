from django.apps import AppConfig


class LaunchConfig(AppConfig):
    """Rolling Thrive Circles out: who sees it (the beta flag), the first-visit tour, help data."""

    name = "core.launch"
    label = "launch"
    verbose_name = "Thrive Circles launch"

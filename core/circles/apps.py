from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "core.circles"
    label = "circles"
    verbose_name = "Thrive Circles"

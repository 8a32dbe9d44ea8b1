from django.apps import AppConfig


class PointsConfig(AppConfig):
    name = "core.points"
    label = "points"

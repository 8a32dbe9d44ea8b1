from django.apps import AppConfig


class FairPlayConfig(AppConfig):
    name = "core.fairplay"
    label = "fairplay"
    verbose_name = "Fair play"

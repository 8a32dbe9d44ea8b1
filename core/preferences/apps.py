from django.apps import AppConfig


class PreferencesConfig(AppConfig):
    name = "core.preferences"
    label = "preferences"
    verbose_name = "Preferences"

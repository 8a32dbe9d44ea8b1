from django.apps import AppConfig


class QuestsConfig(AppConfig):
    name = "core.quests"
    label = "quests"
    verbose_name = "Quests"

    def ready(self):
        # Connects the receivers of the circles' signals; Django requires this import here.
        from . import receivers  # noqa: F401

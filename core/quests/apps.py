from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class QuestsConfig(AppConfig):
    name = "core.quests"
    label = "quests"
    verbose_name = "Quests"

    def ready(self):
        # Models and receivers can only be imported once the app registry is ready, hence here.
        from . import receivers  # noqa: F401  (connects the receivers of the circles' signals)
        from .models import Quest, QuestLevelTarget
        from .selectors import forget_open_quests

        # Awards read this week's quests from the cache: an edit in the admin forgets them.
        for model in (Quest, QuestLevelTarget):
            post_save.connect(forget_open_quests, sender=model, dispatch_uid=f"quests-forget-{model.__name__}-save")
            post_delete.connect(forget_open_quests, sender=model, dispatch_uid=f"quests-forget-{model.__name__}-delete")
        m2m_changed.connect(forget_open_quests, sender=Quest.levels.through, dispatch_uid="quests-forget-levels")

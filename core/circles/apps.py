from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CirclesConfig(AppConfig):
    name = "core.circles"
    label = "circles"
    verbose_name = "Thrive Circles"

    def ready(self):
        # Models can only be imported once the app registry is ready, which is why this is here.
        from .ledger.levels import forget_level_table
        from .models import ThriveCircleLevel

        post_save.connect(forget_level_table, sender=ThriveCircleLevel, dispatch_uid="thrive-level-table-save")
        post_delete.connect(forget_level_table, sender=ThriveCircleLevel, dispatch_uid="thrive-level-table-delete")

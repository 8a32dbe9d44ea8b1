from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "core.circles"
    label = "circles"
    verbose_name = "Thrive Circles"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .levels import forget_level_table
        from .models import ThriveCircleLevel

        post_save.connect(forget_level_table, sender=ThriveCircleLevel, dispatch_uid="thrive-level-table-save")
        post_delete.connect(forget_level_table, sender=ThriveCircleLevel, dispatch_uid="thrive-level-table-delete")

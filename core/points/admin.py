from django.contrib import admin

from .models import PointsHistory


@admin.register(PointsHistory)
class PointsHistoryAdmin(admin.ModelAdmin):
    list_display = ("user", "activity_type", "points_awarded", "base_points", "fair_play_rule", "created_at")
    list_filter = ("activity_type", "fair_play_rule")
    search_fields = ("user__username", "description", "idempotency_key")
    raw_id_fields = ("user",)
    date_hierarchy = "created_at"

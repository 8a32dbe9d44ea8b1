from django.contrib import admin

from .models import PointsHistory


@admin.register(PointsHistory)
class PointsHistoryAdmin(admin.ModelAdmin):
    list_display = ("user", "activity_type", "points_awarded", "created_at")
    list_filter = ("activity_type",)
    search_fields = ("user__username", "description", "idempotency_key")
    raw_id_fields = ("user",)
    date_hierarchy = "created_at"

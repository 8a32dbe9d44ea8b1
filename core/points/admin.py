from django.contrib import admin

from .models import PointsHistory


@admin.register(PointsHistory)
class PointsHistoryAdmin(admin.ModelAdmin):
    list_display = ("user", "activity_type", "points_awarded", "base_points", "fair_play_rule", "awarded_by", "created_at")
    # "Awarded by: not empty" lists every award a staff user or service account made by API.
    list_filter = ("activity_type", "fair_play_rule", ("awarded_by", admin.EmptyFieldListFilter))
    search_fields = ("user__username", "awarded_by__username", "description", "idempotency_key")
    raw_id_fields = ("user", "awarded_by")
    list_select_related = ("user", "awarded_by")
    date_hierarchy = "created_at"

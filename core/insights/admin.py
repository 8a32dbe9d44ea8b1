from django.contrib import admin

from .models import FeatureView, WeeklyKPISnapshot


@admin.register(FeatureView)
class FeatureViewAdmin(admin.ModelAdmin):
    list_display = ("user", "feature", "day", "count", "last_viewed_at")
    list_filter = ("feature",)
    date_hierarchy = "day"
    raw_id_fields = ("user",)
    search_fields = ("user__username",)


@admin.register(WeeklyKPISnapshot)
class WeeklyKPISnapshotAdmin(admin.ModelAdmin):
    list_display = ("week_start", "computed_at")
    readonly_fields = ("week_start", "computed_at", "metrics")

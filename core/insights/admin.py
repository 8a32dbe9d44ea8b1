from django.contrib import admin

from .models import FeatureView, PageTime, WeeklyKPISnapshot


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


@admin.register(PageTime)
class PageTimeAdmin(admin.ModelAdmin):
    list_display = ("user", "week_start", "seconds", "reports", "last_reported_at")
    date_hierarchy = "week_start"
    raw_id_fields = ("user",)
    search_fields = ("user__username",)

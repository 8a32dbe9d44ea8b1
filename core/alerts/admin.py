from django.contrib import admin

from .models import Alert


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["event", "key", "summary", "raised_at", "resolved_at"]
    list_filter = ["event", ("resolved_at", admin.EmptyFieldListFilter)]
    search_fields = ["key", "summary"]
    readonly_fields = ["key", "event", "summary", "details", "raised_at"]

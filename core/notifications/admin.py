from django.contrib import admin

from .models import Notification, NotificationPreferences, RecapDelivery


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["user"]
    search_fields = ["user__username", "dedupe_key"]


@admin.register(RecapDelivery)
class RecapDeliveryAdmin(admin.ModelAdmin):
    """A `sending` row older than a few minutes is a recap that may not have gone out (docs/notifications.md)."""

    list_display = ["user", "week_start", "status", "claimed_at", "sent_at"]
    list_filter = ["status", "week_start"]
    raw_id_fields = ["user"]


admin.site.register(NotificationPreferences, raw_id_fields=["user"])

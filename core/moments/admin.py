from django.contrib import admin

from .models import LevelReached


@admin.register(LevelReached)
class LevelReachedAdmin(admin.ModelAdmin):
    list_display = ("user", "level", "reached_at", "celebrated_at")
    list_filter = ("level",)
    search_fields = ("user__username",)
    raw_id_fields = ("user",)

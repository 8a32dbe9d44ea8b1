from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .forms import LimitedAdminAuthenticationForm
from .models import User

# The admin's sign-in under the same per-account and per-address limits as the API's.
admin.site.login_form = LimitedAdminAuthenticationForm


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "total_points", "level", "current_streak", "is_staff")
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Points", {"fields": ("avatar_url", "total_points", "level", "current_streak", "max_streak", "last_login_date")}),
        (
            "Time and rest",
            {"fields": ("time_zone", "streak_freezes", "freeze_used_on", "freeze_kept_streak", "freezes_used", "resting_week", "rest_ended_on")},
        ),
    )

from django.contrib import admin

from .models import OnboardingTour

# The launch flag itself is django-waffle's: django-waffle › Flags › thrive_circles.


@admin.register(OnboardingTour)
class OnboardingTourAdmin(admin.ModelAdmin):
    """Delete a row to show someone the tour again."""

    list_display = ("user", "completed_at", "skipped")
    list_filter = ("skipped",)
    search_fields = ("user__username",)
    raw_id_fields = ("user",)
    readonly_fields = ("completed_at", "skipped")

from django.contrib import admin, messages
from django.utils.html import format_html

from core.exceptions import ApplicationError

from .models import FairPlayRule, SpikeReview
from .services import approve_review, reject_review


@admin.register(FairPlayRule)
class FairPlayRuleAdmin(admin.ModelAdmin):
    """Change limits here; the next award uses them (no deploy, no restart)."""

    list_display = (
        "activity_type", "full_points_per_day", "repeat_decay_percent", "daily_xp_cap", "cooldown_seconds",
        "is_active", "updated_at",
    )
    list_editable = ("full_points_per_day", "repeat_decay_percent", "daily_xp_cap", "cooldown_seconds", "is_active")
    list_filter = ("is_active",)


@admin.register(SpikeReview)
class SpikeReviewAdmin(admin.ModelAdmin):
    list_display = ("user", "week_start", "weekly_xp", "baseline_xp", "threshold_xp", "status", "flagged_at", "decided_by")
    list_filter = ("status", "week_start")
    search_fields = ("user__username",)
    date_hierarchy = "flagged_at"
    actions = ("approve_selected", "reject_selected")
    fields = (
        "user", "week_start", "weekly_xp", "prior_weeks_xp", "baseline_xp", "threshold_xp", "status",
        "flagged_at", "decided_at", "decided_by", "reversed_xp", "correction", "note",
    )
    readonly_fields = tuple(f for f in fields if f != "note")

    def has_add_permission(self, request):
        return False  # reviews come from detection only

    @admin.display(description="Correcting XP event")
    def correction(self, review):
        event = review.correction_event
        return format_html("{} XP: {}", event.amount, event.description) if event else "-"

    def _decide(self, request, queryset, decide, verb):
        done = 0
        for review in queryset.filter(status=SpikeReview.Status.PENDING).order_by("pk"):
            try:
                decide(review.pk, reviewer=request.user, note=review.note)
                done += 1
            except ApplicationError as exc:
                self.message_user(request, f"{review}: {exc.message}", messages.WARNING)
        skipped = queryset.count() - done
        self.message_user(request, f"{verb} {done} review(s)." + (f" {skipped} already decided, left as they were." if skipped else ""))

    @admin.action(description="Approve: the XP stands, clear the flag", permissions=["change"])
    def approve_selected(self, request, queryset):
        self._decide(request, queryset, approve_review, "Approved")

    @admin.action(description="Reject: take back the week's XP above the usual week", permissions=["change"])
    def reject_selected(self, request, queryset):
        self._decide(request, queryset, reject_review, "Rejected")

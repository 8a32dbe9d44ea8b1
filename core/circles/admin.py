"""Django admin for operators: levels (editable), circles, profiles, XP events and assignment runs.

XP, levels of profiles and circle membership only change through the services (XPService,
CircleAssignmentService), so those fields are read-only here; the staff trigger runs the service.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from .assignment import scheduling
from .exceptions import AssignmentFailed
from .ledger.levels import threshold_problems
from .models import CircleAssignmentRun, ThriveCircle, ThriveCircleLevel, UserThriveProfile, XPEvent

ADMIN_TRIGGER = "admin"


def _run_assignment(request) -> None:
    try:
        run = scheduling.trigger_assignment(trigger=ADMIN_TRIGGER)
    except AssignmentFailed as exc:
        messages.error(request, f"{exc.message} (run #{exc.extra.get('run_id')}).")
        return
    messages.success(
        request,
        f"Run #{run.pk} for the week of {run.week_start}: {run.get_status_display()}, "
        f"{run.users_placed} users placed, {run.circles_created} circles created.",
    )


class ReadOnlyAdmin:
    """For records of what happened (the XP ledger, assignment runs): viewable, never edited here."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AssignmentTriggerMixin:
    """The "run the weekly assignment now" action; the selection does not matter."""

    actions = ["run_assignment_now"]

    def has_assign_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_staff

    @admin.action(description="Run the weekly assignment now (builds or tops up the week; selection ignored)",
                  permissions=["assign"])
    def run_assignment_now(self, request, queryset):
        _run_assignment(request)


class ThriveCircleLevelForm(forms.ModelForm):
    class Meta:
        model = ThriveCircleLevel
        fields = ["name", "order", "min_xp", "description", "icon", "color_from", "color_to"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("order") is None or cleaned.get("min_xp") is None:
            return cleaned
        others = ThriveCircleLevel.objects.exclude(pk=self.instance.pk).values_list("name", "order", "min_xp")
        problems = threshold_problems([*others, (cleaned.get("name") or "This level", cleaned["order"], cleaned["min_xp"])])
        if problems:
            raise ValidationError(problems)
        return cleaned


@admin.register(ThriveCircleLevel)
class ThriveCircleLevelAdmin(admin.ModelAdmin):
    form = ThriveCircleLevelForm
    list_display = ("name", "order", "min_xp", "icon", "color_from", "color_to")
    ordering = ("order",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "min_xp" in form.changed_data:
            messages.info(request, "Profiles move to the new thresholds at their next XP award or the next weekly assignment.")


@admin.register(ThriveCircle)
class ThriveCircleAdmin(AssignmentTriggerMixin, admin.ModelAdmin):
    list_display = ("name", "level", "week_start", "week_end", "members")
    list_filter = ("week_start", "level")
    date_hierarchy = "week_start"
    search_fields = ("name",)
    list_select_related = ("level",)
    readonly_fields = ("id", "level", "week_start", "week_end", "name", "sequence", "created_at", "members")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(members_now=Count("memberships"))

    @admin.display(description="members", ordering="members_now")
    def members(self, circle) -> int:
        return circle.members_now  # counted live: the stored member_count only steers seating

    def has_add_permission(self, request) -> bool:
        return False  # circles come from the weekly assignment


@admin.register(UserThriveProfile)
class UserThriveProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "current_level", "total_xp", "xp_this_week", "current_circle", "last_activity_at")
    list_filter = ("current_level", "last_activity_at")
    search_fields = ("user__username",)
    list_select_related = ("user", "current_level", "current_circle")
    raw_id_fields = ("user", "current_circle")
    readonly_fields = (
        "user", "current_level", "total_xp", "weekly_xp", "weekly_xp_week", "current_circle", "created_at",
    )
    show_full_result_count = False

    @admin.display(description="XP this week")
    def xp_this_week(self, profile) -> int:
        return profile.xp_this_week

    def has_add_permission(self, request) -> bool:
        return False  # profiles are created on a user's first visit or award, or by the migration


@admin.register(XPEvent)
class XPEventAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The XP ledger: read-only. Correct XP with a negative award through XPService."""

    list_display = ("timestamp", "user", "amount", "source", "description")
    list_filter = ("source", "timestamp")
    search_fields = ("user__username",)
    date_hierarchy = "timestamp"
    list_select_related = ("user",)
    show_full_result_count = False


@admin.register(CircleAssignmentRun)
class CircleAssignmentRunAdmin(AssignmentTriggerMixin, ReadOnlyAdmin, admin.ModelAdmin):
    list_display = (
        "id", "week_start", "status", "trigger", "started_at", "finished_at", "users_placed", "circles_created", "short_error",
    )
    list_filter = ("status", "trigger", "week_start")
    date_hierarchy = "started_at"
    change_list_template = "admin/circles/circleassignmentrun/change_list.html"

    @admin.display(description="error")
    def short_error(self, run) -> str:
        return run.error[:80]

    def get_urls(self):
        assign = self.admin_site.admin_view(require_POST(self.assign_view))
        return [path("assign/", assign, name="circles_circleassignmentrun_assign"), *super().get_urls()]

    def assign_view(self, request):
        if not self.has_assign_permission(request):
            raise PermissionDenied
        _run_assignment(request)
        return HttpResponseRedirect(reverse("admin:circles_circleassignmentrun_changelist"))

    def changelist_view(self, request, extra_context=None):
        extra = {"can_assign": self.has_assign_permission(request), **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra)


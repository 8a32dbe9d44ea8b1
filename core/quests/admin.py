"""Quests are authored here: no code change to add one (docs/quests.md)."""

from django import forms
from django.contrib import admin

from .models import COUNTABLE_SOURCES, CircleTheme, HuntStep, Quest, QuestCompletion, QuestLevelTarget, QuizStreakBonus


class QuestForm(forms.ModelForm):
    sources = forms.MultipleChoiceField(
        choices=COUNTABLE_SOURCES, required=False, widget=forms.CheckboxSelectMultiple,
        help_text="XP sources that count toward it; none ticked: every source except rewards. Not used by hunts.",
    )

    class Meta:
        model = Quest
        fields = "__all__"


class QuestLevelTargetInline(admin.TabularInline):
    model = QuestLevelTarget
    extra = 0
    verbose_name = "target for a level"
    verbose_name_plural = "targets by level (weekly challenge: a fair goal for each level)"


class HuntStepInline(admin.TabularInline):
    model = HuntStep
    extra = 0
    verbose_name_plural = "hunt steps (scavenger hunts only), in order"


@admin.register(Quest)
class QuestAdmin(admin.ModelAdmin):
    form = QuestForm
    list_display = ["title", "kind", "reward_xp", "week_start", "measure", "target", "is_active"]
    list_filter = ["kind", "is_active", "levels"]
    search_fields = ["title"]
    filter_horizontal = ["levels"]
    inlines = [QuestLevelTargetInline, HuntStepInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "description", "reward_xp", "is_active", "display_order"]}),
        ("Who and when", {"fields": ["levels", "week_start", "first_day", "days"]}),
        ("Condition (from the XP event log)", {"fields": ["sources", "measure", "target"]}),
    ]


@admin.register(CircleTheme)
class CircleThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "icon", "week_start", "level", "side_quest"]


@admin.register(QuestCompletion)
class QuestCompletionAdmin(admin.ModelAdmin):
    list_display = ["user", "quest", "period", "completed_at", "xp_awarded"]
    list_filter = ["period"]
    raw_id_fields = ["user", "quest"]

    def has_add_permission(self, request):
        return False  # completions come from the XP log, never by hand

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(QuizStreakBonus)
class QuizStreakBonusAdmin(admin.ModelAdmin):
    list_display = ["user", "days", "reached_on", "xp_awarded"]
    raw_id_fields = ["user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

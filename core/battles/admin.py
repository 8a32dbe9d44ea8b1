from django import forms
from django.contrib import admin

from core.circles import weeks

from .models import BattleEntry, BattleRound, BattleVote, BattleWin, PromptBattle


class BattleForm(forms.ModelForm):
    class Meta:
        model = PromptBattle
        fields = ["title", "challenge", "week_start", "closes_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closes_at"].required = False
        self.fields["closes_at"].help_text = "Empty: the end of its circle week (the Monday reset)."
        self.fields["week_start"].initial = weeks.current_week_start()

    def clean_week_start(self):
        week_start = self.cleaned_data["week_start"]
        if week_start.weekday() != 0:
            raise forms.ValidationError("Pick the Monday the circle week starts on.")
        return week_start

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("week_start") and not cleaned.get("closes_at"):
            cleaned["closes_at"] = weeks.week_bounds(cleaned["week_start"])[1]
        return cleaned


class RoundFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        numbers = sorted(f.cleaned_data["number"] for f in kept if f.cleaned_data.get("number"))
        # Rounds are entered in order, so a gap would leave every later round out of reach.
        if numbers != list(range(1, len(kept) + 1)):
            raise forms.ValidationError("Number the rounds 1, 2, 3… without gaps.")


class RoundInline(admin.TabularInline):
    model = BattleRound
    formset = RoundFormSet
    extra = 3
    min_num = 1
    fields = ("number", "prompt")


@admin.register(PromptBattle)
class PromptBattleAdmin(admin.ModelAdmin):
    form = BattleForm
    list_display = ("title", "week_start", "closes_at", "result_at")
    readonly_fields = ("result_at",)
    inlines = [RoundInline]


@admin.register(BattleEntry)
class BattleEntryAdmin(admin.ModelAdmin):
    list_display = ("user", "round", "created_at")
    list_filter = ("battle",)
    raw_id_fields = ("user", "round", "battle")
    search_fields = ("text", "user__username")


@admin.register(BattleVote)
class BattleVoteAdmin(admin.ModelAdmin):
    list_display = ("voter", "entry", "created_at")
    raw_id_fields = ("voter", "entry", "entry_author", "round")


@admin.register(BattleWin)
class BattleWinAdmin(admin.ModelAdmin):
    list_display = ("user", "battle", "votes", "points_awarded")
    raw_id_fields = ("user", "battle")

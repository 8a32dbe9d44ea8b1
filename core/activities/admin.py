from django import forms
from django.contrib import admin

from .models import Choice, Question, QuizAttempt


class ChoiceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if len(kept) < 2:
            raise forms.ValidationError("A question needs at least two choices.")
        if sum(1 for f in kept if f.cleaned_data.get("is_correct")) != 1:
            raise forms.ValidationError("Mark exactly one choice as the right answer.")


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    extra = 3
    fields = ("position", "text", "is_correct")


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("prompt", "topic", "is_active")
    list_filter = ("topic", "is_active")
    search_fields = ("prompt", "explanation")
    inlines = [ChoiceInline]


@admin.register(QuizAttempt)
class QuizAttemptAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at", "submitted_at", "score")
    raw_id_fields = ("user",)
    readonly_fields = ("question_ids", "created_at", "submitted_at", "correct", "score")

"""The quests page's JSON (GET /api/v1/me/quests/) and the hunt answer's input and result."""

from rest_framework import serializers

from core.http.fields import StrictCharField

from .models import QuestKind


class ProgressSerializer(serializers.Serializer):
    current = serializers.IntegerField(help_text="Progress so far, at most the target.")
    target = serializers.IntegerField(help_text="Events, XP, days or hunt steps that complete the quest.")


class HuntStepSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    clue = serializers.CharField(allow_null=True, help_text="Null until the earlier steps are solved.")
    link = serializers.CharField(allow_blank=True, help_text="Where on the platform to look.")
    solved = serializers.BooleanField()
    is_open = serializers.BooleanField(help_text="The clue to solve next.")


class QuestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=QuestKind.choices)
    title = serializers.CharField()
    description = serializers.CharField()
    reward_xp = serializers.IntegerField()
    progress = ProgressSerializer()
    steps = HuntStepSerializer(many=True, help_text="A scavenger hunt's clues in order; empty for other quests.")
    completed_at = serializers.DateTimeField(allow_null=True)
    xp_awarded = serializers.IntegerField(allow_null=True, help_text="XP the completion earned (after fair play).")
    expires_at = serializers.DateTimeField(help_text="When the quest's week ends (the weekly reset).")


class ThemeSerializer(serializers.Serializer):
    name = serializers.CharField()
    color_from = serializers.CharField()
    color_to = serializers.CharField()
    icon = serializers.CharField()
    side_quest_id = serializers.IntegerField(allow_null=True)


class StreakBonusSerializer(serializers.Serializer):
    days = serializers.IntegerField()
    xp = serializers.IntegerField()
    earned = serializers.BooleanField(help_text="Earned in the current run.")


class QuizStreakSerializer(serializers.Serializer):
    days = serializers.IntegerField(help_text="Consecutive days with a quiz, up to today (or yesterday).")
    quiz_today = serializers.BooleanField()
    bonuses = StreakBonusSerializer(many=True)


class QuestsPageSerializer(serializers.Serializer):
    week_start = serializers.DateField()
    theme = ThemeSerializer(allow_null=True, help_text="The week's theme for the viewer's circle, if any.")
    quests = QuestSerializer(many=True)
    quiz_streak = QuizStreakSerializer()


class AnswerSerializer(serializers.Serializer):
    answer = StrictCharField(max_length=200, help_text="Compared ignoring case and spaces.")


class AnswerResultSerializer(serializers.Serializer):
    solved = serializers.BooleanField()
    order = serializers.IntegerField()
    next_step = serializers.IntegerField(allow_null=True)
    quest_completed = serializers.BooleanField()
    xp_awarded = serializers.IntegerField(help_text="XP this answer earned (the hunt's reward on the last step).")

from rest_framework import serializers

from core.circles.models import XPSource


class CircleGoalSerializer(serializers.Serializer):
    target_xp = serializers.IntegerField(help_text="The circle's goal for the week (docs/realtime.md).")
    progress_xp = serializers.IntegerField(help_text="XP the circle's members earned together this week.")
    reached = serializers.BooleanField()
    bonus_xp = serializers.IntegerField(help_text="What each member who earned XP this week gets when it is reached.")
    your_xp = serializers.IntegerField(help_text="The viewer's part of `progress_xp`.")


class WeekTotalsSerializer(serializers.Serializer):
    xp_together = serializers.IntegerField()
    people_active = serializers.IntegerField()
    most_popular_activity = serializers.ChoiceField(choices=XPSource.choices, allow_null=True)


class TogetherSerializer(serializers.Serializer):
    """The circle's shared goal and its week against the same people's last week. Never a
    per-member table, never one circle against another."""

    goal = CircleGoalSerializer()
    this_week = WeekTotalsSerializer()
    last_week = WeekTotalsSerializer()

from rest_framework import serializers


class CircleGoalSerializer(serializers.Serializer):
    target_xp = serializers.IntegerField(help_text="The circle's goal for the week (docs/realtime.md).")
    progress_xp = serializers.IntegerField(help_text="XP the circle's members earned together this week.")
    reached = serializers.BooleanField()
    bonus_xp = serializers.IntegerField(help_text="What each member who earned XP this week gets when it is reached.")
    your_xp = serializers.IntegerField(help_text="The viewer's part of `progress_xp`.")


class WeekTotalsSerializer(serializers.Serializer):
    xp_together = serializers.IntegerField()
    people_active = serializers.IntegerField()
    most_popular_activity = serializers.CharField(
        allow_null=True, help_text="The XP source with the most events (one of the feed's `source` values), or null."
    )


class TogetherSerializer(serializers.Serializer):
    """The circle's shared goal and its week against the same people's last week. Never a
    per-member table, never one circle against another."""

    goal = CircleGoalSerializer()
    this_week = WeekTotalsSerializer()
    last_week = WeekTotalsSerializer()

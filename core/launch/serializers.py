from rest_framework import serializers

from core.http.fields import StrictBooleanField

from core.points.models import ActivityType


class CompleteOnboardingSerializer(serializers.Serializer):
    skipped = StrictBooleanField(
        required=False, default=False, help_text="True when the tour was closed before its last step."
    )


class OnboardingSerializer(serializers.Serializer):
    onboarding_completed_at = serializers.DateTimeField(source="completed_at")
    skipped = serializers.BooleanField()


class WayToEarnSerializer(serializers.Serializer):
    activity_type = serializers.ChoiceField(choices=ActivityType.choices)
    source = serializers.CharField(help_text="The XP source events of this activity carry.")
    label = serializers.CharField()
    xp = serializers.IntegerField()


class FairPlayRuleSerializer(serializers.Serializer):
    activity_type = serializers.ChoiceField(choices=ActivityType.choices)
    label = serializers.CharField()
    rules = serializers.ListField(child=serializers.CharField(), help_text="The limits in plain words.")


class ThriveCirclesHelpSerializer(serializers.Serializer):
    ways_to_earn = WayToEarnSerializer(many=True, help_text="XP per activity, from the points table.")
    reset_at = serializers.DateTimeField(help_text="The next weekly reset (Monday at the reset hour in `time_zone`).")
    time_zone = serializers.CharField(help_text="The platform time zone circle weeks follow.")
    fair_play = FairPlayRuleSerializer(many=True, help_text="Each activity's active fair-play limits, from the admin's rules.")

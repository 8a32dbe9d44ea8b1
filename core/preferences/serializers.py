from rest_framework import serializers

from core.http.fields import StrictBooleanField, StrictCharField
from core.users.zones import is_valid_zone


class RestWeekSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        ["none", "planned", "resting"], help_text="none; planned (the coming week); resting (this week, not back yet)."
    )
    week_start = serializers.DateField(allow_null=True, help_text="The Monday of the week rested.")
    starts_at = serializers.DateTimeField(allow_null=True)
    ends_at = serializers.DateTimeField(allow_null=True)
    next_week_start = serializers.DateField(help_text="The week a rest taken now would be.")


class SettingsSerializer(serializers.Serializer):
    time_zone = serializers.CharField(help_text="The person's IANA zone; empty: the platform's.")
    effective_time_zone = serializers.CharField(help_text="The zone their days and times are shown in.")
    platform_time_zone = serializers.CharField()
    next_reset = serializers.DateTimeField(help_text="The next weekly reset (one instant for everyone).")
    next_reset_local = serializers.CharField(help_text="The same reset on the person's clock, ISO 8601 with their offset.")
    next_reset_weekday = serializers.CharField(help_text="Its weekday in the person's zone (Monday, or Sunday west of the platform).")
    rest_week = RestWeekSerializer()


class SettingsUpdateSerializer(serializers.Serializer):
    time_zone = StrictCharField(
        required=False, allow_blank=True, max_length=64,
        help_text="An IANA zone such as 'Asia/Tokyo'; empty goes back to the platform's zone.",
    )
    resting = StrictBooleanField(
        required=False,
        help_text="true: sit out the coming week; false: cancel a planned rest, or come back now (seated this week).",
    )

    def validate_time_zone(self, value: str) -> str:
        if value and not is_valid_zone(value):
            raise serializers.ValidationError(
                f"Unknown time zone {value!r}: use an IANA name such as 'Europe/Paris' or 'America/Los_Angeles'."
            )
        return value

from rest_framework import serializers

from .models import Feature


class RecordViewSerializer(serializers.Serializer):
    feature = serializers.ChoiceField(
        choices=Feature.choices,
        help_text="thrive_circle_page when Your Thrive Circle opens; activity_feed when the circle feed comes into view.",
    )


class KPIQuerySerializer(serializers.Serializer):
    MAX_WEEKS = 52

    weeks = serializers.IntegerField(
        required=False, default=12, min_value=1, max_value=MAX_WEEKS, help_text="How many circle weeks, ending with the running one."
    )


class LevelCountSerializer(serializers.Serializer):
    level = serializers.CharField()
    order = serializers.IntegerField()
    users = serializers.IntegerField()


class WeekMetricsSerializer(serializers.Serializer):
    week_start = serializers.DateField()
    week_end = serializers.DateField()
    is_complete = serializers.BooleanField(help_text="False for the running week (its figures still grow).")
    registered_users = serializers.IntegerField(help_text="Accounts that existed by the week's end.")
    active_users = serializers.IntegerField(help_text="People with at least one award that week (signing in counts).")
    active_share = serializers.FloatField(allow_null=True, help_text="active_users / registered_users (0-1).")
    xp_total = serializers.IntegerField(help_text="Net XP of every event that week, corrections included.")
    avg_xp_per_active_user = serializers.FloatField(allow_null=True)
    activities = serializers.IntegerField(
        help_text="Quizzes, battles, projects and achievements (not sign-ins, streak bonuses or cooldown refusals)."
    )
    activities_per_active_user = serializers.FloatField(allow_null=True)
    previous_active_users = serializers.IntegerField()
    retained_users = serializers.IntegerField(help_text="Active the week before and this week.")
    retention = serializers.FloatField(allow_null=True, help_text="retained_users / previous_active_users (0-1).")
    page_views = serializers.IntegerField(help_text="Your Thrive Circle page views.")
    page_viewers = serializers.IntegerField(help_text="People who opened Your Thrive Circle.")
    feed_views = serializers.IntegerField(help_text="Circle activity feed views.")
    feed_viewers = serializers.IntegerField()
    level_ups = serializers.IntegerField(help_text="People whose level at the week's end is above their level at its start.")
    limited_awards = serializers.IntegerField(help_text="Awards a fair-play rule reduced or refused.")
    spike_flags = serializers.IntegerField(help_text="Weeks flagged for review.")
    level_distribution = LevelCountSerializer(many=True, help_text="People with a Thrive profile by level at the week's end.")


class ThriveCirclesKPIsSerializer(serializers.Serializer):
    generated_at = serializers.DateTimeField()
    weeks = WeekMetricsSerializer(many=True, help_text="Oldest first; the last one is the running week.")

from rest_framework import serializers

from core.http.fields import StrictIntegerField

from .models import Feature
from .services import MAX_SECONDS_PER_REPORT


class PageTimeSerializer(serializers.Serializer):
    seconds = StrictIntegerField(
        min_value=1,
        max_value=MAX_SECONDS_PER_REPORT,
        help_text=f"Seconds Your Thrive Circle was visible since the last report (1-{MAX_SECONDS_PER_REPORT}).",
    )


class PageTimeResultSerializer(serializers.Serializer):
    week_start = serializers.DateField()
    seconds = serializers.IntegerField(help_text="The viewer's visible time on the page this circle week, in seconds.")


class RecordViewSerializer(serializers.Serializer):
    feature = serializers.ChoiceField(
        choices=Feature.choices,
        help_text="thrive_circle_page when Your Thrive Circle opens; activity_feed when the circle feed comes into view.",
    )


class KPIQuerySerializer(serializers.Serializer):
    MAX_WEEKS = 52

    weeks = StrictIntegerField(
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
    previous_page_viewers = serializers.IntegerField(help_text="People who opened Your Thrive Circle the week before.")
    returning_page_viewers = serializers.IntegerField(help_text="Of those, the people who opened it again this week.")
    page_return_rate = serializers.FloatField(allow_null=True, help_text="returning_page_viewers / previous_page_viewers (0-1).")
    page_time_visitors = serializers.IntegerField(help_text="People whose Your Thrive Circle page reported visible time this week.")
    median_page_minutes = serializers.FloatField(
        allow_null=True, help_text="Median visible minutes on Your Thrive Circle per weekly visitor (page_time_visitors)."
    )
    level_ups = serializers.IntegerField(help_text="People whose level at the week's end is above their level at its start.")
    limited_awards = serializers.IntegerField(help_text="Awards a fair-play rule reduced or refused.")
    spike_flags = serializers.IntegerField(help_text="Weeks flagged for review.")
    level_distribution = LevelCountSerializer(many=True, help_text="People with a Thrive profile by level at the week's end.")


class ThriveCirclesKPIsSerializer(serializers.Serializer):
    generated_at = serializers.DateTimeField()
    weeks = WeekMetricsSerializer(many=True, help_text="Oldest first; the last one is the running week.")

from django.contrib.auth import get_user_model
from rest_framework import serializers

from core.http.fields import MetadataField, StrictCharField

from .models import INGESTIBLE_ACTIVITY_CHOICES, ActivityType, PointsHistory


class AwardRequestSerializer(serializers.Serializer):
    user = serializers.SlugRelatedField(
        slug_field="username", queryset=get_user_model().objects.all(), help_text="Username of the person earning points."
    )
    # Quest rewards and streak bonuses are the quest engine's alone (their value is authored there).
    activity_type = serializers.ChoiceField(choices=INGESTIBLE_ACTIVITY_CHOICES)
    metadata = MetadataField(
        required=False, default=dict, help_text="Free-form details (e.g. `title`, `score`); at most 4 KB of JSON, 4 levels, 50 keys."
    )
    idempotency_key = StrictCharField(
        max_length=128, help_text="Unique per award; a retry with the same key returns the first result."
    )


class AwardSerializer(serializers.ModelSerializer):
    user = serializers.CharField(source="user.username")
    xp_event_id = serializers.UUIDField(source="xp_event.id", allow_null=True)
    replayed = serializers.BooleanField(help_text="True when this key was seen before and nothing new was awarded.")
    awarded_by = serializers.CharField(
        source="awarded_by.username", allow_null=True, help_text="The account that made the award (staff or service)."
    )

    class Meta:
        model = PointsHistory
        fields = ["id", "user", "activity_type", "points_awarded", "base_points", "fair_play_rule", "description",
                  "metadata", "created_at", "idempotency_key", "xp_event_id", "replayed", "awarded_by"]
        extra_kwargs = {
            "points_awarded": {"help_text": "Points actually granted, after the fair-play rules."},
            "base_points": {"help_text": "The activity's plan value before the fair-play rules (null on old awards)."},
            "fair_play_rule": {"help_text": "The rule that reduced or refused the award; empty for full points."},
        }


class FreezeKeptSerializer(serializers.Serializer):
    on = serializers.DateField(help_text="The person's own day the freezes were used.")
    streak = serializers.IntegerField(help_text="The streak they kept going.")
    freezes_used = serializers.IntegerField()


class LoginStreakSerializer(serializers.Serializer):
    current_streak = serializers.IntegerField(help_text="Days in a row with a visit, today's included if counted; 0 after a missed day.")
    longest_streak = serializers.IntegerField()
    counted_today = serializers.BooleanField(help_text="Today's visit is already counted.")
    visits_to_next_bonus = serializers.IntegerField(help_text="Daily visits still needed (today's, if not counted) to the next bonus.")
    next_bonus_xp = serializers.IntegerField(help_text="XP of that bonus: 7 days in a row, or 30.")
    streak_freezes = serializers.IntegerField(help_text="Streak freezes held: each covers one missed day (one earned per 7 days in a row).")
    max_streak_freezes = serializers.IntegerField(help_text="The most freezes a person holds at once.")
    freeze_kept = FreezeKeptSerializer(allow_null=True, help_text="The last time freezes kept the streak going, within the past week.")


class DailyLoginSerializer(serializers.Serializer):
    awarded = serializers.BooleanField(help_text="True when this call counted the day; false when it was already counted.")
    login_date = serializers.DateField(help_text="The day counted, in the person's own time zone (their setting, else THRIVE_TIME_ZONE).")
    current_streak = serializers.IntegerField(help_text="Days in a row with a counted login, today included.")
    points_awarded = serializers.IntegerField(help_text="Points (and XP) awarded by this call: 0 when already counted.")

"""Operators' API shapes: assignment runs and the health report."""

from rest_framework import serializers

from ..models import CircleAssignmentRun


class CircleAssignmentRunSerializer(serializers.ModelSerializer):
    """One run of the weekly assignment (staff only: `error` may name internals)."""

    class Meta:
        model = CircleAssignmentRun
        fields = [
            "id", "week_start", "status", "trigger", "started_at",
            "finished_at", "users_placed", "circles_created", "error",
        ]


class HealthRunSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    week_start = serializers.DateField()
    status = serializers.ChoiceField(choices=CircleAssignmentRun.Status.values)
    trigger = serializers.CharField()
    started_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    users_placed = serializers.IntegerField()
    circles_created = serializers.IntegerField()


class HealthCheckSerializer(serializers.Serializer):
    name = serializers.ChoiceField(choices=["circles", "last_run", "seated", "cache"])
    ok = serializers.BooleanField()
    message = serializers.CharField()


class ThriveCirclesHealthSerializer(serializers.Serializer):
    """The weekly assignment's health for monitoring: counts and statuses, no user data."""

    status = serializers.ChoiceField(
        choices=["healthy", "degraded", "unhealthy"],
        help_text="degraded: only the cache (Redis) is down; the site works from the database.",
    )
    checked_at = serializers.DateTimeField()
    week_start = serializers.DateField(help_text="Monday of the running circle week.")
    circles = serializers.IntegerField(help_text="Circles of the running week.")
    eligible_users = serializers.IntegerField(help_text="Users active within THRIVE_INACTIVE_DAYS.")
    unseated_users = serializers.IntegerField(help_text="Eligible users without a circle this week.")
    last_run = HealthRunSerializer(allow_null=True)
    checks = HealthCheckSerializer(many=True)

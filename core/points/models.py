from django.conf import settings
from django.db import models
from django.utils import timezone


class ActivityType(models.TextChoices):
    QUIZ_COMPLETED = "quiz_completed", "Quiz completed"
    BATTLE_PARTICIPATED = "battle_participated", "Prompt Battle entered"
    BATTLE_WON = "battle_won", "Prompt Battle won"
    BATTLE_ROUND_COMPLETED = "battle_round_completed", "Prompt Battle round completed"
    PROJECT_CREATED = "project_created", "Project created"
    PROJECT_PUBLISHED = "project_published", "Project published"
    PROJECT_MILESTONE = "project_milestone", "Project milestone reached"
    DAILY_LOGIN = "daily_login", "Daily login"
    WEEK_STREAK = "week_streak", "7-day streak"
    MONTH_STREAK = "month_streak", "30-day streak"
    ACHIEVEMENT_EARNED = "achievement_earned", "Achievement earned"


class FairPlayLimit(models.TextChoices):
    """The fair-play rule that set an award's points (core/fairplay/limits.py)."""

    NONE = "", "Full points"
    COOLDOWN = "cooldown", "Cooldown (too soon after the previous one)"
    DIMINISHING = "diminishing", "Diminishing returns (repeat of the day)"
    DAILY_CAP = "daily_cap", "Daily cap reached"


class PointsHistory(models.Model):
    """Every points award, as the existing platform records it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="points_history")
    activity_type = models.CharField(max_length=40, choices=ActivityType.choices)
    points_awarded = models.IntegerField()  # what was actually granted, after the fair-play rules
    # The plan's value for the activity before the rules; null on rows written before fair play.
    base_points = models.IntegerField(null=True, blank=True)
    fair_play_rule = models.CharField(max_length=20, choices=FairPlayLimit.choices, blank=True, default="")
    description = models.TextField(blank=True, default="")
    metadata = models.JSONField(default=dict, blank=True)
    # A default rather than auto_now_add so imports and backfills can keep the real time.
    created_at = models.DateTimeField(default=timezone.now)
    # Set by callers that retry (the ingestion API): the same key never awards twice.
    idempotency_key = models.CharField(max_length=128, null=True, blank=True, unique=True)
    # Who made the award through the ingestion API (a staff user or a service account); null for
    # awards the platform makes itself (its activities, daily logins) and for awards made before.
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="awards_made"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "points history"
        permissions = [("award_points", "Can award points through the ingestion API")]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["created_at", "id"]),
            # Fair play counts a user's awards of one activity today with the user's row locked.
            models.Index(fields=["user", "activity_type", "-created_at"], name="points_user_activity_time_idx"),
        ]

    def __str__(self):
        return f"{self.user_id} {self.activity_type} {self.points_awarded:+d}"

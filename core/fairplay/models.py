from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone

from core.points.models import ActivityType

from . import limits


class FairPlayRule(models.Model):
    """Per-activity limits on points, editable in the admin: no deploy needed to change them."""

    activity_type = models.CharField(max_length=40, choices=ActivityType.choices, unique=True)
    full_points_per_day = models.PositiveIntegerField(
        null=True, blank=True, help_text="The first N awards of the day earn full points. Empty: no diminishing returns."
    )
    repeat_decay_percent = models.PositiveSmallIntegerField(
        default=50, validators=[MaxValueValidator(100)],
        help_text="After the first N, each award earns this % of the one before (50 = halving).",
    )
    daily_xp_cap = models.PositiveIntegerField(
        null=True, blank=True, help_text="At most this much XP per day (platform time zone) from the activity. Empty: no cap."
    )
    cooldown_seconds = models.PositiveIntegerField(
        default=0, help_text="An award this soon after the previous one of the activity earns 0 XP. 0: no cooldown."
    )
    is_active = models.BooleanField(default=True, help_text="Untick to award full points for this activity.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["activity_type"]
        constraints = [
            models.CheckConstraint(condition=models.Q(repeat_decay_percent__lte=100), name="fairplay_decay_at_most_100"),
        ]

    def __str__(self):
        return f"Fair play: {self.get_activity_type_display()}"

    def as_limits(self) -> limits.Limits:
        return limits.Limits(
            full_points_per_day=self.full_points_per_day,
            repeat_decay_percent=self.repeat_decay_percent,
            daily_xp_cap=self.daily_xp_cap,
            cooldown_seconds=self.cooldown_seconds,
        )


class SpikeReview(models.Model):
    """A week whose XP is far above the person's own pattern, waiting for a person to decide.

    Never shown to other members; the flagged user keeps their circle while it waits.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected (XP reversed)"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="spike_reviews")
    week_start = models.DateField(help_text="Monday of the flagged circle week.")
    weekly_xp = models.IntegerField(help_text="The week's XP when it was flagged.")
    baseline_xp = models.IntegerField(help_text="Median XP of the previous weeks: the person's usual week.")
    threshold_xp = models.IntegerField(help_text="The week was flagged for going above this.")
    prior_weeks_xp = models.JSONField(default=list, blank=True, help_text="XP of each previous week, oldest first.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    flagged_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True, default="", help_text="The reviewer's reasons.")
    reversed_xp = models.IntegerField(default=0, help_text="XP taken back by a rejection.")
    correction_event = models.OneToOneField(
        "circles.XPEvent", on_delete=models.PROTECT, null=True, blank=True, related_name="spike_review"
    )

    class Meta:
        ordering = ["-flagged_at"]
        constraints = [models.UniqueConstraint(fields=["user", "week_start"], name="fairplay_one_review_per_user_week")]
        indexes = [models.Index(fields=["status", "-flagged_at"]), models.Index(fields=["week_start"])]

    def __str__(self):
        return f"{self.user} week of {self.week_start}: {self.weekly_xp} XP ({self.get_status_display()})"

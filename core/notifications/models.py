from django.conf import settings
from django.db import models
from django.utils import timezone

from .kinds import Kind


class Notification(models.Model):
    """Something a person should hear about, shown in the bell. Exists once per (user, dedupe_key):
    a receiver or task run twice (a retry, a second worker) finds the row already there."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # What makes it the same notification: "kudos:<id>", "streak:<local date>", "circle:<week>"...
    dedupe_key = models.CharField(max_length=120)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "dedupe_key"], name="notification_once_per_key")]
        indexes = [
            models.Index(fields=["user", "-id"], name="notification_user_newest"),
            models.Index(fields=["user"], condition=models.Q(read_at__isnull=True), name="notification_user_unread"),
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind} {self.dedupe_key}"


class NotificationPreferences(models.Model):
    """A person's opt-outs. No row means everything on (the defaults)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences")
    circle_assigned = models.BooleanField(default=True)
    goal_reached = models.BooleanField(default=True)
    kudos_received = models.BooleanField(default=True)
    quest_completed = models.BooleanField(default=True)
    level_reached = models.BooleanField(default=True)
    streak_at_risk = models.BooleanField(default=True)
    weekly_recap = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "notification preferences"


class RecapDelivery(models.Model):
    """The claim on one person's weekly recap email for one week (the person's local Monday).

    Claimed (committed) before sending, so a retry or a second worker never sends it twice. A send
    that fails with an error releases the claim for the next run; a crash between the claim and the
    send leaves it `sending`, and it is then never sent: at most once, by choice (docs/notifications.md).
    """

    class Status(models.TextChoices):
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recap_deliveries")
    week_start = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "recap deliveries"
        constraints = [models.UniqueConstraint(fields=["user", "week_start"], name="recap_once_per_week")]

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.circles.models import ThriveCircle

MAX_LENGTH = 500  # characters after cleaning and trimming (text.py)


class ChatMessage(models.Model):
    """One message of a circle's chat. The circle is the circle of one week; `week_start` is kept
    on the row so retention deletes by week without a join."""

    id = models.BigAutoField(primary_key=True)
    circle = models.ForeignKey(ThriveCircle, on_delete=models.CASCADE, related_name="+")
    week_start = models.DateField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_messages")
    text = models.TextField()  # plain text, already cleaned and masked: shown as text, never as HTML
    created_at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        indexes = [
            models.Index(fields=["circle", "-id"], name="chat_message_circle_newest"),
            models.Index(fields=["author", "created_at"], name="chat_message_author_recent"),
            models.Index(fields=["week_start"], name="chat_message_week"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.text[:40]}"

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None


class Decision(models.TextChoices):
    PENDING = "pending", "Pending"
    HIDDEN = "hidden", "Message hidden"
    AUTHOR_MUTED = "author_muted", "Message hidden and author muted"
    DISMISSED = "dismissed", "Dismissed (no action)"


class ChatReport(models.Model):
    """A member's report of a message: the moderation queue (admin). It keeps a copy of the
    reported message so the report and its decision outlive the message (retention)."""

    message = models.ForeignKey(ChatMessage, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    circle = models.ForeignKey(ThriveCircle, on_delete=models.SET_NULL, null=True, related_name="+")
    message_author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    message_text = models.TextField()
    message_created_at = models.DateTimeField()
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["decision", "created_at"], name="chat_report_queue")]
        constraints = [
            models.UniqueConstraint(fields=["message", "reporter"], name="chat_report_once_per_reporter"),
        ]

    def __str__(self):
        return f"Report #{self.pk} ({self.get_decision_display()})"


class ChatMute(models.Model):
    """Staff muted a person's chat until `until` (they can still read)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_mutes")
    until = models.DateTimeField()
    reason = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "chat mute by staff"
        verbose_name_plural = "chat mutes by staff"
        indexes = [models.Index(fields=["user", "until"], name="chat_mute_active")]

    def __str__(self):
        return f"{self.user} muted until {self.until:%Y-%m-%d %H:%M}"


class ClosedCircleChat(models.Model):
    """Staff turned the chat off for one circle (its members can read, nobody can send)."""

    circle = models.OneToOneField(ThriveCircle, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=200, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    closed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "circle with chat turned off"
        verbose_name_plural = "circles with chat turned off"

    def __str__(self):
        return f"Chat off: {self.circle}"


class PersonalMute(models.Model):
    """A member chose not to see another member's messages (only for themselves)."""

    muter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    muted = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["muter", "muted"], name="chat_personal_mute_once")]

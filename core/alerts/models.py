from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q


class Alert(models.Model):
    """One incident an operator was told about. While it is open (not resolved) its key cannot be
    raised again, so a problem that lasts is announced once; once resolved, the next occurrence is a
    new incident with a new alert."""

    key = models.CharField(
        max_length=200, help_text="The incident, e.g. assignment_failed:2026-11-30. One open alert per key."
    )
    event = models.CharField(max_length=100, help_text="Stable event name, e.g. thrive.alert.assignment_failed.")
    summary = models.CharField(max_length=300)
    details = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    raised_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True, help_text="When a check found the problem gone.")

    class Meta:
        ordering = ["-raised_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(resolved_at__isnull=True), name="alerts_one_open_alert_per_key"
            )
        ]

    def __str__(self):
        state = "open" if self.resolved_at is None else "resolved"
        return f"{self.event} ({self.key}, {state})"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

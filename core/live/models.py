from django.conf import settings
from django.db import models
from django.utils import timezone

from core.circles.models import ThriveCircle, XPEvent


class Reaction(models.TextChoices):
    """The fixed set of kudos: kind words only, no scores."""

    CLAP = "clap", "Clap"
    HEART = "heart", "Heart"
    SPARKLES = "sparkles", "Sparkles"
    ROCKET = "rocket", "Rocket"
    FLOWER = "flower", "Flower"


class Kudos(models.Model):
    """A reaction one circle member gave to another's XP event. Gives no XP."""

    event = models.ForeignKey(XPEvent, on_delete=models.CASCADE, related_name="kudos")
    giver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kudos_given")
    reaction = models.CharField(max_length=20, choices=Reaction.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "kudos"
        constraints = [
            # A repeat is a no-op, also when two requests race: the database refuses the second row.
            models.UniqueConstraint(fields=["event", "giver", "reaction"], name="kudos_once_per_reaction"),
        ]

    def __str__(self):
        return f"{self.giver_id} {self.reaction} {self.event_id}"


class Presence(models.Model):
    """One open circle page (a socket), so every server process sees who is online.

    A row whose server died stays until it is older than LIVE_PRESENCE_STALE_SECONDS: open pages
    refresh `seen_at` with their pings, so a stale row drops out of `online` by itself.
    """

    channel_name = models.CharField(max_length=200, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    circle = models.ForeignKey(ThriveCircle, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["circle", "seen_at"])]


class LayerMessage(models.Model):
    """A message of the database channel layer (layers.py), read by every server process's poller."""

    id = models.BigAutoField(primary_key=True)
    origin = models.CharField(max_length=32)
    group = models.CharField(max_length=100, blank=True, default="")
    channel = models.CharField(max_length=200, blank=True, default="")
    payload = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

from django.conf import settings
from django.db import models
from django.utils import timezone


class LevelReached(models.Model):
    """A person reached a Thrive Circle level: once per level per person, whatever the XP does later.

    Feeds the circle's "maya_3 reached Explorer" item and the person's own celebration, shown until
    they close it (`celebrated_at`).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="levels_reached")
    level = models.ForeignKey("circles.ThriveCircleLevel", on_delete=models.CASCADE, related_name="+")
    reached_at = models.DateTimeField(default=timezone.now)
    celebrated_at = models.DateTimeField(null=True, blank=True, help_text="When the person closed the celebration.")

    class Meta:
        ordering = ["-reached_at"]
        verbose_name_plural = "levels reached"
        constraints = [models.UniqueConstraint(fields=["user", "level"], name="moments_one_per_level_per_user")]
        indexes = [models.Index(fields=["reached_at"])]

    def __str__(self):
        return f"{self.user} reached {self.level.name}"

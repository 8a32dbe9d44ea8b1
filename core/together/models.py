from django.conf import settings
from django.db import models
from django.utils import timezone

from core.circles.models import ThriveCircle, XPEvent


class CircleGoal(models.Model):
    """A circle's shared goal for its week, fixed when first needed so it never moves mid-week."""

    circle = models.OneToOneField(ThriveCircle, on_delete=models.CASCADE, related_name="+")
    target_xp = models.PositiveIntegerField()
    reached_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.circle_id}: {self.target_xp} XP"


class GoalBonus(models.Model):
    """The bonus one member got when their circle reached its goal: at most one per goal and person."""

    goal = models.ForeignKey(CircleGoal, on_delete=models.CASCADE, related_name="bonuses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    event = models.OneToOneField(XPEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # The guarantee of "once", also for concurrent awards and retries: the database refuses a second row.
            models.UniqueConstraint(fields=["goal", "user"], name="goal_bonus_once_per_person"),
        ]

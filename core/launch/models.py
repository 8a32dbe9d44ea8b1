from django.conf import settings
from django.db import models


class OnboardingTour(models.Model):
    """A user's first-visit tour of Your Thrive Circle, finished or skipped: shown once per user,
    on whichever device they open first."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="onboarding_tour"
    )
    completed_at = models.DateTimeField()
    skipped = models.BooleanField(default=False, help_text="Closed before the last step.")

    def __str__(self):
        return f"{self.user} {'skipped' if self.skipped else 'finished'} the tour at {self.completed_at:%Y-%m-%d %H:%M}"

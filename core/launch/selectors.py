from datetime import datetime

from .models import OnboardingTour


def onboarding_completed_at(user) -> datetime | None:
    """When the user finished or skipped the tour of Your Thrive Circle (None: not yet)."""
    return OnboardingTour.objects.filter(user=user).values_list("completed_at", flat=True).first()

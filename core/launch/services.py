from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import OnboardingTour


def complete_onboarding(user, *, skipped: bool = False) -> tuple[OnboardingTour, bool]:
    """Remember that `user` has seen the tour. Idempotent: the first call wins (its time and
    whether it was skipped are kept), later and concurrent calls return that record.
    Returns (record, created)."""
    try:
        with transaction.atomic():
            return OnboardingTour.objects.create(user=user, completed_at=timezone.now(), skipped=skipped), True
    except IntegrityError:  # already recorded, possibly by a request racing this one
        return OnboardingTour.objects.get(user=user), False

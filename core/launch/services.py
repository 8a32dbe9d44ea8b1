from django.db import IntegrityError, transaction
from django.utils import timezone
from waffle.models import Flag

from .flags import THRIVE_CIRCLES_FLAG
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


def open_thrive_circles_to_everyone() -> Flag:
    """Everyone sees Thrive Circles (the flag's Everyone = Yes), as the demo community does. The
    beta fields are kept, so going back to beta later is one field. Idempotent.

    Saved through the model, so waffle drops its cached copy once the change commits."""
    flag, _ = Flag.objects.get_or_create(name=THRIVE_CIRCLES_FLAG)
    if flag.everyone is not True:
        flag.everyone = True
        flag.save()
    return flag

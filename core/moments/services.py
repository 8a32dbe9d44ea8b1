"""Writes of level-up moments."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from core.exceptions import NotFound

from .models import LevelReached


def record_level_reached(user, level, *, at: datetime | None = None) -> LevelReached | None:
    """Remember that `user` reached `level`; returns the new row, or None if it was already known.

    Idempotent by the (user, level) unique constraint: two racing awards that both announce a
    level, or a level regained after a correction, still make one moment.
    """
    moment, created = LevelReached.objects.get_or_create(
        user=user, level=level, defaults={"reached_at": at or timezone.now()}
    )
    return moment if created else None


@transaction.atomic
def mark_celebrated(user, moment_id: int) -> LevelReached:
    """The person closed the celebration of `moment_id` (theirs). Idempotent."""
    moment = LevelReached.objects.select_for_update().filter(pk=moment_id, user=user).first()
    if moment is None:
        raise NotFound("No such level-up to celebrate.")
    if moment.celebrated_at is None:
        moment.celebrated_at = timezone.now()
        moment.save(update_fields=["celebrated_at"])
    return moment

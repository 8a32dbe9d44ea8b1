"""Writes of level-up moments."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from core.circles import weeks
from core.exceptions import NotFound
from core.live import groups as live_groups
from core.live.selectors import membership
from core.live.services import relay_on_commit

from .models import LevelReached
from .serializers import level_up_item


def record_level_reached(user, level, *, at: datetime | None = None) -> LevelReached | None:
    """Remember that `user` reached `level`; returns the new row, or None if it was already known.

    Idempotent by the (user, level) unique constraint: two racing awards that both announce a
    level, or a level regained after a correction, still make one moment.
    """
    moment, created = LevelReached.objects.get_or_create(
        user=user, level=level, defaults={"reached_at": at or timezone.now()}
    )
    if not created:
        return None
    announce_level_up(moment)
    return moment


def announce_level_up(moment: LevelReached) -> None:
    """After commit, send `{"type": "level_up", "level_up": {...}}` to the open pages of the person's
    circle of the running week (their own included), the item being the one the page's feed shows.

    Nobody without a circle this week is announced, nor a level reached outside the running week
    (a backdated award): the page's feed would not show it either.
    """
    circle = membership(moment.user)
    if circle is None:
        return
    start, end = weeks.week_bounds(circle.week)
    if not start <= moment.reached_at < end:
        return
    relay_on_commit(
        live_groups.circle_group(circle.circle_id, circle.week), {"type": "level_up", "level_up": level_up_item(moment)}
    )


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

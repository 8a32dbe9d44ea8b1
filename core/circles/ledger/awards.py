"""Recording one XP award and announcing it once it commits."""

from datetime import datetime

from ..models import XPEvent, XPSource
from ..signals import level_reached, send_on_commit, xp_recorded
from . import writes
from .levels import level_by_id


def new_event(
    user, amount, source=None, description=None, *, metadata=None, points_history=None, now: datetime
) -> XPEvent:
    """An unsaved event as the plan describes it ("Earned 20 XP" when no description is given)."""
    amount = int(amount)
    return XPEvent(
        user=user,
        amount=amount,
        source=source or XPSource.OTHER,
        description=description or f"Earned {amount} XP",
        metadata=metadata or {},
        points_history=points_history,
        timestamp=now,
    )


def record_award(profile_id: int, event: XPEvent, week, *, level_before: int) -> XPEvent:
    """Write `event` and its counters (`writes.record`), then announce it after commit: always
    `xp_recorded`, and `level_reached` when the award lifted the profile above `level_before`
    (the level read before the write; a racing award may announce the same level too, so
    receivers that must act once per level keep a unique key)."""
    level_after = writes.record(profile_id, event, week)
    send_on_commit(xp_recorded, event=event)
    if level_after != level_before and level_by_id(level_after).order > level_by_id(level_before).order:
        send_on_commit(level_reached, user=event.user, level=level_by_id(level_after), event=event)
    return event

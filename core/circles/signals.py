"""Domain events of Thrive Circles, sent only once the transaction that caused them commits.

Features built on the circles (the live feed, notifications, quests) subscribe here instead of
being called by the ledger, so the ledger depends on none of them. Receivers run after commit
and outside the award's transaction; a failing receiver is logged and never undoes an award.
"""

import logging

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# An XP event was committed. Receivers get `event` (an XPEvent with `user` loaded).
xp_recorded = Signal()
# An award lifted a person to a higher level. Receivers get `user`, `level` (the new
# ThriveCircleLevel) and `event` (the award). Rarely, two racing awards both announce one level.
level_reached = Signal()
# Asked, not announced: while the page is assembled, receivers get `event_ids` (the feed's, as
# strings) and `viewer_id` and return {event id: [{"key", "count", "mine"}]}, the feed items'
# reactions (core/live's kudos). The page thereby imports none of the apps built on it.
feed_reactions_requested = Signal()
# People got their seat in a week's circles. Receivers get `week` (the circle week's Monday) and
# `profile_ids` (UserThriveProfile ids, or None: everyone seated in `week`, after the weekly job).
circle_seated = Signal()


def send_on_commit(signal: Signal, **kwargs) -> None:
    """Send `signal` after the current transaction commits (at once outside a transaction)."""

    def send() -> None:
        for receiver, result in signal.send_robust(sender=None, **kwargs):
            if isinstance(result, Exception):
                logger.error("Receiver %r of a Thrive Circles event failed", receiver, exc_info=result)

    transaction.on_commit(send)

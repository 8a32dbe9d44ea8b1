"""The plan's public faces for writes: `XPService` and `CircleAssignmentService`.

Other apps (points, fair play, insights, launch...) and code written against the plan call these;
the work happens in the packages (ledger/, assignment/, page/, ops/: see docs/architecture.md).
"""

from datetime import datetime

from . import weeks
from .assignment.joining import add_xp, join_thrive_circles
from .assignment.resting import leave_week, seat_in_week
from .assignment.weekly import CircleAssignmentService
from .ledger.levels import load_default_levels
from .ledger.writes import record_past_events
from .page.selectors import circle_activity
from .page.serializers import CircleFeedEventSerializer

__all__ = [
    "CircleAssignmentService", "XPService", "circle_feed_item", "join_thrive_circles", "leave_week", "load_default_levels",
    "record_past_events", "seat_in_week",
]


class XPService:
    """The plan's XP service."""

    add_xp = staticmethod(add_xp)

    @staticmethod
    def get_next_monday() -> datetime:
        """The plan's name for the next weekly reset (Monday at the reset hour, platform time zone)."""
        return weeks.next_reset()

    @staticmethod
    def get_circle_activity(circle, limit=20):
        """The plan's name for a circle's recent XP events during its week."""
        return circle_activity(circle, limit=limit)


def circle_feed_item(event, *, viewer_id: int | None) -> dict:
    """`event` exactly as an item of the page's `recent_activity` shows it to `viewer_id` (the
    owner sees their full metadata, others the shared keys), without reactions yet: for features
    that push feed items as they happen (core/live)."""
    return dict(CircleFeedEventSerializer(event, context={"viewer_id": viewer_id}).data)

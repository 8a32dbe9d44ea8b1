"""The part of Your Thrive Circle that all of a circle's members share: its members and feed.

It is serialised once per circle and cached under a key that changes whenever a member earns XP
(the circle's size and latest activity are part of it), so a cached copy is never stale and
needs no invalidation, also with several web processes each holding its own cache. Each viewer
gets it personalised: without themselves among the members, with their own events' full metadata
and fair-play notes.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max

from ..models import ThriveCircle, UserThriveProfile
from . import selectors
from .serializers import UserThriveProfileSerializer, CircleFeedEventSerializer, owner_view

FEED_LENGTH = 20
CACHE_SECONDS = 300  # keys change with every award; this only bounds memory


def _shared(circle: ThriveCircle, week) -> dict:
    marker = UserThriveProfile.objects.filter(memberships__circle=circle).aggregate(
        size=Count("id"), latest=Max("last_activity_at")
    )
    latest = marker["latest"].timestamp() if marker["latest"] else 0
    # v3: with the members' time zones (for "why this circle"). v2: the owner's part is (description, metadata), no longer metadata alone; a new prefix keeps
    # sections cached by the previous release from being read in the new shape.
    key = f"thrive-circle-section:v3:{circle.id}:{week}:{marker['size']}:{latest}"
    section = cache.get(key)
    if section is None:
        members = selectors.circle_members(circle, limit=settings.THRIVE_CIRCLE_MAX_SIZE + 1)
        events = selectors.circle_activity(circle, limit=FEED_LENGTH)
        section = {
            "member_count": marker["size"],
            "members": [dict(member) for member in UserThriveProfileSerializer(members, many=True).data],
            # (username, time zone name): "why this circle" counts members in nearby zones.
            "zones": [(member.user.username, member.user.time_zone) for member in members],
            # Serialised as other members see them, with the owner and what only they see kept aside.
            "events": [
                (event.user_id, owner_view(event), dict(data))
                for event, data in zip(events, CircleFeedEventSerializer(events, many=True).data)
            ],
        }
        cache.set(key, section, CACHE_SECONDS)
    return section


def circle_section(circle: ThriveCircle | None, *, viewer, week) -> dict:
    """{"member_count", "members", "events", "zones"} for `viewer`, serialised; empty without a circle."""
    if circle is None:
        return {"member_count": 0, "members": [], "events": [], "zones": []}
    section = _shared(circle, week)
    return {
        "member_count": section["member_count"],
        "zones": [zone for username, zone in section["zones"] if username != viewer.username],
        "members": [m for m in section["members"] if m["username"] != viewer.username][: settings.THRIVE_CIRCLE_MAX_SIZE],
        "events": [
            {**data, **owned} if user_id == viewer.pk else data for user_id, owned, data in section["events"]
        ],
    }

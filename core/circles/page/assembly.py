"""Your Thrive Circle, assembled: everything the page shows, for one viewer."""

from datetime import datetime, timedelta

from django.utils import timezone

from .. import weeks
from ..ledger.levels import level_table
from ..models import ThriveCircle, UserThriveProfile
from ..signals import feed_reactions_requested
from .circle_section import circle_section
from .recommendations import activity_for, recommended_actions
from .why import why_this_circle


def circle_status(circle: ThriveCircle | None, week) -> str:
    if circle is None:
        return "forming"
    return "active" if circle.week_start == week else "ended"


def with_reactions(events: list[dict], *, viewer_id: int) -> list[dict]:
    """Serialised feed items with the reactions `viewer_id` sees (from feed_reactions_requested)."""
    reactions: dict[str, list[dict]] = {}
    if events:
        ids = [str(event["id"]) for event in events]
        for _, answer in feed_reactions_requested.send(sender=None, event_ids=ids, viewer_id=viewer_id):
            reactions.update(answer)
    return [{**event, "reactions": reactions.get(str(event["id"]), [])} for event in events]


def thrive_circle_page(profile: UserThriveProfile, *, now: datetime | None = None) -> dict:
    """Everything the Your Thrive Circle page shows, for a profile from `profile_for_page` (same `now`).

    Members and feed come serialised from the shared, cached circle section."""
    now = now or timezone.now()
    week = weeks.week_start_for(now)
    next_level = level_table().next_after(profile.current_level)
    xp_to_next = max(0, next_level.min_xp - profile.total_xp) if next_level else 0
    circle = profile.circle
    section = circle_section(circle, viewer=profile.user, week=week)
    if circle is not None:
        circle.member_count = section["member_count"]
    reset_at = weeks.next_reset(now)
    return {
        "user_profile": profile,
        "current_level": profile.current_level,
        "current_circle": circle,
        "circle_members": section["members"],  # already serialised (circle_section.py)
        "recent_activity": with_reactions(section["events"], viewer_id=profile.user_id),
        "next_level": next_level,
        "xp_to_next_level": xp_to_next,
        "time_until_reset_seconds": max(0, int((reset_at - now).total_seconds())),
        "recommended_actions": recommended_actions(
            activity_for(profile, week),
            xp_to_next_level=xp_to_next,
            next_level_name=next_level.name if next_level else None,
        ),
        "reset_at": reset_at,
        "week_start": week,
        "week_end": week + timedelta(days=6),
        "circle_status": circle_status(circle, week),
        "why": why_this_circle(profile, circle, members=section["members"], zones=section["zones"], now=now),
    }

""""Why you're in this circle", in plain words and a few facts: never a rank or a position.

The weekly job seats people of one level by XP, so a circle holds people with similar XP this
week; anyone active in the last THRIVE_INACTIVE_DAYS gets a seat. The zones are the members'
own (core.users.zones), told as how many live within a few hours of the viewer's clock.
"""

from datetime import datetime

from django.conf import settings

from core.users.zones import zone_named

from ..models import ThriveCircle, UserThriveProfile

NEARBY_HOURS = 3


def _offset_hours(zone_name: str, now: datetime) -> float:
    return zone_named(zone_name).utcoffset(now).total_seconds() / 3600


def why_this_circle(
    profile: UserThriveProfile, circle: ThriveCircle | None, *, members: list[dict], zones: list[str], now: datetime
) -> dict | None:
    """The facts behind the viewer's seat in `circle` (members and zones: the others'), or None."""
    if circle is None:
        return None
    xps = [member["total_xp"] for member in members] + [profile.total_xp]
    mine = _offset_hours(profile.user.time_zone, now)
    nearby = sum(1 for zone in zones if abs(_offset_hours(zone, now) - mine) <= NEARBY_HOURS)
    active_this_week = profile.xp_this_week > 0
    level = circle.level.name
    words = [
        f"You're at the {level} level, and this circle gathers {level} people with similar XP "
        f"this week (from {min(xps)} to {max(xps)} XP in all).",
        "You've been earning XP this week." if active_this_week
        else f"You were active in the last {settings.THRIVE_INACTIVE_DAYS} days, which keeps your seat.",
    ]
    if len(zones) == 1:
        where = "within" if nearby else "more than"
        words.append(f"The one other member's clock is {where} {NEARBY_HOURS} hours of yours.")
    elif zones:
        words.append(f"{nearby} of the {len(zones)} others live within {NEARBY_HOURS} hours of your clock.")
    return {
        "level_name": level,
        "xp_min": min(xps),
        "xp_max": max(xps),
        "active_this_week": active_this_week,
        "members_nearby": nearby,
        "members_elsewhere": len(zones) - nearby,
        "nearby_hours": NEARBY_HOURS,
        "summary": " ".join(words),
    }

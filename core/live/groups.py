"""Every channel-layer group name, in one place.

Group names may hold ASCII letters, digits, hyphens, underscores and periods (under 100 chars).
"""

from datetime import date


def circle_group(circle_id, week: date) -> str:
    """Everyone with the circle's page open during `week`: activity, presence, kudos, goal."""
    return f"thrive-circle.{circle_id}.{week:%Y%m%d}"


def user_group(user_id: int) -> str:
    """One person's open pages (any tab, any device): what only they may see."""
    return f"thrive-user.{user_id}"

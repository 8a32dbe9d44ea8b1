"""Reads of level-up moments."""

from core.circles import weeks
from core.circles.models import UserThriveProfile

from .models import LevelReached

FEED_LIMIT = 20


def pending_celebration(user) -> LevelReached | None:
    """The highest level the person reached and has not celebrated yet (one moment at a time)."""
    return (
        LevelReached.objects.filter(user=user, celebrated_at__isnull=True)
        .select_related("level")
        .order_by("-level__order")
        .first()
    )


def circle_level_ups(user, *, limit: int = FEED_LIMIT) -> list[LevelReached]:
    """Levels reached by the members of the viewer's circle during the circle's week, newest first."""
    circle_id, week_start = (
        UserThriveProfile.objects.filter(user=user).values_list("current_circle_id", "current_circle__week_start").first()
        or (None, None)
    )
    if circle_id is None:
        return []
    start, end = weeks.week_bounds(week_start)
    return list(
        LevelReached.objects.filter(
            user__thrive_profile__current_circle_id=circle_id, reached_at__gte=start, reached_at__lt=end
        )
        .select_related("user", "level")
        .order_by("-reached_at", "-pk")[:limit]
    )

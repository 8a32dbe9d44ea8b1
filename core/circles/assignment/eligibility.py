"""Who gets a circle: anyone with XP activity (or who joined) within THRIVE_INACTIVE_DAYS, except
accounts that are not learners: staff (unless THRIVE_PLACE_STAFF) and members of the group named
by THRIVE_NOT_PLACED_GROUP (service and test accounts). Such accounts keep their own XP history
but sit in no circle, so they never appear among a circle's members or in its feed.

A person resting for a week (`User.resting_week`, issue 17) is left out of that week only, by
the same rule; coming back early (`User.rest_ended_on`) makes them eligible again."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import UserThriveProfile


def active_since(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.THRIVE_INACTIVE_DAYS)


def not_placed_users(week: date | None = None) -> list[QuerySet]:
    """Ids of the accounts not placed in a circle, whatever their activity, as sets that each
    come from a small index: never (the not-placed group; staff), or in `week` only (resting
    that week and not back yet). One condition OR-ing them read every user (0.27 s at 1M, twice
    per weekly run)."""
    users = get_user_model().objects
    sets = [users.filter(groups__name=settings.THRIVE_NOT_PLACED_GROUP).values("pk")]
    if not settings.THRIVE_PLACE_STAFF:
        sets.append(users.filter(Q(is_staff=True) | Q(is_superuser=True)).values("pk"))  # user_not_learner_idx
    if week is not None:
        sets.append(users.filter(resting_week=week, rest_ended_on__isnull=True).values("pk"))  # user_resting_week_idx
    return sets


def not_placed_sql(user_column: str, week: date | None = None) -> tuple[str, tuple]:
    """The same rule for raw SQL: a condition on `user_column` and its parameters."""
    parts = [users.query.sql_with_params() for users in not_placed_users(week)]
    return " AND ".join(f"{user_column} NOT IN ({sql})" for sql, _ in parts), tuple(p for _, params in parts for p in params)


def eligible_profiles(now: datetime | None = None, *, week: date | None = None) -> QuerySet[UserThriveProfile]:
    """The people to seat in `week` (None: only the rules that hold every week)."""
    profiles = UserThriveProfile.objects.filter(last_activity_at__gte=active_since(now))
    for users in not_placed_users(week):
        profiles = profiles.exclude(user_id__in=users)
    return profiles

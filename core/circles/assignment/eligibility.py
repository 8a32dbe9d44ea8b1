"""Who gets a circle: anyone with XP activity (or who joined) within THRIVE_INACTIVE_DAYS, except
accounts that are not learners: staff (unless THRIVE_PLACE_STAFF) and members of the group named
by THRIVE_NOT_PLACED_GROUP (service and test accounts). Such accounts keep their own XP history
but sit in no circle, so they never appear among a circle's members or in its feed."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import UserThriveProfile


def active_since(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.THRIVE_INACTIVE_DAYS)


def not_placed_users() -> QuerySet:
    """Ids of the accounts never placed in a circle, whatever their activity."""
    rule = Q(groups__name=settings.THRIVE_NOT_PLACED_GROUP)
    if not settings.THRIVE_PLACE_STAFF:
        rule |= Q(is_staff=True) | Q(is_superuser=True)
    return get_user_model().objects.filter(rule).values("pk")


def not_placed_sql(user_column: str) -> tuple[str, tuple]:
    """The same rule for raw SQL: a condition on `user_column` and its parameters."""
    sql, params = not_placed_users().query.sql_with_params()
    return f"{user_column} NOT IN ({sql})", params


def eligible_profiles(now: datetime | None = None) -> QuerySet[UserThriveProfile]:
    return UserThriveProfile.objects.filter(last_activity_at__gte=active_since(now)).exclude(
        user_id__in=not_placed_users()
    )

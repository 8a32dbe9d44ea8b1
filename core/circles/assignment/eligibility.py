"""Who gets a circle: anyone with XP activity (or who joined) within THRIVE_INACTIVE_DAYS."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from ..models import UserThriveProfile


def active_since(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.THRIVE_INACTIVE_DAYS)


def eligible_profiles(now: datetime | None = None) -> QuerySet[UserThriveProfile]:
    return UserThriveProfile.objects.filter(last_activity_at__gte=active_since(now))

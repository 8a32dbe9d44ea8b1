"""Awards made the way the platform makes them (PointsService), at a chosen moment, with the
circles' after-commit signals delivered as they are in production."""

from datetime import datetime

import pytest
import time_machine

from core.points.models import ActivityType
from core.points.services import PointsService
from core.users.tests.factories import UserFactory

QUIZ = ActivityType.QUIZ_COMPLETED


@pytest.fixture
def award(django_capture_on_commit_callbacks):
    """award(user, activity, at=None): one award through PointsService, its signals delivered."""

    def make(user, activity=QUIZ, *, at: datetime | str | None = None, metadata=None):
        with django_capture_on_commit_callbacks(execute=True):
            if at is None:
                return PointsService.award_points(user, activity, metadata or {})
            with time_machine.travel(at, tick=False):
                return PointsService.award_points(user, activity, metadata or {})

    return make


@pytest.fixture
def user(levels):
    return UserFactory()

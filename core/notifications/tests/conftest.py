import pytest
from rest_framework.test import APIClient

from core.circles.models import CircleMembership
from core.circles.tests.factories import CircleFactory, ProfileFactory


def seated(username, circle, **fields):
    """A profile seated in `circle` for its week (as the weekly job seats people)."""
    profile = ProfileFactory(user__username=username, current_circle=circle, **fields)
    CircleMembership.objects.create(week_start=circle.week_start, profile=profile, circle=circle)
    return profile


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def circle(levels, midweek):
    """ana and ben in one circle of the running week."""
    one = CircleFactory()
    return {"circle": one, "ana": seated("ana", one).user, "ben": seated("ben", one).user}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run a callable with its after-commit work (signals, live messages) delivered, as in production."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run

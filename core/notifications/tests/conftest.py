import pytest

from core.circles.tests.factories import CircleFactory
from core.live.tests.conftest import seated
from core.testing import client_for  # noqa: F401  (the tests import it from here)


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

"""Shared fixtures. Services: PostgreSQL-only tests skip on SQLite (the PostgreSQL pass of
`make test` runs them); Celery tests need Redis, and with CI=true a missing Redis fails them."""

import os
import socket

import pytest
from django.core.cache import caches
from django.db import connection


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def pytest_runtest_setup(item):
    needs_postgres = item.get_closest_marker("postgres") or item.get_closest_marker("celery")
    if needs_postgres and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: runs in the PostgreSQL pass of `make test`")
    if item.get_closest_marker("celery") and not _redis_up():
        message = "needs Redis at 127.0.0.1:6379 for a real Celery broker"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    if item.get_closest_marker("redis") and not _redis_up():
        message = "needs Redis at 127.0.0.1:6379 for the Redis channel layer"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)


@pytest.fixture(autouse=True)
def _fresh_cache():
    for cache in caches.all():
        cache.clear()  # throttling counters and feature flags must not leak between tests
    yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as migrated, with Thrive Circles opened to everyone (see below)."""
    from core.launch.services import open_thrive_circles_to_everyone

    with django_db_blocker.unblock():
        open_thrive_circles_to_everyone()


@pytest.fixture(autouse=True)
def _thrive_circles_launched(settings):
    """Tests run with Thrive Circles open to everyone, as the demo has it; a fresh install starts in
    beta (core/launch/migrations/0003), which core/launch/tests cover with explicit states.

    The one place this is decided: `django_db_setup` above opens the migrated flag once per run,
    and because transactional tests flush that row away, a missing flag also counts as on here (in
    production it counts as off)."""
    settings.WAFFLE_FLAG_DEFAULT = True


@pytest.fixture(autouse=True)
def _no_background_self_heal(settings):
    # A page view in a week without circles would otherwise start a build in a background
    # thread that outlives the test; tests of self-healing pick their mode explicitly.
    settings.THRIVE_SELF_HEAL = "off"


@pytest.fixture(autouse=True)
def _in_memory_channel_layer(settings):
    # Sockets in tests talk through one process's memory; tests of the database and Redis layers
    # (core/live/tests/test_layers.py) configure their own.
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Hashing every factory user with PBKDF2 would dominate the suite's run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def levels(db):
    from core.circles.services import load_default_levels
    from core.circles.models import ThriveCircleLevel

    load_default_levels()
    return {level.name: level for level in ThriveCircleLevel.objects.order_by("order")}


MIDWEEK = "2026-11-25T12:00:00+00:00"  # a Wednesday, far from any weekly reset


@pytest.fixture
def midweek():
    """Pin the clock mid-week so tests that build circles never straddle the Sunday-night job."""
    import time_machine

    with time_machine.travel(MIDWEEK, tick=True) as traveller:
        yield traveller


@pytest.fixture
def alert_webhook(settings):
    """Alerts go to ADMINS through the locmem mail backend and to a webhook served in this test."""
    from core.testing import WebhookReceiver

    settings.ADMINS = [("Ops", "ops@example.com")]
    with WebhookReceiver() as receiver:
        settings.THRIVE_ALERT_WEBHOOK_URL = receiver.url
        yield receiver

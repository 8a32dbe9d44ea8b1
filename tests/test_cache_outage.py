"""Redis down is not an outage: with the cache unreachable or hanging, sign-in, the page, the level
table, the launch flag and rate limiting work from the database, the health endpoint says the
cache is degraded (503, JSON), and the log says so once, not per request."""

import logging
import socket
import threading

import pytest
from rest_framework.test import APIClient

from core.cache import FailOpenRedisCache, outages
from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import ProfileFactory
from core.users.tests.factories import UserFactory

ALIASES = ("default", "flags", "throttle")


def redis_caches(url: str) -> dict:
    options = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2, "retry_seconds": 600}
    return {alias: {"BACKEND": "core.cache.FailOpenRedisCache", "LOCATION": url, "OPTIONS": options} for alias in ALIASES}


@pytest.fixture(autouse=True)
def no_outage_memory():
    outages.clear()
    yield
    outages.clear()


@pytest.fixture
def unreachable_redis(settings):
    """A port nobody listens on: every connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{port}/4")


class HangingServer:
    """Accepts connections and never answers, like a Redis stuck on a slow disk."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def hanging_redis(settings):
    server = HangingServer()
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{server.port}/4")
    yield server
    server.close()


@pytest.fixture
def member(levels, midweek):
    """A seated member with XP in a circle, signed in by password over the real sign-in endpoint."""
    profiles = [ProfileFactory(total_xp=600) for _ in range(3)]
    for profile in profiles:
        XPService.add_xp(profile.user, 20, description="Completed a Quick Quiz", metadata={"title": "AI Basics"})
    CircleAssignmentService.assign_weekly_circles()
    return profiles[0].user


def sign_in(user) -> tuple[int, APIClient]:
    client = APIClient()
    response = client.post("/api/v1/auth/login/", {"username": user.username, "password": "thrive-demo"}, format="json")
    return response.status_code, client


def use_the_site(user) -> list[tuple[str, int]]:
    status, client = sign_in(user)
    anonymous = APIClient()
    return [
        ("login", status),
        ("session", client.get("/api/v1/auth/session/").status_code),
        ("page", client.get("/api/v1/me/thrive-circle/").status_code),
        ("history", client.get("/api/v1/me/xp-history/").status_code),
        ("new quiz", client.get("/api/v1/activities/quiz/").status_code),
        ("quiz", client.post("/api/v1/activities/quiz/", {"answers": [0, 0, 0]}, format="json").status_code),
        ("levels", anonymous.get("/api/v1/thrive-levels/").status_code),
        ("wrong password", APIClient().post("/api/v1/auth/login/", {"username": user.username, "password": "x"},
                                            format="json").status_code),
    ]


EXPECTED = [("login", 200), ("session", 200), ("page", 200), ("history", 200), ("new quiz", 200), ("quiz", 200), ("levels", 200),
            ("wrong password", 400)]


def test_with_redis_unreachable_the_api_works_from_the_database(unreachable_redis, member):
    assert use_the_site(member) == EXPECTED


def test_with_redis_hanging_the_api_works_and_stops_asking_after_one_timeout(hanging_redis, member):
    assert use_the_site(member) == EXPECTED
    # One connection timed out; then the process left Redis alone instead of waiting on every call.
    assert len(hanging_redis.accepted) == 1


def test_the_page_shows_the_circle_from_the_database(unreachable_redis, member):
    _, client = sign_in(member)
    page = client.get("/api/v1/me/thrive-circle/").json()
    assert page["current_level"]["name"] == "Explorer"
    assert len(page["circle_members"]) == 2 and len(page["recent_activity"]) >= 3


def test_health_reports_the_cache_degraded_with_a_503_json(unreachable_redis, member):
    response = APIClient().get("/api/v1/thrive-circles/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert [check["name"] for check in body["checks"] if not check["ok"]] == ["cache"]


def test_health_reports_a_hanging_cache_degraded(hanging_redis, member):
    response = APIClient().get("/api/v1/thrive-circles/health/")
    assert (response.status_code, response.json()["status"]) == (503, "degraded")


def test_an_outage_is_logged_once_not_per_request(unreachable_redis, member, caplog):
    with caplog.at_level(logging.INFO, logger="core.cache"):
        for _ in range(3):
            use_the_site(member)
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].getMessage().startswith("cache_unavailable: Redis at 127.0.0.1:")


def test_a_recovered_server_is_logged_once(caplog):
    with caplog.at_level(logging.INFO, logger="core.cache"):
        outages.failed("redis:6379/2", 0, ConnectionError("refused"))
        outages.failed("redis:6379/2", 0, ConnectionError("refused"))
        outages.succeeded("redis:6379/2")
        outages.succeeded("redis:6379/2")
    assert [(r.levelname, r.getMessage().split(":")[0]) for r in caplog.records] == [
        ("ERROR", "cache_unavailable"), ("WARNING", "cache_recovered"),
    ]


def test_while_down_reads_miss_writes_are_dropped_and_incr_misses(unreachable_redis):
    from django.core.cache import caches

    cache = caches["default"]
    assert isinstance(cache, FailOpenRedisCache)
    assert cache.get("key", "fallback") == "fallback"
    assert cache.set("key", 1) is None
    assert cache.add("key", 1) is False
    assert cache.get_or_set("key", lambda: "computed") == "computed"
    assert cache.get_many(["a", "b"]) == {}
    with pytest.raises(ValueError):
        cache.incr("key")


def test_cache_objects_of_every_thread_share_one_redis_client():
    """Django makes a cache object per thread; under the ASGI server each request has a thread
    of its own, so a client per cache object meant new Redis connections for every request."""
    options = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2, "retry_seconds": 600}
    built = []

    def build():
        built.append(FailOpenRedisCache("redis://127.0.0.1:6390/4", {"OPTIONS": dict(options)}))

    threads = [threading.Thread(target=build) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(cache._cache) for cache in built}) == 1
    other = FailOpenRedisCache("redis://127.0.0.1:6390/5", {"OPTIONS": dict(options)})
    assert other._cache is not built[0]._cache

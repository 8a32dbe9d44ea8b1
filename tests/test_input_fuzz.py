"""A fuzz corpus over every JSON endpoint: whatever the body, the answer is never a 5xx, and a 4xx
has the API's `{"detail", "code"}` shape. Runs on SQLite and PostgreSQL (which refuses NUL in text
and jsonb, so it finds what SQLite lets through)."""

import json

import pytest
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from core.users.tests.factories import UserFactory

DEEP = 100_000

# (name, raw body): each a request body the parser or a serializer must answer with a 4xx.
CORPUS = [
    ("nul in user", json.dumps({"user": "a\u0000b", "activity_type": "quiz_completed", "idempotency_key": "k1"})),
    ("nul in username", json.dumps({"username": "a\u0000", "password": "x"})),
    ("nul in metadata value", json.dumps({"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k2",
                                          "metadata": {"title": "a\u0000b"}})),
    ("nul in metadata key", json.dumps({"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k3",
                                        "metadata": {"ti\u0000tle": "x"}})),
    ("lone surrogate in metadata", '{"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k4",'
                                   ' "metadata": {"title": "\\ud800"}}'),
    ("lone surrogate in a key", '{"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k5",'
                                ' "metadata": {"\\udfff": 1}}'),
    ("lone surrogate in username", '{"username": "\\ud800", "password": "x"}'),
    ("lone surrogate in idempotency key", '{"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "\\udc00"}'),
    ("nul in idempotency key", json.dumps({"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "\u0000"})),
    ("deep array", "[" * DEEP + "]" * DEEP),
    ("deep object", '{"a":' * DEEP + "1" + "}" * DEEP),
    ("deep metadata", json.dumps({"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k6"})[:-1]
                      + ', "metadata": ' + '{"a":' * 40 + "1" + "}" * 40 + "}"),
    ("2 MB title", json.dumps({"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k7",
                               "metadata": {"title": "x" * 2_000_000}})),
    ("10,000 metadata keys", json.dumps({"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k8",
                                         "metadata": {f"k{i}": i for i in range(10_000)}})),
    ("body over the size limit", json.dumps({"prompt": "x" * 3_000_000})),
    ("NaN", '{"metadata": {"score": NaN}, "user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k9"}'),
    ("Infinity", '{"answers": [Infinity, 0, 0]}'),
    ("overflowing float", '{"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k10", "metadata": {"score": 1e400}}'),
    ("5,000-digit integer", '{"answers": [' + "9" * 5000 + ', 0, 0]}'),
    ("huge integer in metadata", '{"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k11", "metadata": {"n": '
                                 + "9" * 4000 + "}}"),
    ("invalid UTF-8", b'{"username": "\xff\xfe", "password": "x"}'),
    ("UTF-8 BOM", "\ufeff{}"),
    ("truncated", '{"username": "a", '),
    ("empty object", "{}"),
    ("null", "null"),
    ("array", "[]"),
    ("string", '"text"'),
    ("number", "12"),
    ("true", "true"),
    ("wrong types", json.dumps({"user": ["x"], "activity_type": {"a": 1}, "idempotency_key": 5, "metadata": "text",
                                "username": {"u": 1}, "password": [1], "answers": "012", "prompt": 7, "title": None,
                                "feature": [], "action": {"a": []}})),
    ("metadata as a list", json.dumps({"user": "{learner}", "activity_type": "quiz_completed", "idempotency_key": "k12",
                                       "metadata": [1, 2]})),
    ("user as a number", json.dumps({"user": 1, "activity_type": "quiz_completed", "idempotency_key": "k13"})),
    ("10,000-character username", json.dumps({"username": "u" * 10_000, "password": "p" * 10_000})),
    ("unknown activity", json.dumps({"user": "{learner}", "activity_type": "x\u0000", "idempotency_key": "k14"})),
    ("quiz answers out of range", json.dumps({"answers": [-1, 99, 2 ** 70]})),
    ("duplicate keys", '{"prompt": "a valid prompt text", "prompt": "\\u0000 not a valid one"}'),
    ("control characters", json.dumps({"title": "\u0001\u0002\u001f\u007f", "description": "\u2028\u2029"})),
]

# Every endpoint that reads a JSON body.
ENDPOINTS = [
    "/api/v1/auth/login/",
    "/api/v1/auth/logout/",
    "/api/v1/xp/awards/",
    "/api/v1/activities/quiz/",
    "/api/v1/prompt-battles/1/rounds/1/entries/",
    "/api/v1/activities/projects/",
    "/api/v1/me/onboarding/",
    "/api/v1/views/",
]


@pytest.fixture
def staff_client(levels, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"user": "100000/min", "anon": "100000/min"})
    client = APIClient()
    client.force_authenticate(UserFactory(is_staff=True))
    return client


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("name, body", CORPUS, ids=[name for name, _ in CORPUS])
def test_no_body_gets_a_server_error(staff_client, endpoint, name, body):
    learner = UserFactory()
    if isinstance(body, str):
        body = body.replace("{learner}", learner.username).encode("utf-8", "surrogatepass")
    response = staff_client.post(endpoint, body, content_type="application/json")
    assert response.status_code < 500, (name, endpoint, response.content[:300])
    if response.status_code >= 400:
        assert {"detail", "code"} <= response.json().keys()

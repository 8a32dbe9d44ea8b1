"""Input is checked at the edge: a 400 naming the field, never a 500, and a 500 is the API's JSON."""

import json

import pytest
from rest_framework.test import APIClient

from core.http import text
from core.users.tests.factories import UserFactory

AWARDS = "/api/v1/xp/awards/"
LOGIN = "/api/v1/auth/login/"


@pytest.fixture
def staff(levels):
    client = APIClient()
    client.force_authenticate(UserFactory(is_staff=True))
    return client


def award(staff, body: str):
    return staff.post(AWARDS, body.encode("utf-8", "surrogatepass"), content_type="application/json")


def award_json(username, **extra) -> str:
    return json.dumps({"user": username, "activity_type": "quiz_completed", "idempotency_key": "edge-1", **extra})


def test_a_nul_in_user_is_a_400_naming_the_field(staff):
    response = award(staff, award_json("someone\u0000"))
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["user"]


def test_a_lone_surrogate_in_metadata_is_a_400_naming_the_key(staff):
    body = award_json(UserFactory().username)[:-1] + ', "metadata": {"title": "\\ud800"}}'
    response = award(staff, body)
    assert response.status_code == 400
    assert response.json()["errors"] == {"metadata": {"title": ["Unpaired surrogate characters are not allowed: U+D800."]}}


def test_a_nul_in_a_metadata_key_is_a_400_and_the_key_is_echoed_escaped(staff):
    response = award(staff, award_json(UserFactory().username, metadata={"a\u0000": 1}))
    assert response.status_code == 400
    assert response.json()["errors"] == {"metadata": {"a\\x00": ["Key: Null characters are not allowed."]}}


def test_a_100000_deep_array_is_a_400_for_anonymous_sign_in(db):
    response = APIClient().post(LOGIN, "[" * 100_000 + "]" * 100_000, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_infinity_from_an_overflowing_number_is_a_400(staff):
    response = award(staff, award_json(UserFactory().username)[:-1] + ', "metadata": {"score": 1e400}}')
    assert response.status_code == 400
    assert response.json()["errors"] == {"metadata": {"score": ["Numbers must be finite."]}}


@pytest.mark.parametrize(
    "metadata, message",
    [
        ({"title": "x" * 2_000_000}, "Text values are at most 500 characters."),
        ({f"k{i}": "x" * 100 for i in range(45)}, "At most 4096 bytes of JSON."),
        ({"a": {"b": {"c": {"d": {"e": 1}}}}}, "At most 4 levels of nested objects and arrays."),
        ({"a": [[[[1]]]]}, "At most 4 levels of nested objects and arrays."),
        ({"list": [{f"k{i}": i} for i in range(51)]}, "At most 50 keys in all."),
        ({"k" * 65: 1}, "Keys are at most 64 characters."),
    ],
    ids=["2 MB title", "over 4 KB", "5 objects deep", "5 arrays deep", "51 keys in nested objects", "long key"],
)
def test_award_metadata_is_capped_with_a_400_naming_it(staff, metadata, message):
    response = award(staff, award_json(UserFactory().username, metadata=metadata))
    assert response.status_code == 400
    assert response.json()["errors"] == {"metadata": [message]}


def test_metadata_within_the_caps_is_kept(staff):
    metadata = {"title": "AI Basics", "score": 90, "tags": ["a", "b"], "nested": {"a": {"b": [1]}}}
    response = award(staff, award_json(UserFactory().username, metadata=metadata))
    assert response.status_code == 201
    assert response.json()["metadata"] == metadata


def test_an_unexpected_error_under_api_is_json_without_internals(db, client, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("secret internals: password=hunter2")

    monkeypatch.setattr("core.circles.ops.health.circles_health", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/thrive-circles/health/")
    assert response.status_code == 500
    assert response.json() == {
        "detail": "Something went wrong on our side. It has been logged; please try again later.",
        "code": "server_error",
    }


def test_problems_walks_keys_values_and_depth_without_recursion():
    deep = current = []
    for _ in range(10_000):
        current.append([])
        current = current[0]
    assert list(text.problems(deep)) == [(("0",) * 32, "Nested more than 32 levels deep.")]
    assert list(text.problems({"a": [{"b": "x\u0000"}]})) == [(("a", "0", "b"), "Null characters are not allowed.")]
    assert list(text.problems({"fine": ["text", 1, 2.5, None, True]})) == []

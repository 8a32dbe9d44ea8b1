"""The API refuses what its schema calls invalid, instead of coercing it (core/fields.py).
Each of these requests was accepted before (a 200 or a default used)."""

import pytest
from rest_framework import serializers
from rest_framework.test import APIClient

from core.http.fields import StrictCharField
from core.users.tests.factories import UserFactory


@pytest.fixture
def client(levels):
    client = APIClient()
    client.force_authenticate(UserFactory(is_staff=True))
    return client


@pytest.mark.parametrize(
    "path, body, field",
    [
        ("/api/v1/activities/projects/", {"title": "Recipe Bot", "description": 0}, "description"),
        ("/api/v1/activities/projects/", {"title": 12345}, "title"),
        ("/api/v1/prompt-battles/1/rounds/1/entries/", {"text": 1234567890123}, "text"),
        ("/api/v1/activities/quiz/", {"answers": ["0", 1, 1]}, "answers"),
        ("/api/v1/activities/quiz/", {"answers": [0.0, 1, 1]}, "answers"),
        ("/api/v1/me/onboarding/", {"skipped": 0}, "skipped"),
        ("/api/v1/me/onboarding/", {"skipped": "yes"}, "skipped"),
        ("/api/v1/me/page-time/", {"seconds": "30"}, "seconds"),
    ],
)
def test_a_json_value_of_the_wrong_type_is_a_400_naming_the_field(client, path, body, field):
    response = client.post(path, body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "invalid" and field in response.json()["errors"]


@pytest.mark.parametrize(
    "path, query, field",
    [
        ("/api/v1/insights/thrive-circles/", "weeks=", "weeks"),
        ("/api/v1/insights/thrive-circles/", "weeks=1.0", "weeks"),
        ("/api/v1/me/xp-history/", "cursor=", "cursor"),
        ("/api/v1/me/xp-history/", "limit=", "limit"),
    ],
)
def test_an_empty_or_malformed_query_parameter_is_a_400_not_the_default(client, path, query, field):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400 and field in response.json()["errors"]


def test_integers_in_a_query_string_are_still_read_from_their_digits(client):
    assert len(client.get("/api/v1/insights/thrive-circles/?weeks=2").json()["weeks"]) == 2


def test_a_json_login_with_a_numeric_password_is_refused(db):
    response = APIClient().post("/api/v1/auth/login/", {"username": "eve", "password": 12345678}, format="json")
    assert response.status_code == 400 and "password" in response.json()["errors"]


def test_a_text_longer_than_its_maximum_as_sent_is_refused_even_if_trimming_would_shorten_it():
    field = StrictCharField(max_length=5)
    field.bind("prompt", None)
    with pytest.raises(serializers.ValidationError, match="no more than 5 characters"):
        field.run_validation("  abc  ")
    assert field.run_validation(" abc ") == "abc"

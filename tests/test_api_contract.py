"""What the schema promises about errors is what the API answers."""

import pytest
from rest_framework.test import APIClient


@pytest.mark.parametrize("path", ["/api/v1/me/thrive-circle/", "/api/v1/me/xp-history/", "/api/v1/me/onboarding/"])
def test_an_unauthenticated_call_is_a_401_with_www_authenticate(db, path):
    response = APIClient().get(path) if "onboarding" not in path else APIClient().post(path, {}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["code"] == "not_authenticated"


def test_the_schema_lists_every_status_the_levels_endpoint_can_answer(db):
    schema = APIClient().get("/api/schema/?format=json").json()
    assert set(schema["paths"]["/api/v1/thrive-levels/"]["get"]["responses"]) == {"200", "429"}

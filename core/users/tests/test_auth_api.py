import pytest
from rest_framework.test import APIClient

from core.points.models import ActivityType, PointsHistory
from core.users.tests.factories import UserFactory


@pytest.fixture
def csrf_client():
    client = APIClient(enforce_csrf_checks=True)
    client.get("/api/v1/auth/session/")
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    return client


def test_session_is_null_for_anonymous_and_sets_the_csrf_cookie(db):
    client = APIClient()
    response = client.get("/api/v1/auth/session/")
    assert response.json() == {"user": None} and "csrftoken" in response.cookies


def test_login_signs_in_and_counts_the_daily_login(levels, csrf_client):
    user = UserFactory(username="explorer_eve")
    response = csrf_client.post("/api/v1/auth/login/", {"username": "explorer_eve", "password": "thrive-demo"}, format="json")
    assert response.status_code == 200 and response.json()["user"]["username"] == "explorer_eve"
    assert csrf_client.get("/api/v1/auth/session/").json()["user"]["id"] == user.pk
    assert PointsHistory.objects.filter(user=user, activity_type=ActivityType.DAILY_LOGIN).count() == 1


def test_wrong_password_gets_a_clear_400(levels, csrf_client):
    UserFactory(username="eve")
    response = csrf_client.post("/api/v1/auth/login/", {"username": "eve", "password": "nope"}, format="json")
    assert response.status_code == 400 and response.json() == {"detail": "Invalid username or password.", "code": "invalid_credentials"}


def test_login_without_the_csrf_token_is_refused(levels):
    UserFactory(username="eve")
    response = APIClient(enforce_csrf_checks=True).post("/api/v1/auth/login/", {"username": "eve", "password": "thrive-demo"}, format="json")
    assert response.status_code == 403


def test_session_writes_need_the_csrf_token(levels):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    response = client.post("/api/v1/activities/projects/", {"title": "Sneaky"}, format="json")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]


def test_logout_ends_the_session(levels, csrf_client):
    UserFactory(username="eve")
    csrf_client.post("/api/v1/auth/login/", {"username": "eve", "password": "thrive-demo"}, format="json")
    # Signing in rotates the CSRF token; the page reads the fresh cookie for every write.
    csrf_client.credentials(HTTP_X_CSRFTOKEN=csrf_client.cookies["csrftoken"].value)
    assert csrf_client.post("/api/v1/auth/logout/").status_code == 204
    assert csrf_client.get("/api/v1/auth/session/").json() == {"user": None}

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from core.circles.models import UserThriveProfile
from core.points.models import ActivityType, PointsHistory
from core.users.tests.factories import UserFactory

STRONG = "green-otter-lantern"


@pytest.fixture
def csrf_client():
    client = APIClient(enforce_csrf_checks=True)
    client.get("/api/v1/auth/session/")
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    return client


def sign_up(client, **overrides):
    body = {"username": "maya", "email": "maya@example.com", "password": STRONG, **overrides}
    return client.post("/api/v1/auth/signup/", body, format="json")


def test_sign_up_creates_the_account_and_signs_it_in(levels, csrf_client):
    response = sign_up(csrf_client)
    assert response.status_code == 201
    user = response.json()["user"]
    assert user["username"] == "maya" and user["onboarding_completed_at"] is None  # the tour shows
    assert csrf_client.get("/api/v1/auth/session/").json()["user"]["id"] == user["id"]
    assert get_user_model().objects.get(pk=user["id"]).email == "maya@example.com"


def test_a_new_account_earns_the_first_login_and_gets_a_profile(levels, csrf_client):
    user_id = sign_up(csrf_client).json()["user"]["id"]
    assert PointsHistory.objects.filter(user_id=user_id, activity_type=ActivityType.DAILY_LOGIN).count() == 1
    assert UserThriveProfile.objects.filter(user_id=user_id).exists()


def test_sign_up_needs_the_csrf_token(levels):
    response = sign_up(APIClient(enforce_csrf_checks=True))
    assert response.status_code == 403 and not get_user_model().objects.exists()


@pytest.mark.parametrize("password", ["short1", "password123", "12345678901", "maya@example"])
def test_weak_passwords_are_refused_by_djangos_validators(levels, csrf_client, password):
    response = sign_up(csrf_client, password=password)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and "password" in response.json()["errors"]
    assert not get_user_model().objects.exists()


def test_a_taken_username_is_refused_whatever_its_case(levels, csrf_client):
    UserFactory(username="Maya")
    response = sign_up(csrf_client)
    assert response.status_code == 400 and "username" in response.json()["errors"]


def test_a_taken_email_is_refused(levels, csrf_client):
    UserFactory(username="other", email="MAYA@example.com")
    response = sign_up(csrf_client)
    assert response.status_code == 400 and "email" in response.json()["errors"]


@pytest.mark.parametrize(
    "overrides", [{"username": "has space"}, {"email": "not-an-email"}, {"username": ""}, {"password": None}]
)
def test_bad_input_is_a_400_naming_the_field(levels, csrf_client, overrides):
    response = sign_up(csrf_client, **overrides)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == set(overrides)


@pytest.mark.parametrize("path", ["/api/v1/auth/login/", "/api/v1/auth/signup/", "/api/v1/auth/password-reset/"])
def test_account_endpoints_are_throttled_like_sign_in(levels, monkeypatch, path):
    # DRF reads the rates once at start-up; patch the loaded value (as core/circles/tests/test_api.py).
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"user": "2/min", "anon": "2/min"})
    client = APIClient()
    statuses = [client.post(path, {}, format="json").status_code for _ in range(3)]
    assert statuses == [400, 400, 429] and client.post(path, {}, format="json").json()["code"] == "throttled"


def _reset_link(outbox) -> tuple[str, str]:
    uid, token = re.search(r"/reset-password\?uid=([\w-]+)&token=([\w-]+)", outbox[-1].body).groups()
    return uid, token


def test_password_reset_emails_a_link_that_sets_a_new_password_once(levels, csrf_client):
    user = UserFactory(username="maya", email="maya@example.com")
    assert csrf_client.post("/api/v1/auth/password-reset/", {"email": "Maya@Example.com"}, format="json").status_code == 204
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["maya@example.com"]
    uid, token = _reset_link(mail.outbox)
    confirm = {"uid": uid, "token": token, "new_password": STRONG}
    assert csrf_client.post("/api/v1/auth/password-reset/confirm/", confirm, format="json").status_code == 204
    user.refresh_from_db()
    assert user.check_password(STRONG)
    again = csrf_client.post("/api/v1/auth/password-reset/confirm/", {**confirm, "new_password": "another-fine-phrase"}, format="json")
    assert again.status_code == 400 and again.json()["code"] == "invalid_reset_link"


def test_password_reset_for_an_unknown_email_answers_the_same_and_sends_nothing(levels, csrf_client):
    response = csrf_client.post("/api/v1/auth/password-reset/", {"email": "nobody@example.com"}, format="json")
    assert response.status_code == 204 and mail.outbox == []


def test_password_reset_refuses_a_weak_new_password(levels, csrf_client):
    UserFactory(username="maya", email="maya@example.com")
    csrf_client.post("/api/v1/auth/password-reset/", {"email": "maya@example.com"}, format="json")
    uid, token = _reset_link(mail.outbox)
    response = csrf_client.post(
        "/api/v1/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": "password"}, format="json"
    )
    assert response.status_code == 400 and "new_password" in response.json()["errors"]


@pytest.mark.parametrize("uid", ["garbage", "", "MTIzNDU2Nzg5"])
def test_a_forged_reset_link_is_a_400(levels, csrf_client, uid):
    UserFactory(username="maya", email="maya@example.com")
    response = csrf_client.post(
        "/api/v1/auth/password-reset/confirm/", {"uid": uid or "x", "token": "abc-def", "new_password": STRONG}, format="json"
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_reset_link"

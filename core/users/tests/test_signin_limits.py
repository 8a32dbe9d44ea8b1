"""Brute force is bounded: failed sign-ins are limited per account and per client address, for the
API and the admin alike, and a forged X-Forwarded-For header does not escape either limit."""

import itertools

import pytest
from rest_framework.test import APIClient

from core.users.tests.factories import UserFactory

LOGIN = "/api/v1/auth/login/"
ADDRESSES = (f"198.51.100.{n}" for n in itertools.count(1))


def sign_in(username, password, **headers):
    return APIClient().post(LOGIN, {"username": username, "password": password}, format="json", **headers)


@pytest.fixture
def eve(levels):
    return UserFactory(username="eve")


def test_100_guesses_with_a_new_forwarded_for_each_never_reach_the_right_password(eve):
    responses = [sign_in("eve", f"guess-{n}", HTTP_X_FORWARDED_FOR=next(ADDRESSES)) for n in range(100)]
    assert [r.status_code for r in responses].count(400) == 10
    assert {r.status_code for r in responses[10:]} == {429}
    right = sign_in("eve", "thrive-demo", HTTP_X_FORWARDED_FOR=next(ADDRESSES))
    assert right.status_code == 429
    assert "sessionid" not in right.cookies


def test_guesses_from_many_real_addresses_are_limited_per_account(eve):
    for n in range(10):
        assert sign_in("eve", f"guess-{n}", REMOTE_ADDR=next(ADDRESSES)).status_code == 400
    assert sign_in("eve", "thrive-demo", REMOTE_ADDR=next(ADDRESSES)).status_code == 429


def test_one_address_trying_many_accounts_is_limited_per_address(levels, settings):
    settings.THRIVE_SIGNIN_ADDRESS_FAILURES = 5
    UserFactory(username="victim")
    for n in range(5):
        assert sign_in(f"someone-{n}", "guess", REMOTE_ADDR="203.0.113.9").status_code == 400
    assert sign_in("victim", "thrive-demo", REMOTE_ADDR="203.0.113.9").status_code == 429
    assert sign_in("victim", "thrive-demo", REMOTE_ADDR="203.0.113.10").status_code == 200


def test_behind_one_proxy_only_the_address_the_proxy_saw_counts(levels, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    settings.THRIVE_SIGNIN_ADDRESS_FAILURES = 5
    for n in range(5):  # the client forges the left part; the proxy appends the real address
        forwarded = f"{next(ADDRESSES)}, 203.0.113.7"
        assert sign_in(f"someone-{n}", "guess", HTTP_X_FORWARDED_FOR=forwarded).status_code == 400
    refused = sign_in("anyone", "guess", HTTP_X_FORWARDED_FOR=f"{next(ADDRESSES)}, 203.0.113.7")
    assert refused.status_code == 429
    assert sign_in("anyone", "guess", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.8").status_code == 400


def test_the_429_is_the_api_error_with_a_message_and_retry_after(eve, settings):
    settings.THRIVE_SIGNIN_ACCOUNT_FAILURES = 1
    sign_in("eve", "wrong")
    response = sign_in("Eve", "thrive-demo")
    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "too_many_sign_in_attempts"
    assert body["detail"] == (
        "Too many failed sign-ins for this account. Please wait 15 minutes and try again, or reset your password."
    )
    assert 0 < int(response["Retry-After"]) <= 15 * 60 and body["retry_after"] == int(response["Retry-After"])


def test_signing_in_clears_the_accounts_failures(eve, settings):
    settings.THRIVE_SIGNIN_ACCOUNT_FAILURES = 3
    for _ in range(2):
        sign_in("eve", "wrong", REMOTE_ADDR=next(ADDRESSES))
    assert sign_in("eve", "thrive-demo").status_code == 200
    for _ in range(2):
        assert sign_in("eve", "wrong", REMOTE_ADDR=next(ADDRESSES)).status_code == 400
    assert sign_in("eve", "thrive-demo").status_code == 200


def test_the_admin_sign_in_is_under_the_same_limits(levels, client):
    UserFactory(username="sky", is_staff=True, is_superuser=True)
    for n in range(100):
        client.post("/admin/login/", {"username": "sky", "password": f"guess-{n}"}, HTTP_X_FORWARDED_FOR=next(ADDRESSES))
    response = client.post("/admin/login/?next=/admin/", {"username": "sky", "password": "thrive-demo"})
    assert response.status_code == 200  # the form again, not the redirect of a successful sign-in
    assert "Too many failed sign-ins for this account." in response.content.decode()
    assert client.get("/admin/").status_code == 302  # still signed out

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from core.launch.models import OnboardingTour
from core.launch.services import complete_onboarding
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory
from core.testing import client_for

ONBOARDING = "/api/v1/me/onboarding/"
SESSION = "/api/v1/auth/session/"


def test_a_new_user_has_not_seen_the_tour(levels):
    assert client_for(UserFactory()).get(SESSION).json()["user"]["onboarding_completed_at"] is None


def test_finishing_the_tour_is_remembered_on_the_server(levels):
    user = UserFactory()
    response = client_for(user).post(ONBOARDING, {}, format="json")

    assert response.status_code == 201
    assert response.json()["skipped"] is False
    # Another device: a new client, same user.
    assert client_for(user).get(SESSION).json()["user"]["onboarding_completed_at"] == response.json()["onboarding_completed_at"]


def test_skipping_counts_as_seen_and_is_recorded_as_skipped(levels):
    user = UserFactory()
    response = client_for(user).post(ONBOARDING, {"skipped": True}, format="json")
    assert response.status_code == 201 and response.json()["skipped"] is True
    assert OnboardingTour.objects.get(user=user).skipped


def test_a_second_call_keeps_the_first_record(levels):
    user = UserFactory()
    first = client_for(user).post(ONBOARDING, {}, format="json").json()
    again = client_for(user).post(ONBOARDING, {"skipped": True}, format="json")
    assert again.status_code == 200 and again.json() == first


def test_the_tour_is_per_user(levels):
    seen, fresh = UserFactory(), UserFactory()
    client_for(seen).post(ONBOARDING, {}, format="json")
    assert client_for(fresh).get(SESSION).json()["user"]["onboarding_completed_at"] is None


def test_a_malformed_body_is_a_400_naming_the_field(levels):
    response = client_for(UserFactory()).post(ONBOARDING, {"skipped": "maybe"}, format="json")
    assert response.status_code == 400 and response.json()["errors"].keys() == {"skipped"}


def test_writes_need_the_csrf_token_with_a_session(levels):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    assert client.post(ONBOARDING, {}, format="json").status_code == 403


def test_the_session_adds_one_query_for_the_tour_and_reads_the_flag_from_the_cache(levels):
    user = UserFactory()
    complete_onboarding(user)
    client = client_for(user)
    client.get(SESSION)  # caches the flag
    with CaptureQueriesContext(connection) as queries:
        client.get(SESSION)
    launch_queries = [q["sql"] for q in queries.captured_queries if "launch_" in q["sql"]]
    assert len(launch_queries) == 1 and "launch_onboardingtour" in launch_queries[0]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_devices_finishing_at_once_record_one_tour():
    user = UserFactory()
    results = run_concurrently(
        lambda: complete_onboarding(get_user_model().objects.get(pk=user.pk)),
        lambda: complete_onboarding(get_user_model().objects.get(pk=user.pk), skipped=True),
    )
    assert sorted(created for _, created in results) == [False, True]
    assert OnboardingTour.objects.filter(user=user).count() == 1
    assert len({tour.completed_at for tour, _ in results}) == 1

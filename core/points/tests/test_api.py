import pytest
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.circles.models import UserThriveProfile
from core.circles.services import load_default_levels
from core.points.models import PointsHistory
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory
from core.testing import client_for

AWARDS = "/api/v1/xp/awards/"


@pytest.fixture
def staff(levels):
    return client_for(UserFactory(is_staff=True))


def award_body(username, key="retry-1", **extra):
    return {"user": username, "activity_type": "quiz_completed", "idempotency_key": key, **extra}


def test_ordinary_users_may_not_award_points(levels):
    response = client_for(UserFactory()).post(AWARDS, award_body("someone"), format="json")
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


def test_staff_award_goes_through_points_service(staff):
    learner = UserFactory()
    response = staff.post(AWARDS, award_body(learner.username, metadata={"score": 100}), format="json")
    assert response.status_code == 201
    body = response.json()
    assert (body["points_awarded"], body["replayed"], body["user"]) == (30, False, learner.username)
    assert UserThriveProfile.objects.get(user=learner).total_xp == 30


def test_a_retry_returns_the_original_award_and_awards_nothing(staff):
    learner = UserFactory()
    first = staff.post(AWARDS, award_body(learner.username), format="json").json()
    retry = staff.post(AWARDS, award_body(learner.username), format="json")
    assert retry.status_code == 200
    assert {**retry.json(), "replayed": False} == first
    assert UserThriveProfile.objects.get(user=learner).total_xp == 20


def test_a_service_account_with_a_token_and_the_permission_may_award(levels):
    service = UserFactory(username="quiz-service")
    service.user_permissions.add(Permission.objects.get(codename="award_points"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=service).key}")
    assert client.post(AWARDS, award_body(UserFactory().username), format="json").status_code == 201


@pytest.mark.parametrize(
    "body, field",
    [
        ({"user": "nobody-here", "activity_type": "quiz_completed", "idempotency_key": "k"}, "user"),
        ({"activity_type": "quiz_completed", "idempotency_key": "k"}, "user"),
        ({"user": "LEARNER", "activity_type": "cheating", "idempotency_key": "k"}, "activity_type"),
        ({"user": "LEARNER", "activity_type": "quiz_completed"}, "idempotency_key"),
        ({"user": "LEARNER", "activity_type": "quiz_completed", "idempotency_key": "k", "metadata": [1]}, "metadata"),
    ],
)
def test_bad_award_bodies_get_a_400_naming_the_field(staff, body, field):
    learner = UserFactory()
    body = {key: (learner.username if value == "LEARNER" else value) for key, value in body.items()}
    response = staff.post(AWARDS, body, format="json")
    assert response.status_code == 400 and field in response.json()["errors"]


def test_malformed_json_gets_a_400(staff):
    response = staff.post(AWARDS, "{not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "parse_error"


def test_a_key_reused_for_another_user_is_a_409(staff):
    staff.post(AWARDS, award_body(UserFactory().username, key="dup"), format="json")
    response = staff.post(AWARDS, award_body(UserFactory().username, key="dup"), format="json")
    assert response.status_code == 409 and response.json()["code"] == "idempotency_key_reused"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_through_the_api_award_once():
    load_default_levels()
    staff_user, learner = UserFactory(is_staff=True), UserFactory()

    def retry():
        return client_for(staff_user).post(AWARDS, award_body(learner.username, key="race"), format="json").status_code

    statuses = run_concurrently(*[retry] * 5)
    assert sorted(statuses) == [200, 200, 200, 200, 201]
    assert PointsHistory.objects.count() == 1 and UserThriveProfile.objects.get(user=learner).total_xp == 20


def test_the_retired_single_entry_battle_endpoint_is_gone(levels):
    # Prompt Battles have rounds, votes and a result now (core/battles, /api/v1/prompt-battles/).
    response = client_for(UserFactory()).post("/api/v1/activities/prompt-battle/", {"prompt": "Write a haiku about gradients"}, format="json")
    assert response.status_code == 404


def test_an_award_records_the_staff_user_who_made_it(levels):
    manager, learner = UserFactory(is_staff=True), UserFactory()
    response = client_for(manager).post(AWARDS, award_body(learner.username), format="json")
    assert response.status_code == 201 and response.json()["awarded_by"] == manager.username
    assert PointsHistory.objects.get(user=learner).awarded_by == manager


def test_an_award_records_the_service_account_that_made_it(levels):
    service = UserFactory(username="quiz-service")
    service.user_permissions.add(Permission.objects.get(codename="award_points"))
    learner = UserFactory()
    client_for(service).post(AWARDS, award_body(learner.username), format="json")
    assert PointsHistory.objects.get(user=learner).awarded_by == service


def test_staff_may_not_award_points_to_themselves(levels):
    manager = UserFactory(is_staff=True)
    response = client_for(manager).post(AWARDS, award_body(manager.username), format="json")
    assert response.status_code == 403 and response.json()["code"] == "self_award"
    assert not PointsHistory.objects.filter(user=manager).exists()
    assert not UserThriveProfile.objects.filter(user=manager, total_xp__gt=0).exists()


def test_the_admin_shows_who_made_each_award(levels, client):
    manager, learner = UserFactory(username="manager", is_staff=True, is_superuser=True), UserFactory()
    client_for(manager).post(AWARDS, award_body(learner.username), format="json")
    client.force_login(manager)
    page = client.get("/admin/points/pointshistory/?awarded_by__isempty=0").content.decode()
    assert "Awarded by" in page and ">manager<" in page

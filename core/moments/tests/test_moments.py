import pytest
from rest_framework.test import APIClient

from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import ProfileFactory
from core.moments.models import LevelReached
from core.points.models import ActivityType
from core.points.services import PointsService
from core.testing import client_for


@pytest.fixture
def circle(levels, midweek):
    """Six Seedlings in this week's circle; the first is 10 XP short of Explorer (500)."""
    profiles = [ProfileFactory(total_xp=490)] + ProfileFactory.create_batch(5, total_xp=100)
    CircleAssignmentService.assign_weekly_circles()
    return profiles


def test_reaching_a_level_records_one_moment_after_the_award_commits(circle, django_capture_on_commit_callbacks):
    user = circle[0].user
    with django_capture_on_commit_callbacks(execute=True):
        PointsService.award_points(user, ActivityType.QUIZ_COMPLETED, {"title": "AI Basics"})
    assert list(LevelReached.objects.values_list("user_id", "level__name")) == [(user.pk, "Explorer")]


def test_an_award_within_the_level_records_nothing(circle, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PointsService.award_points(circle[1].user, ActivityType.QUIZ_COMPLETED)
    assert not LevelReached.objects.exists()


def test_a_level_regained_after_a_correction_is_celebrated_once(circle, django_capture_on_commit_callbacks):
    user = circle[0].user
    with django_capture_on_commit_callbacks(execute=True):
        XPService.add_xp(user, 20, "quiz", "up")
        XPService.add_xp(user, -50, "other", "a correction")
        XPService.add_xp(user, 60, "quiz", "up again")
    assert LevelReached.objects.filter(user=user).count() == 1


def test_the_circle_sees_the_level_up_and_the_person_gets_a_celebration(circle, django_capture_on_commit_callbacks):
    climber, neighbour = circle[0].user, circle[1].user
    with django_capture_on_commit_callbacks(execute=True):
        XPService.add_xp(climber, 20, "quiz", "up")

    feed = client_for(neighbour).get("/api/v1/me/moments/").json()
    assert feed["celebration"] is None
    assert [(m["username"], m["level_name"]) for m in feed["circle_level_ups"]] == [(climber.username, "Explorer")]

    own = client_for(climber).get("/api/v1/me/moments/").json()
    assert own["celebration"]["level_name"] == "Explorer"


def test_a_closed_celebration_is_not_shown_again(circle, django_capture_on_commit_callbacks):
    climber = circle[0].user
    with django_capture_on_commit_callbacks(execute=True):
        XPService.add_xp(climber, 20, "quiz", "up")
    client = client_for(climber)
    moment_id = client.get("/api/v1/me/moments/").json()["celebration"]["id"]
    assert client.post(f"/api/v1/me/moments/{moment_id}/celebrated/").status_code == 200
    assert client.post(f"/api/v1/me/moments/{moment_id}/celebrated/").status_code == 200  # idempotent
    assert client.get("/api/v1/me/moments/").json()["celebration"] is None


def test_nobody_closes_someone_elses_celebration(circle, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        XPService.add_xp(circle[0].user, 20, "quiz", "up")
    moment = LevelReached.objects.get()
    response = client_for(circle[1].user).post(f"/api/v1/me/moments/{moment.pk}/celebrated/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    moment.refresh_from_db()
    assert moment.celebrated_at is None


def test_moments_need_a_signed_in_user(levels):
    assert APIClient().get("/api/v1/me/moments/").status_code in (401, 403)

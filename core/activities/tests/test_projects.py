
from core.circles.models import XPEvent
from core.points.models import ActivityType, PointsHistory
from core.users.tests.factories import UserFactory
from core.testing import client_for

PROJECTS = "/api/v1/activities/projects/"


def awards(user, activity_type) -> list[int]:
    return list(PointsHistory.objects.filter(user=user, activity_type=activity_type).values_list("points_awarded", flat=True))


def test_a_project_is_created_published_once_and_reaches_milestones_each_earning_xp(levels):
    user = UserFactory()
    client = client_for(user)
    created = client.post(PROJECTS, {"title": "Garden Planner"}, format="json").json()
    project_id = created["project"]["id"]
    assert created["points_awarded"] == 10 and created["project"]["published_at"] is None

    published = client.post(f"{PROJECTS}{project_id}/publish/").json()
    assert published["points_awarded"] == 15 and published["project"]["published_at"]
    again = client.post(f"{PROJECTS}{project_id}/publish/")
    assert again.status_code == 409 and again.json()["code"] == "project_already_published"

    milestone = client.post(f"{PROJECTS}{project_id}/milestones/", {"title": "First 10 users"}, format="json").json()
    assert milestone["points_awarded"] == 50 and [m["title"] for m in milestone["project"]["milestones"]] == ["First 10 users"]
    repeat = client.post(f"{PROJECTS}{project_id}/milestones/", {"title": "First 10 users"}, format="json")
    assert repeat.status_code == 409 and repeat.json()["code"] == "milestone_exists"

    assert (awards(user, ActivityType.PROJECT_PUBLISHED), awards(user, ActivityType.PROJECT_MILESTONE)) == ([15], [50])
    assert XPEvent.objects.filter(user=user, source="project").count() == 3
    listed = client.get(PROJECTS).json()["projects"]
    assert [p["title"] for p in listed] == ["Garden Planner"]


def test_only_the_owner_publishes_or_marks_milestones(levels):
    project_id = client_for(UserFactory()).post(PROJECTS, {"title": "Mine"}, format="json").json()["project"]["id"]
    other = client_for(UserFactory())
    assert other.post(f"{PROJECTS}{project_id}/publish/").status_code == 404
    assert other.post(f"{PROJECTS}{project_id}/milestones/", {"title": "Hijack"}, format="json").status_code == 404


def test_bad_project_input_is_a_400(levels):
    client = client_for(UserFactory())
    assert client.post(PROJECTS, {"title": "x"}, format="json").status_code == 400
    project_id = client.post(PROJECTS, {"title": "Fine title"}, format="json").json()["project"]["id"]
    response = client.post(f"{PROJECTS}{project_id}/milestones/", {"title": ""}, format="json")
    assert response.status_code == 400 and "title" in response.json()["errors"]


def test_milestones_go_through_fair_play(levels):
    client = client_for(UserFactory())
    project_id = client.post(PROJECTS, {"title": "Busy project"}, format="json").json()["project"]["id"]
    earned = [
        client.post(f"{PROJECTS}{project_id}/milestones/", {"title": f"Step {n}"}, format="json").json()["points_awarded"]
        for n in range(4)
    ]
    assert earned[:2] == [50, 50] and earned[2] < 50  # two full milestones a day, then less

"""The API contract: GET /api/v1/me/quests/ and hunt answers with their statuses."""

import pytest
import time_machine

from core.circles.tests.factories import ProfileFactory
from core.quests.models import CircleTheme
from core.testing import client_for

from .factories import HuntFactory, QuestFactory

pytestmark = pytest.mark.django_db
MIDWEEK = "2026-11-25T12:00:00+00:00"
QUESTS = "/api/v1/me/quests/"


@pytest.fixture(autouse=True)
def at_midweek():
    with time_machine.travel(MIDWEEK, tick=False):
        yield


@pytest.fixture
def viewer(levels):
    return ProfileFactory().user


def answer_url(quest, order):
    return f"{QUESTS}{quest.pk}/steps/{order}/answer/"


def test_the_quests_page_has_the_documented_shape(viewer, award):
    quest = QuestFactory(sources=["quiz"], target=3, reward_xp=30)
    CircleTheme.objects.create(name="Prompt Week", icon="🪄", side_quest=quest)
    award(viewer, at=MIDWEEK)
    body = client_for(viewer).get(QUESTS).json()
    assert set(body) == {"week_start", "theme", "quests", "quiz_streak"}
    assert body["week_start"] == "2026-11-23"
    assert body["theme"] == {"name": "Prompt Week", "color_from": "violet-700", "color_to": "fuchsia-700", "icon": "🪄", "side_quest_id": quest.pk}
    (item,) = body["quests"]
    assert set(item) >= {"id", "kind", "title", "description", "reward_xp", "progress", "steps", "completed_at", "expires_at"}
    assert (item["kind"], item["progress"], item["steps"], item["completed_at"]) == ("side_quest", {"current": 1, "target": 3}, [], None)
    assert item["expires_at"] == "2026-11-30T00:00:00Z"
    assert body["quiz_streak"]["days"] == 1


def test_a_completed_quest_shows_when_and_what_it_earned(viewer, award):
    QuestFactory(sources=["quiz"], reward_xp=30)
    award(viewer, at=MIDWEEK)
    (item,) = client_for(viewer).get(QUESTS).json()["quests"]
    assert (item["progress"], item["xp_awarded"]) == ({"current": 1, "target": 1}, 30)
    assert item["completed_at"] is not None


def test_a_hunt_shows_only_the_clues_that_are_open_and_never_answers(viewer):
    HuntFactory(answers=["Luminary", "20"])
    (item,) = client_for(viewer).get(QUESTS).json()["quests"]
    assert item["progress"] == {"current": 0, "target": 2}
    assert [(s["order"], s["clue"], s["is_open"], s["solved"]) for s in item["steps"]] == [
        (1, "Clue 1", True, False), (2, None, False, False),
    ]
    assert "Luminary" not in str(item)


def test_a_right_answer_is_200_and_opens_the_next_clue(viewer):
    hunt = HuntFactory(answers=["Luminary", "20"])
    client = client_for(viewer)
    response = client.post(answer_url(hunt, 1), {"answer": "LUMINARY "}, format="json")
    assert response.status_code == 200
    assert response.json() == {"solved": True, "order": 1, "next_step": 2, "quest_completed": False, "xp_awarded": 0}
    steps = client.get(QUESTS).json()["quests"][0]["steps"]
    assert [(s["solved"], s["is_open"], s["clue"]) for s in steps] == [(True, False, "Clue 1"), (False, True, "Clue 2")]


def test_a_wrong_answer_is_400_without_a_hint(viewer):
    hunt = HuntFactory(answers=["Luminary"])
    response = client_for(viewer).post(answer_url(hunt, 1), {"answer": "Luminar"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": "That is not the answer. Have another look where the clue points.", "code": "wrong_answer"}


def test_a_step_not_yet_open_is_409(viewer):
    hunt = HuntFactory(answers=["Luminary", "20"])
    response = client_for(viewer).post(answer_url(hunt, 2), {"answer": "20"}, format="json")
    assert (response.status_code, response.json()["code"]) == (409, "step_not_open")


def test_an_unknown_step_is_404(viewer):
    hunt = HuntFactory(answers=["Luminary"])
    assert client_for(viewer).post(answer_url(hunt, 9), {"answer": "x"}, format="json").status_code == 404


def test_a_side_quest_is_not_answerable(viewer):
    quest = QuestFactory()
    assert client_for(viewer).post(answer_url(quest, 1), {"answer": "x"}, format="json").status_code == 404


@pytest.mark.parametrize("body", [{}, {"answer": 42}, {"answer": None}, {"answer": "x" * 201}, ["Luminary"]])
def test_bad_input_is_a_400_naming_the_problem(viewer, body):
    hunt = HuntFactory(answers=["Luminary"])
    response = client_for(viewer).post(answer_url(hunt, 1), body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] != "wrong_answer"


def test_guessing_past_the_limit_is_429(settings, viewer):
    settings.THRIVE_QUEST_ANSWER_THROTTLE = "3/min"
    hunt = HuntFactory(answers=["Luminary"])
    client = client_for(viewer)
    statuses = [client.post(answer_url(hunt, 1), {"answer": f"guess {n}"}, format="json").status_code for n in range(4)]
    assert statuses == [400, 400, 400, 429]
    assert client.post(answer_url(hunt, 1), {"answer": "Luminary"}, format="json").status_code == 429


def test_signed_out_callers_get_401(db):
    assert client_for(None).get(QUESTS).status_code == 401


def test_both_endpoints_are_in_the_schema(viewer):
    schema = client_for(viewer).get("/api/schema/?format=json").json()
    assert {"200", "401", "404"} <= set(schema["paths"]["/api/v1/me/quests/"]["get"]["responses"])
    answer = schema["paths"]["/api/v1/me/quests/{quest_id}/steps/{order}/answer/"]["post"]
    assert {"200", "400", "404", "409", "429"} <= set(answer["responses"])

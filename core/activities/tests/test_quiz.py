import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from core.activities.admin import QuestionAdmin
from core.activities.models import Choice, Question, QuizAttempt
from core.points.models import PointsHistory
from core.users.tests.factories import UserFactory
from core.testing import client_for

QUIZ = "/api/v1/activities/quiz/"


def right_answers(quiz: dict) -> list[int]:
    rights = dict(Choice.objects.filter(question_id__in=[q["id"] for q in quiz["questions"]], is_correct=True).values_list("question_id", "position"))
    return [rights[q["id"]] for q in quiz["questions"]]


def test_quizzes_are_drawn_from_the_active_questions_of_the_bank(levels):
    Question.objects.exclude(pk__in=Question.objects.order_by("pk").values("pk")[:4]).update(is_active=False)
    active = set(Question.objects.filter(is_active=True).values_list("pk", flat=True))
    drawn = set()
    client = client_for(UserFactory())
    for _ in range(8):
        quiz = client.get(QUIZ).json()
        assert len(quiz["questions"]) == 3 and {q["id"] for q in quiz["questions"]} <= active
        drawn |= {q["id"] for q in quiz["questions"]}
    assert drawn == active  # with 8 draws of 3 from 4, every active question came up


def test_a_perfect_quiz_earns_the_full_xp_and_bonus_and_explains_the_answers(levels):
    client = client_for(UserFactory())
    quiz = client.get(QUIZ).json()
    result = client.post(QUIZ, {"quiz_id": quiz["id"], "answers": right_answers(quiz)}, format="json").json()
    assert (result["correct"], result["score"], result["points_awarded"]) == (3, 100, 30)
    assert all(item["is_correct"] and item["explanation"] for item in result["review"])


def test_xp_follows_the_score(levels):
    client = client_for(UserFactory())
    quiz = client.get(QUIZ).json()
    wrong = [(right + 1) % len(q["choices"]) for right, q in zip(right_answers(quiz), quiz["questions"])]
    result = client.post(QUIZ, {"quiz_id": quiz["id"], "answers": wrong}, format="json").json()
    assert (result["correct"], result["score"], result["points_awarded"]) == (0, 0, 5)
    review = result["review"][0]
    assert review["chosen"] != review["right"] and not review["is_correct"]


def test_a_quiz_is_answered_once(levels):
    client = client_for(UserFactory())
    quiz = client.get(QUIZ).json()
    body = {"quiz_id": quiz["id"], "answers": right_answers(quiz)}
    assert client.post(QUIZ, body, format="json").status_code == 200
    again = client.post(QUIZ, body, format="json")
    assert again.status_code == 409 and again.json()["code"] == "quiz_already_answered"
    assert PointsHistory.objects.filter(activity_type="quiz_completed").count() == 1


def test_without_an_id_the_latest_open_quiz_is_answered(levels):
    client = client_for(UserFactory())
    client.get(QUIZ)
    quiz = client.get(QUIZ).json()
    assert client.post(QUIZ, {"answers": right_answers(quiz)}, format="json").json()["score"] == 100


def test_nobody_answers_someone_elses_quiz(levels):
    quiz = client_for(UserFactory()).get(QUIZ).json()
    response = client_for(UserFactory()).post(QUIZ, {"quiz_id": quiz["id"], "answers": [0, 0, 0]}, format="json")
    assert response.status_code == 404


@pytest.mark.parametrize("answers", [[0, 1], [0, 1, 7], "abc", None, []])
def test_bad_answers_get_a_400_naming_them(levels, answers):
    client = client_for(UserFactory())
    quiz = client.get(QUIZ).json()
    response = client.post(QUIZ, {"quiz_id": quiz["id"], "answers": answers}, format="json")
    assert response.status_code == 400 and "answers" in response.json()["errors"]
    assert QuizAttempt.objects.get(pk=quiz["id"]).submitted_at is None


def test_an_empty_bank_is_a_clear_409(levels):
    Question.objects.update(is_active=False)
    response = client_for(UserFactory()).get(QUIZ)
    assert response.status_code == 409 and response.json()["code"] == "no_quiz_questions"


def test_the_admin_insists_on_exactly_one_right_answer(db):
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    request = RequestFactory().post("/")
    request.user = admin_user
    question = Question.objects.create(prompt="Q?", explanation="Because.")
    inline = QuestionAdmin(Question, site).get_inline_instances(request, question)[0]
    FormSet = inline.get_formset(request, question)
    data = {
        "choices-TOTAL_FORMS": "2", "choices-INITIAL_FORMS": "0",
        "choices-0-text": "A", "choices-0-position": "0", "choices-0-is_correct": "on",
        "choices-1-text": "B", "choices-1-position": "1", "choices-1-is_correct": "on",
    }
    formset = FormSet(data, instance=question, prefix="choices")
    assert not formset.is_valid() and "exactly one" in str(formset.non_form_errors())
    data.pop("choices-1-is_correct")
    assert FormSet(data, instance=question, prefix="choices").is_valid()

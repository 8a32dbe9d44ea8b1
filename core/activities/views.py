from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from core.api import ERRORS

from . import services
from .serializers import QuizAnswersSerializer, QuizResultSerializer, QuizSerializer


@extend_schema(methods=["GET"], responses={200: QuizSerializer, **ERRORS.auth, **ERRORS.conflict})
@extend_schema(
    methods=["POST"],
    request=QuizAnswersSerializer,
    responses={200: QuizResultSerializer, **ERRORS.bad_request_auth, **ERRORS.conflict},
)
@api_view(["GET", "POST"])
def quiz(request):
    """Quick Quiz: GET draws new questions from the bank; POST the answers to earn XP by the score."""
    if request.method == "GET":
        attempt, questions = services.start_quiz(request.user)
        title = questions[0].topic if questions else "Quick Quiz"
        return Response(QuizSerializer({"id": attempt.pk, "title": title, "questions": questions}).data)
    body = QuizAnswersSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    result = services.submit_quiz(
        request.user, answers=body.validated_data["answers"], attempt_id=body.validated_data.get("quiz_id")
    )
    history = result["history"]
    message = (
        "Perfect score!" if result["correct"] == result["total"] else f"{result['correct']} of {result['total']} right: every quiz helps you grow."
    )
    note = getattr(history, "fair_play_message", "")
    return Response(
        QuizResultSerializer(
            {**result, "points_awarded": history.points_awarded, "message": f"{message} {note}" if note else message}
        ).data
    )

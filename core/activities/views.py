from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from core.api import ERRORS, ErrorSerializer

NOT_FOUND = {404: OpenApiResponse(ErrorSerializer, description="No such quiz or project of yours.")}

from . import projects, services
from .serializers import (
    MilestoneInputSerializer,
    NewProjectSerializer,
    ProjectListSerializer,
    ProjectResultSerializer,
    QuizAnswersSerializer,
    QuizResultSerializer,
    QuizSerializer,
)


@extend_schema(methods=["GET"], responses={200: QuizSerializer, **ERRORS.auth, **ERRORS.conflict})
@extend_schema(
    methods=["POST"],
    request=QuizAnswersSerializer,
    responses={200: QuizResultSerializer, **ERRORS.bad_request_auth, **ERRORS.conflict, **NOT_FOUND},
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


def _message(text: str, history) -> str:
    note = getattr(history, "fair_play_message", "")
    return f"{text} {note}" if note else text


def _project_result(project, history, text: str, status_code=200) -> Response:
    project = projects.Project.objects.prefetch_related("milestones").get(pk=project.pk)
    body = {"points_awarded": history.points_awarded, "message": _message(text, history), "project": project}
    return Response(ProjectResultSerializer(body).data, status=status_code)


@extend_schema(methods=["GET"], responses={200: ProjectListSerializer, **ERRORS.auth})
@extend_schema(methods=["POST"], request=NewProjectSerializer, responses={200: ProjectResultSerializer, **ERRORS.bad_request_auth})
@api_view(["GET", "POST"])
def project_list(request):
    """Your projects (GET), or a new one that earns the project XP (POST)."""
    if request.method == "GET":
        return Response(ProjectListSerializer({"projects": projects.projects_of(request.user)}).data)
    body = NewProjectSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    project, history = projects.create_project(request.user, **body.validated_data)
    return _project_result(project, history, "Project created: keep building!")


@extend_schema(request=None, responses={200: ProjectResultSerializer, **ERRORS.bad_request_auth, **ERRORS.conflict, **NOT_FOUND})
@api_view(["POST"])
def publish_project(request, project_id: int):
    """Publish your project for others to see; earns the publish XP once."""
    project, history = projects.publish_project(request.user, project_id)
    return _project_result(project, history, "Published: your circle can see it now!")


@extend_schema(
    request=MilestoneInputSerializer,
    responses={200: ProjectResultSerializer, **ERRORS.bad_request_auth, **ERRORS.conflict, **NOT_FOUND},
)
@api_view(["POST"])
def project_milestone(request, project_id: int):
    """Mark a milestone of your project (each once); earns the milestone XP."""
    body = MilestoneInputSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    milestone, history = projects.reach_milestone(request.user, project_id, title=body.validated_data["title"])
    return _project_result(milestone.project, history, f"Milestone reached: {milestone.title}!")

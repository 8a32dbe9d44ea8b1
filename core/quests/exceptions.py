"""The quest engine's domain errors."""

from rest_framework import status

from core.exceptions import ApplicationError, Conflict, NotFound


class QuestNotFound(NotFound):
    code = "quest_not_found"


class StepNotOpen(Conflict):
    """A hunt step whose earlier steps are not solved yet."""

    code = "step_not_open"


class WrongAnswer(ApplicationError):
    """Deliberately says nothing of how close the answer was."""

    code = "wrong_answer"
    status_code = status.HTTP_400_BAD_REQUEST

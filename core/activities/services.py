"""Quizzes drawn from the question bank: start one, answer it once, earn XP by the score."""

import random

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.exceptions import ApplicationError, Conflict, NotFound
from core.points.models import ActivityType
from core.points.services import PointsService

from .models import Question, QuizAttempt


class NoQuizQuestions(Conflict):
    code = "no_quiz_questions"


class QuizAlreadyAnswered(Conflict):
    code = "quiz_already_answered"


class InvalidAnswers(ApplicationError):
    code = "invalid_answers"


def start_quiz(user, *, rng: random.Random | None = None) -> tuple[QuizAttempt, list[Question]]:
    """Draw THRIVE_QUIZ_LENGTH active questions (fewer if the bank is small) into a new attempt."""
    active = list(Question.objects.filter(is_active=True).values_list("pk", flat=True))
    if not active:
        raise NoQuizQuestions("There are no quiz questions yet. Please try again later.")
    drawn = (rng or random).sample(active, min(settings.THRIVE_QUIZ_LENGTH, len(active)))
    attempt = QuizAttempt.objects.create(user=user, question_ids=drawn)
    return attempt, questions_of(attempt)


def questions_of(attempt: QuizAttempt) -> list[Question]:
    by_id = {q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices")}
    return [by_id[pk] for pk in attempt.question_ids if pk in by_id]


@transaction.atomic
def submit_quiz(user, *, answers: list[int], attempt_id=None) -> dict:
    """Grade `answers` (a choice index per question, in order) and award XP by the score.

    Each attempt is answered once (its row is locked; a second submission is a Conflict), and the
    award's idempotency key is the attempt, so a retried request cannot award twice. Without
    `attempt_id` the person's latest unanswered quiz is meant.
    """
    attempts = QuizAttempt.objects.select_for_update().filter(user=user)
    attempt = (attempts.filter(pk=attempt_id) if attempt_id else attempts.filter(submitted_at__isnull=True)).first()
    if attempt is None:
        raise NotFound("No quiz to answer: open a new Quick Quiz first.")
    if attempt.submitted_at is not None:
        raise QuizAlreadyAnswered("You already answered this quiz. Take a new one!")
    questions = questions_of(attempt)
    if len(answers) != len(questions):
        raise InvalidAnswers(f"Answer each of the {len(questions)} questions.", extra={"errors": {"answers": ["Wrong number of answers."]}})
    review = []
    for question, given in zip(questions, answers):
        choices = list(question.choices.all())
        if not 0 <= given < len(choices):
            raise InvalidAnswers("An answer is not one of the choices.", extra={"errors": {"answers": ["Unknown choice."]}})
        right = next(index for index, choice in enumerate(choices) if choice.is_correct)
        review.append(
            {
                "question_id": question.pk,
                "prompt": question.prompt,
                "choices": [choice.text for choice in choices],
                "chosen": given,
                "right": right,
                "is_correct": given == right,
                "explanation": question.explanation,
            }
        )
    correct = sum(item["is_correct"] for item in review)
    score = round(100 * correct / len(review))
    attempt.submitted_at, attempt.correct, attempt.score = timezone.now(), correct, score
    attempt.save(update_fields=["submitted_at", "correct", "score"])
    title = questions[0].topic if questions else "Quick Quiz"
    history = PointsService.award_points(
        user, ActivityType.QUIZ_COMPLETED, {"title": title, "score": score}, idempotency_key=f"quiz-attempt:{attempt.pk}"
    )
    return {"attempt": attempt, "history": history, "correct": correct, "total": len(review), "score": score, "review": review}

"""The demo's small activities: a three-question quiz, a Prompt Battle entry and a new project.

They stand in for the platform's real quizzes, battles and projects, and award points through
the same PointsService path.
"""

QUIZ = {
    "id": "ai-basics",
    "title": "AI Basics",
    "questions": [
        {"id": 1, "prompt": "What does a language model predict?", "choices": ["The next token", "The weather", "A database row"]},
        {"id": 2, "prompt": "Which prompt is usually clearer?", "choices": ["Do it", "Summarise this article in three bullet points", "???"]},
        {"id": 3, "prompt": "What is a good first step when a model's answer looks wrong?", "choices": ["Give up", "Check the facts and refine the prompt", "Shout at it"]},
    ],
}
QUIZ_ANSWERS = [0, 1, 1]


def grade_quiz(answers: list[int]) -> tuple[int, int]:
    """Returns (correct, score in percent)."""
    correct = sum(given == expected for given, expected in zip(answers, QUIZ_ANSWERS))
    return correct, round(100 * correct / len(QUIZ_ANSWERS))

from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    """The platform's activities that earn XP: quizzes drawn from a question bank managed in the admin."""

    name = "core.activities"
    label = "activities"
    verbose_name = "Activities"

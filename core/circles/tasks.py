"""Celery finds an app's tasks in its `tasks` module; they live with the work they run."""

from .assignment.tasks import assign_weekly_circles

__all__ = ["assign_weekly_circles"]

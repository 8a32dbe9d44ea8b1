"""Celery finds an app's tasks in its `tasks` module; they live with the work they run."""

from .assignment.tasks import assign_weekly_circles
from .ops.alerts import check_thrive_alerts

__all__ = ["assign_weekly_circles", "check_thrive_alerts"]

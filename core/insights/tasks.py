from celery import shared_task

from .services import snapshot_finished_weeks


@shared_task(name="core.insights.tasks.snapshot_weekly_kpis")
def snapshot_weekly_kpis() -> int:
    """Monday 01:00 (settings.CELERY_BEAT_SCHEDULE): store the week that just finished (and any
    earlier one of the last 12 that is missing), so the dashboard only computes the running week."""
    return snapshot_finished_weeks()

from celery import shared_task

from . import services


@shared_task
def close_due_battles() -> int:
    """Decide every battle whose time is up (safe to run again: see services.close_battle)."""
    return sum(result.closed_now for result in services.close_due_battles())

from celery import shared_task

from . import services


@shared_task
def delete_expired_chat_messages() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): messages THRIVE_CHAT_RETENTION_DAYS after their week are deleted."""
    return services.delete_expired_messages()

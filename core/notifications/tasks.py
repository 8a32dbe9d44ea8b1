"""Hourly jobs: each person's evening streak reminder and Monday-morning recap, in their own zone."""

import logging

from celery import shared_task

from . import emails, services

logger = logging.getLogger(__name__)


@shared_task(name="core.notifications.tasks.nudge_streaks_at_risk")
def nudge_streaks_at_risk() -> int:
    created = services.nudge_streaks_at_risk()
    logger.info("Streak-at-risk reminders: %d", created)
    return created


@shared_task(name="core.notifications.tasks.send_weekly_recaps")
def send_weekly_recaps() -> int:
    sent = emails.send_weekly_recaps()
    logger.info("Weekly recap emails sent: %d", sent)
    return sent

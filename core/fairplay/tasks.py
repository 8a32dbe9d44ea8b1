"""The daily spike sweep (settings.CELERY_BEAT_SCHEDULE). Awards made through PointsService are
checked as they happen; the sweep also catches XP granted any other way (direct XPService calls,
imports) and, on Monday morning, the last hours of the week that just ended."""

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from core.circles import weeks

from .services import detect_spikes


@shared_task(name="core.fairplay.tasks.detect_xp_spikes")
def detect_xp_spikes() -> dict:
    now = timezone.now()
    running = weeks.week_start_for(now)
    last = running - timedelta(days=7)
    return {
        last.isoformat(): detect_spikes(last, now=now),
        running.isoformat(): detect_spikes(running, now=now),
    }

"""Celery app; the weekly circle job runs here when a broker is configured."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("thrive_circles")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

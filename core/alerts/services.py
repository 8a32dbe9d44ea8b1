"""Raising and resolving alerts. An alert goes out once per incident, through every channel:

- an ERROR log line that starts with the stable event name (`thrive.alert.assignment_failed: ...`),
  with `event` and `alert_key` on the record for log tools;
- Django's mail to `ADMINS` (`mail_admins`; the backend is `EMAIL_URL`, the console by default);
- a JSON POST to `THRIVE_ALERT_WEBHOOK_URL`, when set (chat or paging tools).

The JSON sent to the webhook is the one in the mail: `event`, `key`, `summary`, `details`,
`raised_at`. A channel that fails is logged (`thrive.alert.delivery_failed`) and does not stop the
others; the incident stays recorded either way.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from datetime import datetime

from django.conf import settings
from django.core.mail import mail_admins
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Alert

logger = logging.getLogger("thrive.alerts")

DELIVERY_FAILED = "thrive.alert.delivery_failed"
RESOLVED = "thrive.alert.resolved"


def raise_alert(*, key: str, event: str, summary: str, details: dict | None = None, now: datetime | None = None) -> Alert | None:
    """Open the incident `key` and send its alert after commit. Idempotent by key: while an alert
    with this key is open nothing is recorded or sent and None is returned, also when two checkers
    race (the partial unique constraint lets exactly one insert win). Returns the new alert."""
    if Alert.objects.filter(key=key, resolved_at__isnull=True).exists():
        return None
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                key=key, event=event, summary=summary[:300], details=details or {}, raised_at=now or timezone.now()
            )
    except IntegrityError:
        return None  # a concurrent checker opened it first and sends it
    transaction.on_commit(lambda: send_alert(alert))
    return alert


def resolve_alert(*, key: str, now: datetime | None = None) -> bool:
    """Close the open incident `key`, if any, so its next occurrence alerts again. Returns whether
    one was open. Nothing is sent: the log line is enough to see when it ended."""
    resolved = Alert.objects.filter(key=key, resolved_at__isnull=True).update(resolved_at=now or timezone.now())
    if resolved:
        logger.info("%s: %s", RESOLVED, key, extra={"event": RESOLVED, "alert_key": key})
    return bool(resolved)


def alert_payload(alert: Alert) -> dict:
    return {
        "event": alert.event,
        "key": alert.key,
        "summary": alert.summary,
        "details": alert.details,
        "raised_at": alert.raised_at,
    }


def send_alert(alert: Alert) -> None:
    """Send `alert` through every channel; a failing channel is logged, never raised."""
    payload = alert_payload(alert)
    body = json.dumps(payload, cls=DjangoJSONEncoder, indent=2, sort_keys=True)
    logger.error("%s: %s", alert.event, alert.summary, extra={"event": alert.event, "alert_key": alert.key})
    try:
        mail_admins(alert.summary, f"{alert.summary}\n\n{body}\n", fail_silently=False)
    except Exception:  # noqa: BLE001 - the other channels must still go out
        logger.exception("%s: mail for %s", DELIVERY_FAILED, alert.key, extra={"event": DELIVERY_FAILED})
    url = settings.THRIVE_ALERT_WEBHOOK_URL
    if url:
        try:
            _post_json(url, body.encode())
        except Exception:  # noqa: BLE001
            logger.exception("%s: webhook for %s", DELIVERY_FAILED, alert.key, extra={"event": DELIVERY_FAILED})


def _post_json(url: str, body: bytes) -> None:
    # The settings only accept http(s) URLs, so urlopen never opens a file or another scheme.
    request = urllib.request.Request(
        url, data=body, method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "thrive-circles-alerts"},
    )
    with urllib.request.urlopen(request, timeout=settings.THRIVE_ALERT_WEBHOOK_TIMEOUT_SECONDS) as response:  # noqa: S310
        response.read()

"""One alert per incident, through every channel: mail to ADMINS, an ERROR log line, the webhook."""

import logging
from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
from django.core import mail

from core.alerts import counters
from core.alerts.models import Alert
from core.alerts.services import raise_alert, resolve_alert
from core.testing import WebhookReceiver, run_concurrently

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=dt_timezone.utc)


def raise_broken_run(**overrides):
    fields = {
        "key": "assignment_failed:2026-11-23",
        "event": "thrive.alert.assignment_failed",
        "summary": "The weekly run failed.",
        "details": {"run_id": 7},
        "now": NOW,
    }
    return raise_alert(**{**fields, **overrides})


def test_an_alert_goes_to_the_admins_the_log_and_the_webhook_with_the_same_json(
    db, alert_webhook, caplog, django_capture_on_commit_callbacks
):
    with caplog.at_level(logging.ERROR, logger="thrive.alerts"), django_capture_on_commit_callbacks(execute=True):
        alert = raise_broken_run()

    expected = {
        "event": "thrive.alert.assignment_failed",
        "key": "assignment_failed:2026-11-23",
        "summary": "The weekly run failed.",
        "details": {"run_id": 7},
        "raised_at": "2026-11-25T12:00:00Z",
    }
    assert alert_webhook.received == [expected]
    [message] = mail.outbox
    assert message.to == ["ops@example.com"] and message.subject == "[Thrive Circles] The weekly run failed."
    assert '"event": "thrive.alert.assignment_failed"' in message.body and '"run_id": 7' in message.body
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.getMessage() == "thrive.alert.assignment_failed: The weekly run failed."
    assert (record.event, record.alert_key) == ("thrive.alert.assignment_failed", alert.key)


def test_the_same_open_incident_is_not_announced_again(db, alert_webhook, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = raise_broken_run()
        again = raise_broken_run(summary="Still failing.", now=NOW + timedelta(minutes=5))

    assert first is not None and again is None
    assert (len(mail.outbox), len(alert_webhook.received), Alert.objects.count()) == (1, 1, 1)


def test_after_it_is_resolved_the_next_occurrence_is_a_new_incident(db, alert_webhook, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        raise_broken_run()
        assert resolve_alert(key="assignment_failed:2026-11-23", now=NOW + timedelta(minutes=10))
        assert not resolve_alert(key="assignment_failed:2026-11-23")  # nothing open any more
        raise_broken_run(now=NOW + timedelta(minutes=20))

    assert len(mail.outbox) == len(alert_webhook.received) == 2
    assert [alert.is_open for alert in Alert.objects.order_by("raised_at")] == [False, True]


def test_a_failing_webhook_is_logged_and_the_mail_still_goes_out(db, settings, caplog, django_capture_on_commit_callbacks):
    settings.ADMINS = [("Ops", "ops@example.com")]
    with WebhookReceiver(status=500) as broken:
        settings.THRIVE_ALERT_WEBHOOK_URL = broken.url
        with caplog.at_level(logging.ERROR, logger="thrive.alerts"), django_capture_on_commit_callbacks(execute=True):
            raise_broken_run()

    assert len(broken.received) == 1 and len(mail.outbox) == 1
    assert any(r.getMessage().startswith("thrive.alert.delivery_failed: webhook") for r in caplog.records)


def test_without_a_webhook_url_only_the_mail_and_the_log_go_out(db, settings, django_capture_on_commit_callbacks):
    settings.ADMINS = [("Ops", "ops@example.com")]
    settings.THRIVE_ALERT_WEBHOOK_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        raise_broken_run()
    assert len(mail.outbox) == 1


def test_nothing_is_sent_if_the_transaction_that_raised_it_rolls_back(db, alert_webhook, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            raise_broken_run()
            raise RuntimeError("the checker crashed")
    assert (callbacks, mail.outbox, alert_webhook.received, Alert.objects.count()) == ([], [], [], 0)


def test_counts_are_summed_over_the_last_five_minutes_only():
    start = NOW
    for minute in range(7):  # one failure a minute for 7 minutes
        counters.count_event("test_failures", now=start + timedelta(minutes=minute))
    counters.count_event("test_failures", now=start + timedelta(minutes=6))

    assert counters.count_in_window("test_failures", now=start + timedelta(minutes=6)) == 6  # minutes 2..6, two at 6
    assert counters.count_in_window("test_failures", now=start + timedelta(minutes=10)) == 2  # minutes 6..10
    assert counters.count_in_window("test_failures", now=start + timedelta(minutes=11)) == 0
    assert counters.count_in_window("other_failures", now=start + timedelta(minutes=6)) == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_checkers_racing_on_one_incident_send_one_alert(alert_webhook):
    results = run_concurrently(*[raise_broken_run] * 4)
    assert sum(result is not None for result in results) == 1
    assert (Alert.objects.count(), len(mail.outbox), len(alert_webhook.received)) == (1, 1, 1)

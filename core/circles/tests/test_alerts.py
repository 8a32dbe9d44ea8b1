"""Operators hear about trouble: the alert checks (ops/alerts.py) end to end, through Django's
locmem mail backend, the ERROR log and a webhook served in the test."""

import logging
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.utils import timezone

from core.alerts.models import Alert
from core.circles import tasks
from core.circles.assignment import grouping
from core.circles.ops.alerts import check_alerts
from core.circles.services import CircleAssignmentService
from core.circles.tests.factories import ProfileFactory
from core.points import services as points_services
from core.points.exceptions import UnknownActivityType
from core.points.models import ActivityType
from core.points.services import PointsService
from core.users.tests.factories import UserFactory

NEW_YORK = ZoneInfo("America/New_York")
MONDAY = datetime(2026, 11, 23, tzinfo=NEW_YORK)  # a reset: Monday 00:00 in THRIVE_TIME_ZONE (05:00 UTC)


@pytest.fixture(autouse=True)
def new_york(settings):
    settings.TIME_ZONE = "America/New_York"  # not UTC, so a reset computed in UTC would be caught
    settings.THRIVE_ALERT_ASSIGNMENT_LATE_MINUTES = 60


def events(alerts) -> list[str]:
    return sorted(alert.event for alert in alerts)


def test_a_failed_weekly_run_is_announced_once_and_resolved_by_a_good_rerun(
    levels, alert_webhook, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    ProfileFactory(last_activity_at=MONDAY - timedelta(days=1))
    with time_machine.travel(MONDAY + timedelta(minutes=5), tick=False):
        monkeypatch.setattr(grouping, "plan_circles", lambda *a, **k: 1 / 0)
        with pytest.raises(CommandError):
            call_command("assign_thrive_circles", stdout=StringIO())
        with caplog.at_level(logging.ERROR, logger="thrive.alerts"), django_capture_on_commit_callbacks(execute=True):
            first = tasks.check_thrive_alerts()  # what beat runs every minute
            again = tasks.check_thrive_alerts()

    assert (first, again) == (["assignment_failed:2026-11-23"], [])
    [message] = mail.outbox
    assert message.to == ["ops@example.com"] and "failed" in message.subject
    [payload] = alert_webhook.received
    assert payload["event"] == "thrive.alert.assignment_failed" and payload["details"]["trigger"] == "command"
    assert "ZeroDivisionError" in payload["details"]["error"]
    assert [r.getMessage().split(":")[0] for r in caplog.records if r.levelno == logging.ERROR and r.name == "thrive.alerts"] == [
        "thrive.alert.assignment_failed"
    ]

    monkeypatch.undo()
    with time_machine.travel(MONDAY + timedelta(minutes=20), tick=False), django_capture_on_commit_callbacks(execute=True):
        call_command("assign_thrive_circles", stdout=StringIO())
        assert tasks.check_thrive_alerts() == []
    assert not Alert.objects.get(key="assignment_failed:2026-11-23").is_open
    assert len(mail.outbox) == len(alert_webhook.received) == 1


def test_a_run_not_finished_in_time_after_the_reset_is_announced_in_the_platforms_time_zone(
    levels, alert_webhook, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert check_alerts(now=MONDAY + timedelta(minutes=59)) == []
        late = check_alerts(now=MONDAY + timedelta(minutes=61))
        assert check_alerts(now=MONDAY + timedelta(minutes=90)) == []  # the same incident

    assert [alert.key for alert in late] == ["assignment_late:2026-11-23"]
    [payload] = alert_webhook.received
    assert payload["event"] == "thrive.alert.assignment_late"
    assert payload["details"]["reset_at"] == "2026-11-23T00:00:00-05:00"
    assert len(mail.outbox) == 1 and "61 min after the reset" in mail.outbox[0].subject


def test_a_run_built_before_the_reset_counts_as_finished(levels, alert_webhook, django_capture_on_commit_callbacks):
    CircleAssignmentService.assign_weekly_circles(now=MONDAY - timedelta(hours=1))  # the Sunday 23:00 job

    with django_capture_on_commit_callbacks(execute=True):
        assert check_alerts(now=MONDAY + timedelta(hours=3)) == []
    assert mail.outbox == [] and alert_webhook.received == []


def test_the_late_alert_is_resolved_once_the_week_is_built(levels, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        check_alerts(now=MONDAY + timedelta(hours=2))
        CircleAssignmentService.assign_weekly_circles(now=MONDAY + timedelta(hours=2, minutes=5))
        check_alerts(now=MONDAY + timedelta(hours=2, minutes=6))
    assert not Alert.objects.get(key="assignment_late:2026-11-23").is_open


@pytest.fixture
def week_built(levels, midweek):
    """A healthy week, so only the award checks can speak."""
    CircleAssignmentService.assign_weekly_circles()


@pytest.fixture
def failing_awards(monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("deadlock detected")

    monkeypatch.setattr(points_services.XPService, "add_xp", broken)

    def fail(times: int):
        user = UserFactory()
        for _ in range(times):
            with pytest.raises(OperationalError):
                PointsService.award_points(user, ActivityType.PROJECT_CREATED, {"title": "Recipe Bot"})

    return fail


def test_a_jump_in_failed_awards_is_announced_once(week_built, failing_awards, settings, alert_webhook, django_capture_on_commit_callbacks):
    settings.THRIVE_ALERT_AWARD_ERRORS = 3
    with django_capture_on_commit_callbacks(execute=True):
        failing_awards(2)
        assert check_alerts() == []  # below the threshold
        failing_awards(1)
        assert events(check_alerts()) == ["thrive.alert.award_errors"]
        failing_awards(5)
        assert check_alerts() == []  # still the same incident

    [payload] = alert_webhook.received
    assert payload["details"] == {
        "failed_awards": 3, "window_minutes": 5, "threshold": 3,
        "fix": "The ERROR lines of the web and worker logs name the exception; check the database first.",
    }
    assert len(mail.outbox) == 1


def test_the_award_incident_ends_when_the_failures_stop(
    week_built, failing_awards, settings, alert_webhook, django_capture_on_commit_callbacks
):
    settings.THRIVE_ALERT_AWARD_ERRORS = 3
    with django_capture_on_commit_callbacks(execute=True):
        failing_awards(3)
        check_alerts()
        check_alerts(now=timezone.now() + timedelta(minutes=6))  # the failures left the window
        failing_awards(3)
        assert events(check_alerts()) == ["thrive.alert.award_errors"]  # a new incident
    assert Alert.objects.filter(key="award_errors").count() == 2 and len(alert_webhook.received) == len(mail.outbox) == 2


def test_domain_errors_are_the_callers_mistake_and_not_counted(week_built, settings, django_capture_on_commit_callbacks):
    settings.THRIVE_ALERT_AWARD_ERRORS = 1
    for _ in range(3):
        with pytest.raises(UnknownActivityType):
            PointsService.award_points(UserFactory(), "not_an_activity")
    with django_capture_on_commit_callbacks(execute=True):
        assert check_alerts() == []
    assert mail.outbox == []


def test_beat_runs_the_checks_every_minute():
    [entry] = [e for e in django_settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == tasks.check_thrive_alerts.name]
    assert str(entry["schedule"]) == str(__import__("celery").schedules.crontab())


def test_cron_can_run_the_checks_through_the_health_command(levels, alert_webhook, django_capture_on_commit_callbacks):
    err = StringIO()
    # Nobody is eligible, so the health checks pass; but no run of the week finished: beat is down.
    with time_machine.travel(MONDAY + timedelta(hours=3), tick=False), django_capture_on_commit_callbacks(execute=True):
        call_command("check_thrive_circles", "--alert", stdout=StringIO(), stderr=err)
    assert "Alert sent: thrive.alert.assignment_late (assignment_late:2026-11-23)" in err.getvalue()
    assert len(mail.outbox) == 1


def test_the_late_alert_follows_the_configured_reset_hour(levels, settings, django_capture_on_commit_callbacks):
    settings.THRIVE_RESET_HOUR = 6  # the week starts Monday 06:00 New York time
    with django_capture_on_commit_callbacks(execute=True):
        assert check_alerts(now=MONDAY + timedelta(hours=6, minutes=59)) == []
        assert [a.key for a in check_alerts(now=MONDAY + timedelta(hours=7, minutes=1))] == ["assignment_late:2026-11-23"]

"""Once, when runs race: on PostgreSQL with real threads."""

from datetime import date, datetime, timezone

import pytest
from django.core import mail

from core.circles.services import load_default_levels
from core.notifications.emails import send_weekly_recaps
from core.notifications.kinds import Kind
from core.notifications.models import Notification, RecapDelivery
from core.notifications.services import Item, notify_many, nudge_streaks_at_risk
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory

TOKYO_EVENING = datetime(2026, 11, 25, 11, 0, tzinfo=timezone.utc)
TOKYO_MONDAY_8AM = datetime(2026, 11, 29, 23, 0, tzinfo=timezone.utc)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_creations_of_one_notification_leave_one_row():
    people = UserFactory.create_batch(5)
    items = [Item(person.pk, {"level": "Explorer"}, "level:2") for person in people]
    run_concurrently(*[lambda: notify_many(Kind.LEVEL_REACHED, items)] * 6)
    assert Notification.objects.count() == 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_hourly_runs_nudge_once():
    UserFactory(time_zone="Asia/Tokyo", current_streak=4, last_login_date=date(2026, 11, 24))
    run_concurrently(*[lambda: nudge_streaks_at_risk(now=TOKYO_EVENING)] * 4)
    assert Notification.objects.filter(kind="streak_at_risk").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_recap_runs_send_each_email_once():
    load_default_levels()
    for n in range(3):
        UserFactory(time_zone="Asia/Tokyo", email=f"p{n}@example.com")
    sent = run_concurrently(*[lambda: send_weekly_recaps(now=TOKYO_MONDAY_8AM)] * 4)
    assert sum(sent) == 3
    assert sorted(m.to[0] for m in mail.outbox) == ["p0@example.com", "p1@example.com", "p2@example.com"]
    assert RecapDelivery.objects.filter(status="sent").count() == 3

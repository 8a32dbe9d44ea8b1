"""The weekly recap email: on each person's Monday morning, once per week, with a working unsubscribe."""

from datetime import date, datetime, timedelta, timezone

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client

from core.circles import weeks
from core.circles.models import XPEvent
from core.circles.services import record_past_events
from core.circles.tests.factories import CircleFactory
from core.notifications.emails import send_weekly_recaps, unsubscribe_token
from core.notifications.models import RecapDelivery
from core.notifications.selectors import preferences_of
from core.together.models import CircleGoal

from .conftest import seated

UTC = timezone.utc
WEEK = date(2026, 11, 23)  # the circle week Monday 23 - Sunday 29 November
TOKYO_MONDAY_8AM = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
LA_MONDAY_8AM = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")


@pytest.fixture
def tokyo(levels):
    circle = CircleFactory(week_start=WEEK, week_end=WEEK + timedelta(days=6), name="Seedling Circle A")
    ana = seated("ana", circle, user__time_zone="Asia/Tokyo", user__email="ana@example.com", total_xp=50).user  # 120 after her quiz below
    ben = seated("ben", circle, user__email="ben@example.com").user
    start = weeks.week_bounds(WEEK)[0]
    record_past_events([  # as the ledger records past events: with their day tally
        XPEvent(user=ana, amount=70, source="quiz", description="Quiz", timestamp=start + timedelta(days=1)),
        XPEvent(user=ben, amount=30, source="quiz", description="Quiz", timestamp=start + timedelta(days=2)),
    ], now=start + timedelta(days=2))
    CircleGoal.objects.create(circle=circle, target_xp=80, reached_at=start + timedelta(days=2))
    return ana


def test_the_recap_goes_out_on_the_persons_monday_morning_with_both_parts(tokyo):
    assert send_weekly_recaps(now=TOKYO_MONDAY_8AM) == 1
    (email,) = mail.outbox
    assert email.to == ["ana@example.com"]
    assert "70 XP" in email.subject
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    for text in (email.body, html):
        assert "Seedling Circle A" in text
        assert "100" in text  # XP together
        assert "of 80 XP" in text and "reached together" in text
        assert "380 XP to Explorer" in text  # 500 - 120
        assert "Most popular activity: Quiz" in text.replace("<strong>", "").replace("</strong>", "")
    assert email.extra_headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/notifications/unsubscribe/")


def test_reruns_and_retries_send_it_once(tokyo):
    send_weekly_recaps(now=TOKYO_MONDAY_8AM)
    send_weekly_recaps(now=TOKYO_MONDAY_8AM)
    send_weekly_recaps(now=TOKYO_MONDAY_8AM + timedelta(hours=1))
    assert len(mail.outbox) == 1
    assert RecapDelivery.objects.get(user=tokyo).status == "sent"


def test_others_wait_for_their_own_monday_morning(tokyo):
    send_weekly_recaps(now=TOKYO_MONDAY_8AM)
    assert [m.to for m in mail.outbox] == [["ana@example.com"]]  # ben (UTC) is at Sunday 23:00
    send_weekly_recaps(now=LA_MONDAY_8AM)  # 16:00 UTC: past ben's morning
    assert len(mail.outbox) == 1
    send_weekly_recaps(now=datetime(2026, 11, 30, 9, 0, tzinfo=UTC))
    assert [m.to for m in mail.outbox] == [["ana@example.com"], ["ben@example.com"]]


def test_a_failed_send_is_released_and_the_next_run_sends_it(tokyo, settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    assert send_weekly_recaps(now=TOKYO_MONDAY_8AM) == 0
    assert not RecapDelivery.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_weekly_recaps(now=TOKYO_MONDAY_8AM + timedelta(hours=1)) == 1


def test_a_claim_left_by_a_crash_is_not_sent_again(tokyo):
    RecapDelivery.objects.create(user=tokyo, week_start=date(2026, 11, 30))  # claimed, then the worker died
    assert send_weekly_recaps(now=TOKYO_MONDAY_8AM) == 0
    assert mail.outbox == []


def test_the_unsubscribe_link_asks_then_unsubscribes(tokyo):
    url = f"/notifications/unsubscribe/{unsubscribe_token(tokyo)}/"
    page = Client().get(url)
    assert page.status_code == 200 and b"Unsubscribe" in page.content
    assert preferences_of(tokyo)["weekly_recap"] is True  # looking is not unsubscribing
    done = Client().post(url)  # one-click: no session, no CSRF token
    assert done.status_code == 200 and b"unsubscribed" in done.content
    assert preferences_of(tokyo)["weekly_recap"] is False
    assert send_weekly_recaps(now=TOKYO_MONDAY_8AM) == 0


@pytest.mark.parametrize("tamper", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "1" + t, lambda t: "nonsense"])
def test_a_tampered_link_is_rejected(tokyo, tamper):
    token = tamper(unsubscribe_token(tokyo))
    response = Client().post(f"/notifications/unsubscribe/{token}/")
    assert response.status_code == 400
    assert preferences_of(tokyo)["weekly_recap"] is True


def test_the_emailed_link_unsubscribes(tokyo):
    send_weekly_recaps(now=TOKYO_MONDAY_8AM)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://127.0.0.1:8000")
    assert Client().post(link).status_code == 200
    assert preferences_of(tokyo)["weekly_recap"] is False


def test_no_recap_outside_the_launch(tokyo):
    from core.launch.tests.factories import soft_launch_flag

    soft_launch_flag()  # soft launch with nobody in it
    assert send_weekly_recaps(now=TOKYO_MONDAY_8AM) == 0
    assert not RecapDelivery.objects.exists()  # not claimed: it goes out if they join this morning

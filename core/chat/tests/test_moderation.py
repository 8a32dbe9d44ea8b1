from datetime import timedelta

import pytest
from django.utils import timezone

from core.circles import weeks

from core.chat import services
from core.chat.tasks import delete_expired_chat_messages
from core.chat.models import ChatMessage, ChatMute, ChatReport, ClosedCircleChat, Decision, PersonalMute
from core.users.tests.factories import UserFactory

from .conftest import CHAT, client_for, send
from .factories import ChatMessageFactory


def report_url(message) -> str:
    return f"{CHAT}{message.pk}/report/"


@pytest.fixture
def ben_message(two_circles):
    return ChatMessageFactory(circle=two_circles["one"], author=two_circles["ben"], text="something rude")


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


# --- Reports ---------------------------------------------------------------------------------------
def test_a_report_goes_to_the_queue_with_a_copy_of_the_message(two_circles, ben_message):
    response = client_for(two_circles["ana"]).post(report_url(ben_message), {"reason": "Rude to me"}, format="json")
    assert response.status_code == 201
    assert response.json()["decision"] == "pending"
    report = ChatReport.objects.get()
    assert (report.message, report.reporter, report.reason) == (ben_message, two_circles["ana"], "Rude to me")
    assert (report.message_author, report.message_text, report.circle) == (two_circles["ben"], "something rude", two_circles["one"])


def test_reporting_twice_changes_nothing(two_circles, ben_message):
    client = client_for(two_circles["ana"])
    client.post(report_url(ben_message), {"reason": "Rude"}, format="json")
    response = client.post(report_url(ben_message), {"reason": "Rude again"}, format="json")
    assert response.status_code == 200
    assert ChatReport.objects.count() == 1


def test_one_cannot_report_ones_own_message(two_circles, ben_message):
    response = client_for(two_circles["ben"]).post(report_url(ben_message), {"reason": "oops"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "own_message"


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "  \x07 "}, {"reason": 3}])
def test_a_report_needs_a_reason(two_circles, ben_message, body):
    response = client_for(two_circles["ana"]).post(report_url(ben_message), body, format="json")
    assert response.status_code == 400
    assert not ChatReport.objects.exists()


def test_a_message_of_another_circle_cannot_be_reported(two_circles, ben_message):
    response = client_for(two_circles["cy"]).post(report_url(ben_message), {"reason": "spam"}, format="json")
    assert response.status_code == 404
    assert "rude" not in response.content.decode()


def test_an_unknown_message_is_a_404(two_circles):
    response = client_for(two_circles["ana"]).post(f"{CHAT}999999/report/", {"reason": "spam"}, format="json")
    assert response.status_code == 404


# --- Hiding ------------------------------------------------------------------------------------------
def test_a_hidden_message_is_shown_to_everyone_as_removed_without_its_text(two_circles, ben_message, staff):
    services.hide_message(ben_message, by=staff)
    for viewer in ("ana", "ben"):
        shown = client_for(two_circles[viewer]).get(CHAT).json()["messages"][0]
        assert (shown["id"], shown["hidden"], shown["text"]) == (ben_message.pk, True, "")


def test_hiding_decides_the_pending_reports(two_circles, ben_message, staff):
    client_for(two_circles["ana"]).post(report_url(ben_message), {"reason": "Rude"}, format="json")
    services.hide_message(ben_message, by=staff)
    report = ChatReport.objects.get()
    assert (report.decision, report.decided_by) == (Decision.HIDDEN, staff)


def test_a_hidden_message_can_be_shown_again(two_circles, ben_message, staff):
    services.hide_message(ben_message, by=staff)
    services.unhide_message(ben_message, by=staff)
    assert client_for(two_circles["ana"]).get(CHAT).json()["messages"][0]["text"] == "something rude"


# --- Staff mutes ---------------------------------------------------------------------------------------
def test_a_muted_person_reads_but_cannot_send_until_the_mute_ends(two_circles, staff, midweek):
    services.mute_person(two_circles["ana"], by=staff, hours=2)
    response = send(two_circles["ana"], "hello?")
    assert response.status_code == 403
    assert response.json()["code"] == "chat_muted"
    assert response.json()["muted_until"]
    body = client_for(two_circles["ana"]).get(CHAT).json()
    assert body["status"] == "muted" and body["muted_until"]
    midweek.shift(timedelta(hours=2, minutes=1))
    assert send(two_circles["ana"], "hello?").status_code == 201


def test_hide_and_mute_from_a_report(two_circles, ben_message, staff, settings):
    settings.THRIVE_CHAT_MUTE_HOURS = 24
    client_for(two_circles["ana"]).post(report_url(ben_message), {"reason": "Rude"}, format="json")
    report = services.hide_and_mute_author(ChatReport.objects.get(), by=staff)
    assert report.decision == Decision.AUTHOR_MUTED
    ben_message.refresh_from_db()
    assert ben_message.hidden
    mute = ChatMute.objects.get()
    assert mute.user == two_circles["ben"]
    assert timedelta(hours=23) < mute.until - timezone.now() <= timedelta(hours=24)
    assert send(two_circles["ben"], "sorry").status_code == 403


def test_dismissing_a_report_keeps_the_message(two_circles, ben_message, staff):
    client_for(two_circles["ana"]).post(report_url(ben_message), {"reason": "Rude"}, format="json")
    services.decide_reports(list(ChatReport.objects.all()), decision=Decision.DISMISSED, by=staff)
    assert ChatReport.objects.get().decision == Decision.DISMISSED
    assert client_for(two_circles["ana"]).get(CHAT).json()["messages"][0]["hidden"] is False


# --- Chat off for a circle ---------------------------------------------------------------------------
def test_a_circle_with_chat_off_reads_but_cannot_send(two_circles, ben_message, staff):
    services.close_circle_chat(two_circles["one"], by=staff)
    response = send(two_circles["ana"], "hello?")
    assert response.status_code == 403
    assert response.json()["code"] == "chat_closed"
    body = client_for(two_circles["ana"]).get(CHAT).json()
    assert body["status"] == "closed" and len(body["messages"]) == 1
    assert send(two_circles["cy"], "other circles chat on").status_code == 201


def test_turning_a_circles_chat_on_again(two_circles, staff):
    services.close_circle_chat(two_circles["one"], by=staff)
    services.open_circle_chat(two_circles["one"])
    assert not ClosedCircleChat.objects.exists()
    assert send(two_circles["ana"], "back").status_code == 201


# --- A member's own mutes ------------------------------------------------------------------------------
def test_muting_a_member_hides_their_messages_only_for_oneself(two_circles, ben_message):
    ana = client_for(two_circles["ana"])
    response = ana.post(f"{CHAT}mutes/", {"username": "ben"}, format="json")
    assert response.status_code == 201
    assert response.json() == {"muted_usernames": ["ben"]}
    body = ana.get(CHAT).json()
    assert body["messages"] == [] and body["muted_usernames"] == ["ben"]
    assert len(client_for(two_circles["ben"]).get(CHAT).json()["messages"]) == 1


def test_muting_twice_changes_nothing(two_circles):
    ana = client_for(two_circles["ana"])
    ana.post(f"{CHAT}mutes/", {"username": "ben"}, format="json")
    assert ana.post(f"{CHAT}mutes/", {"username": "ben"}, format="json").status_code == 200
    assert PersonalMute.objects.count() == 1


def test_unmuting_shows_their_messages_again(two_circles, ben_message):
    ana = client_for(two_circles["ana"])
    ana.post(f"{CHAT}mutes/", {"username": "ben"}, format="json")
    assert ana.delete(f"{CHAT}mutes/ben/").status_code == 204
    assert len(ana.get(CHAT).json()["messages"]) == 1
    assert ana.get(f"{CHAT}mutes/").json() == {"muted_usernames": []}


def test_only_members_of_ones_circle_can_be_muted(two_circles):
    ana = client_for(two_circles["ana"])
    assert ana.post(f"{CHAT}mutes/", {"username": "cy"}, format="json").status_code == 404
    assert ana.post(f"{CHAT}mutes/", {"username": "nobody"}, format="json").status_code == 404
    response = ana.post(f"{CHAT}mutes/", {"username": "ana"}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "own_account"


@pytest.mark.parametrize("name", ["a%20b", "a%00b", "%ED%A0%80", "x" * 151])
def test_unmuting_a_name_that_cannot_exist_is_a_404(two_circles, name):
    assert client_for(two_circles["ana"]).delete(f"{CHAT}mutes/{name}/").status_code == 404


def test_a_unicode_username_can_be_unmuted(two_circles):
    PersonalMute.objects.create(muter=two_circles["ana"], muted=two_circles["ben"])
    two_circles["ben"].username = "Tã"
    two_circles["ben"].save()
    assert client_for(two_circles["ana"]).delete(f"{CHAT}mutes/T%C3%A3/").status_code == 204
    assert not PersonalMute.objects.exists()


# --- Retention ---------------------------------------------------------------------------------------------
def test_messages_go_30_days_after_their_week_and_reports_stay(two_circles, ben_message, staff, settings, midweek):
    settings.THRIVE_CHAT_RETENTION_DAYS = 30
    client_for(two_circles["ana"]).post(report_url(ben_message), {"reason": "Rude"}, format="json")
    services.hide_message(ben_message, by=staff)
    end_of_week = weeks.week_bounds(two_circles["one"].week_start)[1]
    assert services.delete_expired_messages(now=end_of_week + timedelta(days=30) - timedelta(minutes=1)) == 0
    assert ChatMessage.objects.exists()
    assert services.delete_expired_messages(now=end_of_week + timedelta(days=30, minutes=1)) == 1
    assert not ChatMessage.objects.exists()
    report = ChatReport.objects.get()
    assert (report.message, report.message_text, report.decision) == (None, "something rude", Decision.HIDDEN)


def test_retention_days_are_configurable(two_circles, ben_message, settings):
    settings.THRIVE_CHAT_RETENTION_DAYS = 0
    end_of_week = weeks.week_bounds(two_circles["one"].week_start)[1]
    assert services.delete_expired_messages(now=end_of_week - timedelta(minutes=1)) == 0
    assert services.delete_expired_messages(now=end_of_week + timedelta(minutes=1)) == 1


def test_the_retention_task_runs_daily_from_the_beat_schedule(two_circles, ben_message, settings, midweek):
    entry = settings.CELERY_BEAT_SCHEDULE["delete-expired-chat-messages"]
    assert entry["task"] == delete_expired_chat_messages.name
    assert delete_expired_chat_messages() == 0
    midweek.shift(timedelta(days=40))
    assert delete_expired_chat_messages() == 1


def test_an_id_beyond_any_database_integer_is_a_404(two_circles):
    response = client_for(two_circles["ana"]).post(f"{CHAT}{10**30}/report/", {"reason": "spam"}, format="json")
    assert response.status_code == 404

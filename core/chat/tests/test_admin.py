"""The moderation queue in the Django admin: each action through the services."""

import pytest
from django.urls import reverse

from core.chat.models import ChatMessage, ChatMute, ChatReport, ClosedCircleChat, Decision
from core.users.tests.factories import UserFactory

from .conftest import CHAT, client_for
from .factories import ChatMessageFactory


@pytest.fixture
def moderator(client, db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    return staff


@pytest.fixture
def reported(two_circles):
    """ben's message between two others, reported by ana."""
    one = two_circles["one"]
    ChatMessageFactory(circle=one, author=two_circles["ana"], text="before it")
    message = ChatMessageFactory(circle=one, author=two_circles["ben"], text='<b>bold</b> <script>alert(1)</script>')
    ChatMessageFactory(circle=one, author=two_circles["ana"], text="after it")
    ChatMessageFactory(circle=two_circles["two"], author=two_circles["cy"], text="another circle")
    client_for(two_circles["ana"]).post(f"{CHAT}{message.pk}/report/", {"reason": "Rude"}, format="json")
    return ChatReport.objects.get()


def run_action(client, model: str, action: str, pks) -> None:
    url = reverse(f"admin:chat_{model}_changelist")
    response = client.post(url, {"action": action, "_selected_action": [str(pk) for pk in pks]})
    assert response.status_code == 302


def test_the_queue_shows_the_surrounding_messages_of_the_circle_escaped(client, moderator, reported):
    response = client.get(reverse("admin:chat_chatreport_change", args=[reported.pk]))
    page = response.content.decode()
    assert "before it" in page and "after it" in page
    assert "another circle" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page


def test_the_queue_lists_reports(client, moderator, reported):
    page = client.get(reverse("admin:chat_chatreport_changelist") + "?decision__exact=pending").content.decode()
    assert "Rude" in page


def test_hide_from_the_queue(client, moderator, reported):
    run_action(client, "chatreport", "hide_messages", [reported.pk])
    reported.refresh_from_db()
    assert reported.decision == Decision.HIDDEN and reported.decided_by == moderator
    assert ChatMessage.objects.get(pk=reported.message_id).hidden


def test_hide_and_mute_from_the_queue(client, moderator, reported, two_circles):
    run_action(client, "chatreport", "hide_and_mute_authors", [reported.pk])
    reported.refresh_from_db()
    assert reported.decision == Decision.AUTHOR_MUTED
    assert ChatMute.objects.get().user == two_circles["ben"]


def test_dismiss_from_the_queue(client, moderator, reported):
    run_action(client, "chatreport", "dismiss", [reported.pk])
    reported.refresh_from_db()
    assert reported.decision == Decision.DISMISSED
    assert not ChatMessage.objects.get(pk=reported.message_id).hidden


def test_turn_a_circles_chat_off_and_on_from_the_admin(client, moderator, reported, two_circles):
    run_action(client, "chatmessage", "turn_chat_off", [reported.message_id])
    closure = ClosedCircleChat.objects.get()
    assert (closure.circle, closure.closed_by) == (two_circles["one"], moderator)
    response = client.post(reverse("admin:chat_closedcirclechat_delete", args=[closure.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not ClosedCircleChat.objects.exists()


def test_add_a_closure_in_the_admin(client, moderator, two_circles):
    response = client.post(reverse("admin:chat_closedcirclechat_add"), {"circle": str(two_circles["one"].pk), "reason": "heated"})
    assert response.status_code == 302
    assert ClosedCircleChat.objects.get().closed_by == moderator


def test_hide_and_show_again_from_the_message_list(client, moderator, reported):
    run_action(client, "chatmessage", "hide", [reported.message_id])
    assert ChatMessage.objects.get(pk=reported.message_id).hidden
    run_action(client, "chatmessage", "unhide", [reported.message_id])
    assert not ChatMessage.objects.get(pk=reported.message_id).hidden


def test_mute_authors_from_the_message_list(client, moderator, reported, two_circles):
    run_action(client, "chatmessage", "mute_authors", [reported.message_id])
    assert ChatMute.objects.get().user == two_circles["ben"]

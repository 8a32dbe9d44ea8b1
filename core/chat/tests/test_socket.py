"""The chat over the circle socket (core/live): what HTTP sends arrives live, what the socket sends
goes through the same service, and both carry the same payload as the history."""

import pytest
from asgiref.sync import sync_to_async

from core.chat import services
from core.chat.models import ChatMessage
from core.live.tests.conftest import open_socket, receive_type, types_received
from core.users.tests.factories import UserFactory

from .conftest import CHAT, client_for, send

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def opened(user):
    communicator, connected = await open_socket(user)
    assert connected
    await receive_type(communicator, "presence")
    return communicator


async def test_an_http_message_reaches_the_circle_live_with_the_same_payload(two_circles):
    ana, ben, cy = [await opened(two_circles[name]) for name in ("ana", "ben", "cy")]
    response = await sync_to_async(send)(two_circles["ben"], "<i>hi</i> all")
    assert response.status_code == 201
    for socket in (ana, ben):
        assert await receive_type(socket, "chat") == {"type": "chat", "message": response.json()}
    assert "chat" not in await types_received(cy)  # another circle hears nothing
    for socket in (ana, ben, cy):
        await socket.disconnect()


async def test_a_socket_message_is_stored_and_equals_what_http_shows(two_circles):
    ana, ben = await opened(two_circles["ana"]), await opened(two_circles["ben"])
    await ana.send_json_to({"type": "chat", "text": "  from the socket\x07 "})
    live = await receive_type(ben, "chat")
    own = await receive_type(ana, "chat")
    assert live == own
    history = await sync_to_async(lambda: client_for(two_circles["ben"]).get(CHAT).json())()
    assert history["messages"] == [live["message"]]
    assert live["message"]["text"] == "from the socket"
    await ana.disconnect()
    await ben.disconnect()


async def test_socket_and_http_sends_are_held_to_the_same_rules(two_circles):
    ana = await opened(two_circles["ana"])
    await ana.send_json_to({"type": "chat", "text": "   "})
    error = await receive_type(ana, "error")
    assert (error["code"], error["for"]) == ("empty_message", "chat")
    await ana.send_json_to({"type": "chat", "text": "x" * 501})
    assert (await receive_type(ana, "error"))["code"] == "message_too_long"
    await ana.send_json_to({"type": "chat", "text": "x" * 100_000})
    assert (await receive_type(ana, "error"))["code"] == "message_too_long"
    await ana.send_json_to({"type": "chat", "text": 12})
    assert (await receive_type(ana, "error"))["code"] == "invalid"
    await ana.send_json_to({"type": "chat", "text": "same"})
    await receive_type(ana, "chat")
    response = await sync_to_async(send)(two_circles["ana"], "same")
    assert response.status_code == 409  # a duplicate, whichever way the first one came
    await ana.send_json_to({"type": "chat", "text": "SAME"})
    assert (await receive_type(ana, "error"))["code"] == "duplicate_message"
    assert await sync_to_async(ChatMessage.objects.count)() == 1
    await ana.disconnect()


async def test_the_rate_limit_answers_on_the_socket(two_circles):
    ana = await opened(two_circles["ana"])
    for n in range(5):
        await ana.send_json_to({"type": "chat", "text": f"message {n}"})
        await receive_type(ana, "chat")
    await ana.send_json_to({"type": "chat", "text": "too many"})
    error = await receive_type(ana, "error")
    assert error["code"] == "throttled" and error["retry_after"] >= 1
    assert (await sync_to_async(send)(two_circles["ana"], "over http too")).status_code == 429
    await ana.disconnect()


async def test_a_muted_members_messages_do_not_reach_who_muted_them(two_circles):
    await sync_to_async(services.mute_member)(two_circles["ben"], username="ana")
    ana, ben = await opened(two_circles["ana"]), await opened(two_circles["ben"])
    await sync_to_async(send)(two_circles["ana"], "can you hear me")
    await receive_type(ana, "chat")
    assert "chat" not in await types_received(ben)
    await ana.disconnect()
    await ben.disconnect()


async def test_hiding_reaches_everyone_live_without_the_text(two_circles):
    ana, ben = await opened(two_circles["ana"]), await opened(two_circles["ben"])
    body = (await sync_to_async(send)(two_circles["ben"], "regrettable")).json()
    await receive_type(ana, "chat")
    await receive_type(ben, "chat")
    staff = await sync_to_async(UserFactory)(is_staff=True)
    message = await sync_to_async(ChatMessage.objects.get)(pk=body["id"])
    await sync_to_async(services.hide_message)(message, by=staff)
    for socket in (ana, ben):
        live = await receive_type(socket, "chat")
        assert live["message"] == {**body, "hidden": True, "text": ""}
    await ana.disconnect()
    await ben.disconnect()


async def test_turning_a_circles_chat_off_is_heard_live_and_stops_socket_sends(two_circles):
    ana = await opened(two_circles["ana"])
    staff = await sync_to_async(UserFactory)(is_staff=True)
    await sync_to_async(services.close_circle_chat)(two_circles["one"], by=staff)
    assert await receive_type(ana, "chat_status") == {"type": "chat_status", "status": "closed"}
    await ana.send_json_to({"type": "chat", "text": "hello?"})
    assert (await receive_type(ana, "error"))["code"] == "chat_closed"
    await ana.disconnect()


async def test_with_chat_off_the_socket_refuses_chat(two_circles, settings):
    settings.THRIVE_CHAT_ENABLED = False
    ana = await opened(two_circles["ana"])
    await ana.send_json_to({"type": "chat", "text": "hello?"})
    assert (await receive_type(ana, "error"))["code"] == "chat_unavailable"
    await ana.disconnect()

"""A new notification reaches the person's open pages over the real socket, after commit, once."""

import pytest
from asgiref.sync import sync_to_async

from core.circles.services import XPService
from core.live.services import give_kudos
from core.live.tests.conftest import open_socket, receive_type
from core.notifications.models import Notification

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def test_kudos_reach_the_receivers_bell_live_once(circle):
    event = await sync_to_async(XPService.add_xp)(circle["ben"], 20, "quiz", "Quiz")
    ben, _ = await open_socket(circle["ben"])
    ana, _ = await open_socket(circle["ana"])
    await receive_type(ben, "presence")
    await receive_type(ana, "presence")
    await sync_to_async(give_kudos)(circle["ana"], event.pk, reaction="heart")
    message = await receive_type(ben, "notification")
    row = await sync_to_async(Notification.objects.get)(user=circle["ben"])
    assert message["notification"]["id"] == row.pk
    assert message["notification"]["kind"] == "kudos_received"
    assert message["notification"]["title"] == "ana sent you a heart."
    await sync_to_async(give_kudos)(circle["ana"], event.pk, reaction="heart")  # a repeat: nothing new
    for socket in (ben, ana):  # and the giver hears no notification
        while not await socket.receive_nothing(timeout=0.3):
            assert (await socket.receive_json_from())["type"] != "notification"
        await socket.disconnect()

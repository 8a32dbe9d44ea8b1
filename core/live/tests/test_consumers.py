import pytest
from asgiref.sync import sync_to_async

from core.circles.services import XPService
from core.live import services
from core.live.consumers import CLOSE_NOT_IN_LAUNCH, CLOSE_UNAUTHENTICATED

from .conftest import open_socket, receive_type, types_received

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def closing_code(communicator) -> int:
    message = await communicator.receive_output(timeout=2)
    assert message["type"] == "websocket.close"
    return message["code"]


async def test_a_signed_out_socket_is_closed_with_4401(db):
    communicator, connected = await open_socket()
    assert connected
    assert await closing_code(communicator) == CLOSE_UNAUTHENTICATED


async def test_someone_outside_the_launch_is_closed_with_4403(two_circles, settings):
    settings.WAFFLE_FLAG_DEFAULT = False  # no flag row and off by default: nobody is in
    communicator, connected = await open_socket(two_circles["ana"])
    assert connected
    assert await closing_code(communicator) == CLOSE_NOT_IN_LAUNCH


async def test_a_socket_from_another_site_is_refused(two_circles):
    communicator, connected = await open_socket(two_circles["ana"], origin=b"https://evil.example")
    assert not connected


async def test_a_trusted_origin_is_accepted(two_circles, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://circles.example"]
    communicator, connected = await open_socket(two_circles["ana"], origin=b"https://circles.example")
    assert connected
    await communicator.disconnect()


async def test_ping_gets_pong(two_circles):
    communicator, _ = await open_socket(two_circles["ana"])
    await communicator.send_json_to({"type": "ping"})
    assert await receive_type(communicator, "pong") == {"type": "pong"}
    await communicator.disconnect()


async def test_an_award_reaches_its_circle_once_and_no_other(two_circles):
    ana, _ = await open_socket(two_circles["ana"])
    cy, _ = await open_socket(two_circles["cy"])
    await receive_type(ana, "presence")
    await receive_type(cy, "presence")
    event = await sync_to_async(XPService.add_xp)(
        two_circles["ben"], 20, "quiz", "Completed a Quick Quiz", metadata={"title": "AI Basics", "score": 67}
    )
    message = await receive_type(ana, "activity")
    assert message["event"]["id"] == str(event.pk)
    assert message["event"]["username"] == "ben"
    assert message["event"]["metadata"] == {"title": "AI Basics"}  # others see the shared keys only
    assert message["event"]["reactions"] == []
    assert "activity" not in await types_received(ana)  # once
    assert await types_received(cy) == []  # another circle hears nothing
    await ana.disconnect()
    await cy.disconnect()


async def test_the_owner_gets_their_own_event_once_with_full_metadata(two_circles):
    ben, _ = await open_socket(two_circles["ben"])
    await receive_type(ben, "presence")
    await sync_to_async(XPService.add_xp)(two_circles["ben"], 20, "quiz", "Quiz", metadata={"title": "AI", "score": 67})
    message = await receive_type(ben, "activity")
    assert message["event"]["metadata"] == {"title": "AI", "score": 67}
    assert "activity" not in await types_received(ben)
    await ben.disconnect()


async def test_the_socket_event_has_exactly_the_fields_of_the_page_feed(two_circles):
    from rest_framework.test import APIClient

    ana, _ = await open_socket(two_circles["ana"])
    await receive_type(ana, "presence")
    await sync_to_async(XPService.add_xp)(two_circles["ben"], 20, "quiz", "Quiz", metadata={"title": "AI", "score": 67})
    live = (await receive_type(ana, "activity"))["event"]

    def page_item():
        client = APIClient()
        client.force_authenticate(two_circles["ana"])
        return client.get("/api/v1/me/thrive-circle/").json()["recent_activity"][0]

    assert live == await sync_to_async(page_item)()
    await ana.disconnect()


async def test_presence_lists_who_joins_and_leaves_alphabetically(two_circles):
    ben, _ = await open_socket(two_circles["ben"])
    assert await receive_type(ben, "presence") == {"type": "presence", "online": ["ben"]}
    ana, _ = await open_socket(two_circles["ana"])
    assert await receive_type(ben, "presence") == {"type": "presence", "online": ["ana", "ben"]}
    assert await receive_type(ana, "presence") == {"type": "presence", "online": ["ana", "ben"]}
    await ana.disconnect()
    assert await receive_type(ben, "presence") == {"type": "presence", "online": ["ben"]}
    await ben.disconnect()


async def test_a_second_tab_changes_no_ones_presence(two_circles):
    ana, _ = await open_socket(two_circles["ana"])
    await receive_type(ana, "presence")
    second, _ = await open_socket(two_circles["ana"])
    assert await receive_type(second, "presence") == {"type": "presence", "online": ["ana"]}
    assert await ana.receive_nothing(timeout=0.3)
    await second.disconnect()
    assert await ana.receive_nothing(timeout=0.3)
    await ana.disconnect()


async def test_the_page_hears_the_weekly_reset(two_circles, monkeypatch):
    waits = iter([0.0])
    monkeypatch.setattr(services, "seconds_until_reset", lambda: next(waits, 3600.0))
    ana, _ = await open_socket(two_circles["ana"])
    assert await receive_type(ana, "week_reset") == {"type": "week_reset"}
    await ana.disconnect()


async def test_kudos_reach_the_circle_live(two_circles):
    event = await sync_to_async(XPService.add_xp)(two_circles["ben"], 20, "quiz", "Quiz")
    ben, _ = await open_socket(two_circles["ben"])
    await receive_type(ben, "presence")
    await sync_to_async(services.give_kudos)(two_circles["ana"], event.pk, reaction="clap")
    assert await receive_type(ben, "kudos") == {"type": "kudos", "event_id": str(event.pk), "from": "ana", "reaction": "clap"}
    await sync_to_async(services.give_kudos)(two_circles["ana"], event.pk, reaction="clap")  # a repeat
    # Nothing more about the kudos (apps built on the socket, such as notifications, may speak).
    assert "kudos" not in await types_received(ben)
    await ben.disconnect()


async def test_the_circle_hears_its_goal_progress(two_circles):
    ana, _ = await open_socket(two_circles["ana"])
    await receive_type(ana, "presence")
    await sync_to_async(XPService.add_xp)(two_circles["ben"], 20, "quiz", "Quiz")
    goal = (await receive_type(ana, "circle_goal"))["goal"]
    assert (goal["progress_xp"], goal["reached"]) == (20, False)
    await ana.disconnect()


@pytest.mark.redis
@pytest.mark.parametrize("backend", ["channels_redis.pubsub.RedisPubSubChannelLayer", "channels_redis.core.RedisChannelLayer"])
async def test_an_award_reaches_the_circle_through_redis(two_circles, settings, backend):
    import os
    import uuid

    redis_url = os.environ.get("LIVE_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": backend, "CONFIG": {"hosts": [redis_url], "prefix": f"thrive-test-{uuid.uuid4().hex[:8]}"}}}
    ana, _ = await open_socket(two_circles["ana"])
    await receive_type(ana, "presence")  # sent once the socket has joined its groups
    # The pub/sub layer confirms a subscription asynchronously: a message published in the first
    # instants after joining can pass before it. So award until one arrives (at most three), and
    # wait with receive_nothing: a receive that times out would cancel the socket's application.
    for _ in range(3):
        event = await sync_to_async(XPService.add_xp)(two_circles["ben"], 20, "quiz", "Quiz")
        if not await ana.receive_nothing(timeout=3):
            break
    received = await receive_type(ana, "activity")
    assert received["event"]["id"] == str(event.pk)
    await ana.disconnect()

"""Level-up moments reach the circle's open pages live (core.live's socket, `level_up` messages)."""

import pytest
from asgiref.sync import sync_to_async

from core.circles.services import XPService
from core.circles.tests.factories import ProfileFactory
from core.live.tests.conftest import open_socket, receive_type, types_received
from core.moments import selectors, services
from core.moments.serializers import level_up_item

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


def page_level_ups(user) -> list[dict]:
    return [level_up_item(moment) for moment in selectors.circle_level_ups(user)]


async def test_a_circle_mate_hears_a_level_up_once_and_another_circle_nothing(two_circles):
    ana, _ = await open_socket(two_circles["ana"])
    cy, _ = await open_socket(two_circles["cy"])
    await receive_type(ana, "presence")
    await receive_type(cy, "presence")

    await sync_to_async(XPService.add_xp)(two_circles["ben"], 500, "quiz", "up to Explorer")
    message = await receive_type(ana, "level_up")
    assert message["level_up"]["username"] == "ben"
    assert message["level_up"]["level_name"] == "Explorer"
    # the item the page's feed shows, field for field
    assert [message["level_up"]] == await sync_to_async(page_level_ups)(two_circles["ana"])
    assert "level_up" not in await types_received(ana)  # once
    assert "level_up" not in await types_received(cy)  # another circle hears nothing

    # Explorer regained after a correction: already celebrated, nothing is sent again
    await sync_to_async(XPService.add_xp)(two_circles["ben"], -100, "other", "a correction")
    await sync_to_async(XPService.add_xp)(two_circles["ben"], 100, "quiz", "up again")
    assert "level_up" not in await types_received(ana)
    assert "level_up" not in await types_received(cy)
    await ana.disconnect()
    await cy.disconnect()


async def test_someone_without_a_circle_announces_nothing(two_circles, levels, monkeypatch):
    sent = []
    monkeypatch.setattr(services, "relay_on_commit", lambda group, payload, **kwargs: sent.append((group, payload)))
    loner = (await sync_to_async(ProfileFactory)(user__username="dee")).user  # seated in no circle
    assert await sync_to_async(services.record_level_reached)(loner, levels["Explorer"]) is not None
    assert sent == []
    # the same call for a seated person does announce (so the test above checks the right thing)
    assert await sync_to_async(services.record_level_reached)(two_circles["ben"], levels["Explorer"]) is not None
    assert [payload["type"] for _, payload in sent] == ["level_up"]

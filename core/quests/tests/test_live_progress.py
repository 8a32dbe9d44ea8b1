"""Quest progress reaches the person's open pages over the circle socket, and nobody else's."""

import pytest
from asgiref.sync import sync_to_async

from core.circles.services import XPService
from core.live.tests.conftest import open_socket, receive_type, two_circles, types_received  # noqa: F401
from core.quests.models import QuestCompletion

from .factories import QuestFactory

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def test_an_award_moves_the_bar_on_the_person_s_pages_only(two_circles):
    quest = await sync_to_async(QuestFactory)(target=3, sources=["quiz"])
    ana, _ = await open_socket(two_circles["ana"])
    ben, _ = await open_socket(two_circles["ben"])
    await receive_type(ana, "presence")
    await receive_type(ben, "presence")

    await sync_to_async(XPService.add_xp)(two_circles["ana"], 20, "quiz", "Quiz")

    assert await receive_type(ana, "quest_progress") == {
        "type": "quest_progress",
        "quests": [{"id": quest.pk, "progress": {"current": 1, "target": 3}}],
        "completed": False,
    }
    assert "quest_progress" not in await types_received(ben)
    await ana.disconnect()
    await ben.disconnect()


async def test_a_completion_says_so_and_an_award_no_quest_counts_says_nothing(two_circles):
    quest = await sync_to_async(QuestFactory)(target=1, sources=["quiz"])
    ana, _ = await open_socket(two_circles["ana"])
    await receive_type(ana, "presence")

    await sync_to_async(XPService.add_xp)(two_circles["ana"], 5, "project", "Project")
    assert "quest_progress" not in await types_received(ana)

    await sync_to_async(XPService.add_xp)(two_circles["ana"], 5, "quiz", "Quiz")  # short of the circle goal
    message = await receive_type(ana, "quest_progress")
    assert message["completed"] is True
    assert message["quests"] == [{"id": quest.pk, "progress": {"current": 1, "target": 1}}]
    assert await sync_to_async(QuestCompletion.objects.filter(user=two_circles["ana"], quest=quest).count)() == 1
    await ana.disconnect()

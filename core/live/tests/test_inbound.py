"""Socket messages other apps answer (core/live/inbound.py) and the general relay."""

import pytest
from asgiref.sync import sync_to_async
from django.db import transaction

from core.exceptions import ApplicationError
from core.live import groups, inbound, services

from .conftest import open_socket, receive_type, types_received


def test_the_live_circles_own_types_cannot_be_taken():
    with pytest.raises(ValueError):
        inbound.register("ping", lambda user, content: None)


def test_a_type_has_one_handler():
    inbound.register("test-echo", _echo)
    inbound.register("test-echo", _echo)  # the same again: nothing changes
    with pytest.raises(ValueError):
        inbound.register("test-echo", lambda user, content: None)


def _echo(user, content):
    if content.get("fail"):
        raise ApplicationError("Nope.", code="nope")
    return {"type": "test-echo", "from": user.username}


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_registered_handler_answers_its_type_and_its_errors(two_circles):
    inbound.register("test-echo", _echo)
    ana, _ = await open_socket(two_circles["ana"])
    await ana.send_json_to({"type": "test-echo"})
    assert await receive_type(ana, "test-echo") == {"type": "test-echo", "from": "ana"}
    await ana.send_json_to({"type": "test-echo", "fail": True})
    assert await receive_type(ana, "error") == {"type": "error", "code": "nope", "detail": "Nope.", "for": "test-echo"}
    await ana.send_json_to({"type": "no-such-type"})
    assert (await receive_type(ana, "error"))["code"] == "unknown_type"
    await ana.disconnect()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_relay_reaches_the_group_after_commit_except_skipped_people(two_circles):
    ana, _ = await open_socket(two_circles["ana"])
    ben, _ = await open_socket(two_circles["ben"])
    await receive_type(ana, "presence")
    await receive_type(ben, "presence")
    group = groups.circle_group(two_circles["one"].pk, two_circles["one"].week_start)

    def relay():
        with transaction.atomic():
            services.relay_on_commit(group, {"type": "anything", "n": 1}, skip_user_ids=[two_circles["ben"].pk])

    await sync_to_async(relay)()
    assert await receive_type(ana, "anything") == {"type": "anything", "n": 1}
    assert "anything" not in await types_received(ben)
    await ana.disconnect()
    await ben.disconnect()

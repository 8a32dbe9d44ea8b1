"""The channel layers: the database layer between processes (two layer instances stand for two
processes: each has its own origin and memory), and channels-redis against a real Redis."""

import asyncio
import os
import uuid

import pytest
from asgiref.sync import sync_to_async

from core.live.layers import DatabaseChannelLayer

pytestmark = pytest.mark.asyncio


async def next_message(layer, channel, timeout=3):
    return await asyncio.wait_for(layer.receive(channel), timeout)


@pytest.mark.django_db(transaction=True)
async def test_the_database_layer_delivers_a_group_message_to_another_process():
    server, command = DatabaseChannelLayer(poll_interval=0.02), DatabaseChannelLayer(poll_interval=0.02)
    channel = await server.new_channel()
    await server.group_add("thrive-circle.x", channel)
    await command.group_send("thrive-circle.x", {"type": "live.activity", "n": 1})
    assert await next_message(server, channel) == {"type": "live.activity", "n": 1}
    await server.flush()


@pytest.mark.django_db(transaction=True)
async def test_the_database_layer_delivers_its_own_messages_once():
    server = DatabaseChannelLayer(poll_interval=0.02)
    channel = await server.new_channel()
    await server.group_add("g", channel)
    await server.group_send("g", {"type": "x"})
    assert await next_message(server, channel) == {"type": "x"}
    with pytest.raises(asyncio.TimeoutError):
        await next_message(server, channel, timeout=0.2)  # the poller skips its own rows
    await server.flush()


@pytest.mark.django_db(transaction=True)
async def test_a_synchronous_send_reaches_this_process_s_sockets_once_through_its_poller():
    server = DatabaseChannelLayer(poll_interval=0.02)
    assert await sync_to_async(server.group_send_sync)("g", {"type": "early"})  # nobody here yet: written
    channel = await server.new_channel()
    await server.group_add("g", channel)  # starts the poller after the row above: not delivered
    assert not await sync_to_async(server.group_send_sync)("g", {"type": "x"})  # a local socket: async way
    assert await sync_to_async(server.group_send_sync)("other", {"type": "y"})
    await server.group_send("g", {"type": "x"})
    assert await next_message(server, channel) == {"type": "x"}
    with pytest.raises(asyncio.TimeoutError):
        await next_message(server, channel, timeout=0.2)
    await server.flush()


@pytest.mark.django_db(transaction=True)
async def test_a_synchronous_send_from_another_process_arrives():
    server, command = DatabaseChannelLayer(poll_interval=0.02), DatabaseChannelLayer(poll_interval=0.02)
    channel = await server.new_channel()
    await server.group_add("g", channel)
    assert await sync_to_async(command.group_send_sync)("g", {"type": "from a command"})
    assert await next_message(server, channel) == {"type": "from a command"}
    await server.flush()


@pytest.mark.django_db(transaction=True)
async def test_the_database_layer_sends_to_another_process_channel():
    server, command = DatabaseChannelLayer(poll_interval=0.02), DatabaseChannelLayer(poll_interval=0.02)
    channel = await server.new_channel()
    await server.group_add("g", channel)  # starts the poller
    await command.send(channel, {"type": "direct"})
    assert await next_message(server, channel) == {"type": "direct"}
    await server.flush()


@pytest.mark.redis
@pytest.mark.parametrize("backend", ["channels_redis.pubsub.RedisPubSubChannelLayer", "channels_redis.core.RedisChannelLayer"])
async def test_the_redis_layers_deliver_between_processes(backend):
    from django.utils.module_loading import import_string

    # Database 7 of Redis and a prefix of our own: other suites share this Redis.
    config = {"hosts": [os.environ.get("LIVE_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")], "prefix": f"thrive-test-{uuid.uuid4().hex[:8]}"}
    server, command = import_string(backend)(**config), import_string(backend)(**config)
    channel = await server.new_channel()
    await server.group_add("thrive-circle.y", channel)
    await asyncio.sleep(0.05)  # a pub/sub subscription is live once Redis confirms it
    await command.group_send("thrive-circle.y", {"type": "live.activity", "n": 2})
    assert await next_message(server, channel) == {"type": "live.activity", "n": 2}
    await server.group_discard("thrive-circle.y", channel)
    for layer in (server, command):
        if hasattr(layer, "flush"):
            await layer.flush()
        await layer.close_pools() if hasattr(layer, "close_pools") else None

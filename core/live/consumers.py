"""The Your Thrive Circle socket, `/ws/v1/me/thrive-circle/`: as thin as a view.

It authenticates (session cookie; 4401 when signed out, 4403 outside the launch), joins the
person's groups (groups.py), relays what services broadcast and answers pings. Presence and
everything else with a rule lives in services and selectors.
"""

import asyncio
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import connection

from core.exceptions import ApplicationError

from . import groups, inbound, selectors, services

logger = logging.getLogger(__name__)

CLOSE_UNAUTHENTICATED = 4401
CLOSE_NOT_IN_LAUNCH = 4403


def in_thread(function):
    """`function` made awaitable on the event loop's pool of worker threads. Channels' default
    (thread-sensitive) runs the database work of every socket of a process on one thread, one
    call after another: with 100 people a socket took 4 s to open (bench/load_test.py). SQLite
    keeps that one thread: it has one writer anyway, and its in-memory test database answers a
    second thread's write with "table is locked" instead of waiting."""
    return database_sync_to_async(function, thread_sensitive=connection.vendor == "sqlite")


class ThriveCircleConsumer(AsyncJsonWebsocketConsumer):
    user = None
    member: selectors.Membership | None = None
    joined: tuple[str, ...] = ()
    reset_timer: asyncio.Task | None = None

    async def connect(self):
        # Accept first: a close code can only be sent on an open socket.
        await self.accept()
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        if not await in_thread(selectors.in_launch)(user, self.scope.get("cookies", {})):
            await self.close(code=CLOSE_NOT_IN_LAUNCH)
            return
        self.user = user
        await self._join()
        self.reset_timer = asyncio.create_task(self._week_reset())

    async def disconnect(self, code):
        if self.reset_timer is not None:
            self.reset_timer.cancel()
        await self._leave()

    async def receive_json(self, content, **kwargs):
        if self.user is None:
            return
        kind = content.get("type") if isinstance(content, dict) else None
        if kind == "ping":
            await self.send_json({"type": "pong"})
            if self.member is not None:
                await in_thread(services.touch_presence)(channel_name=self.channel_name)
        elif (handler := inbound.handler_for(kind)) is not None:
            await self._hand_over(handler, content)
        else:
            await self.send_json({"type": "error", "code": "unknown_type", "detail": "Unknown message type; send {\"type\": \"ping\"}."})

    async def _hand_over(self, handler, content: dict) -> None:
        """A message another app answers (inbound.py): its service decides, in a worker thread."""
        try:
            reply = await in_thread(handler)(self.user, content)
        except ApplicationError as error:
            await self.send_json({"type": "error", "code": error.code, "detail": error.message, "for": content["type"], **error.extra})
            return
        except Exception:
            # Logged as the bug it is; the page gets an answer and the socket stays open.
            logger.exception("The %s handler failed on a socket message", content["type"])
            await self.send_json({"type": "error", "code": "error", "detail": "Something went wrong.", "for": content["type"]})
            return
        if reply is not None:
            await self.send_json(reply)

    # --- Groups and presence
    async def _join(self):
        self.member = await in_thread(selectors.membership)(self.user)
        self.joined = (groups.user_group(self.user.pk),)
        if self.member is not None:
            self.joined += (groups.circle_group(self.member.circle_id, self.member.week),)
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        if self.member is not None:
            online, changed = await in_thread(services.join_presence)(
                user=self.user, circle_id=self.member.circle_id, channel_name=self.channel_name
            )
            if changed:
                await self._broadcast_presence(self.member, online)
            else:
                await self.send_json({"type": "presence", "online": online})

    async def _leave(self):
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)
        self.joined = ()
        if self.member is not None:
            member, self.member = self.member, None
            online, changed = await in_thread(services.leave_presence)(
                circle_id=member.circle_id, channel_name=self.channel_name
            )
            if changed:
                await self._broadcast_presence(member, online)

    async def _broadcast_presence(self, member: selectors.Membership, online: list[str]) -> None:
        # Straight onto the layer from the event loop: no thread hop per join or leave.
        await self.channel_layer.group_send(
            groups.circle_group(member.circle_id, member.week), services.presence_message(online)
        )

    async def _week_reset(self):
        """At each weekly reset: tell the page (it loads the new circle) and move to the new groups."""
        try:
            while True:
                await asyncio.sleep(services.seconds_until_reset() + 0.5)
                await self._leave()
                await self.send_json({"type": "week_reset"})
                await self._join()
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Moving a live socket to the new week failed")

    # --- Messages from services (group_send "type" live.x calls live_x)
    async def live_activity(self, message):
        if message["owner_id"] == self.user.pk and not message.get("own"):
            return  # the owner's copy, with their full metadata, comes on their user group
        await self.send_json({"type": "activity", "event": message["event"]})

    async def live_presence(self, message):
        await self.send_json({"type": "presence", "online": message["online"]})

    async def live_kudos(self, message):
        await self.send_json(
            {"type": "kudos", "event_id": message["event_id"], "from": message["from"], "reaction": message["reaction"]}
        )

    async def live_circle_goal(self, message):
        await self.send_json({"type": "circle_goal", "goal": message["goal"]})

    async def live_week_reset(self, message):
        await self.send_json({"type": "week_reset"})

    async def live_relay(self, message):
        """A message of an app built on core.live (services.relay_on_commit), passed on as it is."""
        if self.user.pk in message.get("skip_user_ids", ()):
            return
        await self.send_json(message["payload"])

"""A channel layer for running without Redis: the database carries messages between processes.

`make run` serves the page from one ASGI server, but XP is also awarded by other processes (the
activity simulator, management commands, Celery workers), so an in-memory layer would never hear
of their awards. This layer keeps Channels' in-memory delivery for the sockets of its own process
and also writes every `send`/`group_send` to `LayerMessage`; each server process that has sockets
runs one poller that reads the rows other processes wrote (every `poll_interval` seconds, one
indexed query) and delivers them to its local sockets. It works on SQLite and PostgreSQL alike.

It suits one machine and modest traffic: a message reaches other processes within about one
poll interval, and rows are deleted once older than `expiry`. With `REDIS_URL` set, settings use
channels-redis instead (docs/realtime.md).
"""

import asyncio
import logging
import random
import string
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from asgiref.sync import sync_to_async
from channels.layers import InMemoryChannelLayer
from django.db import close_old_connections, connection
from django.utils import timezone

from core.db import retry_if_locked

from .models import LayerMessage

logger = logging.getLogger(__name__)


class DatabaseChannelLayer(InMemoryChannelLayer):
    def __init__(self, poll_interval: float = 0.1, expiry: int = 60, **kwargs):
        super().__init__(expiry=expiry, **kwargs)
        self.poll_interval = poll_interval
        self.origin = uuid.uuid4().hex
        # Messages written without delivering them locally (group_send_sync): this process's poller
        # delivers them like any other process's.
        self.sync_origin = uuid.uuid4().hex
        self._last_id: int | None = None
        self._poller: asyncio.Task | None = None
        # One thread (so one database connection) for the poller's queries.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-layer-poller")

    # --- Channel names carry the process, so a send to another process's channel goes by database.
    async def new_channel(self, prefix="specific."):
        suffix = "".join(random.choice(string.ascii_letters) for _ in range(12))
        return f"{prefix}.db{self.origin}!{suffix}"

    def _is_local(self, channel: str) -> bool:
        return f".db{self.origin}!" in channel

    async def send(self, channel, message):
        if "!" not in channel or self._is_local(channel):
            await super().send(channel, message)
        if not self._is_local(channel):
            await self._publish(channel=channel, message=message)

    async def group_send(self, group, message):
        await super().group_send(group, message)  # this process's sockets, at once
        await self._publish(group=group, message=message)

    async def group_add(self, group, channel):
        await super().group_add(group, channel)
        await self._ensure_poller()

    async def flush(self):
        await super().flush()
        if self._poller is not None:
            self._poller.cancel()
            self._poller = None

    def group_send_sync(self, group: str, message: dict) -> bool:
        """From synchronous code (a request, a command, a worker): when no socket of this process is
        in `group`, write the message for every process, this one's poller included, without an
        event loop (async_to_sync cost ~1 ms of CPU per message). False when local sockets are in
        the group: the caller sends it the async way, which reaches them at once."""
        if self.groups.get(group):
            return False
        self._write(group, "", message, origin=self.sync_origin)
        return True

    # --- Writing: in the caller's thread, so it uses the caller's connection (after its commit).
    async def _publish(self, *, message: dict, group: str = "", channel: str = "") -> None:
        await sync_to_async(self._write, thread_sensitive=True)(group, channel, message)

    @retry_if_locked
    def _write(self, group: str, channel: str, message: dict, *, origin: str = "") -> None:
        origin = origin or self.origin
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            LayerMessage.objects.create(origin=origin, group=group, channel=channel, payload=message)
            return
        # A live message lives for seconds and a lost one is repaired by the page's next poll, so
        # its commit need not wait for the disk (a WAL flush per message slowed every award):
        # one autocommitted statement that turns synchronous_commit off for itself.
        fields = {field.attname: field for field in LayerMessage._meta.concrete_fields if not field.primary_key}
        values = {"origin": origin, "group": group, "channel": channel, "payload": message, "created_at": timezone.now()}
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {LayerMessage._meta.db_table} ({', '.join(connection.ops.quote_name(f.column) for f in fields.values())}) "
                f"SELECT {', '.join(['%s'] * len(fields))} FROM (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush",
                [field.get_db_prep_save(values[name], connection) for name, field in fields.items()],
            )

    # --- Reading: one poller per process, started by the first socket that joins a group.
    async def _ensure_poller(self) -> None:
        if self._poller is not None and not self._poller.done():
            return
        loop = asyncio.get_running_loop()
        # Start after the newest row: a process delivers what was written once it listens.
        self._last_id = await loop.run_in_executor(self._executor, self._newest_id)
        self._poller = loop.create_task(self._poll_forever())

    def _newest_id(self) -> int:
        close_old_connections()
        newest = LayerMessage.objects.order_by("-id").values_list("id", flat=True).first()
        return newest or 0

    def _read_after(self, last_id: int) -> list[tuple[int, str, str, str, dict]]:
        close_old_connections()
        rows = list(
            LayerMessage.objects.filter(id__gt=last_id).order_by("id").values_list("id", "origin", "group", "channel", "payload")[:1000]
        )
        if random.random() < 0.01:  # now and then, forget what every poller has read
            LayerMessage.objects.filter(created_at__lt=timezone.now() - timedelta(seconds=self.expiry)).delete()
        return rows

    async def _poll_forever(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                rows = await loop.run_in_executor(self._executor, self._read_after, self._last_id)
            except Exception:
                logger.exception("Reading the live channel layer failed; retrying")
                rows = []
            for row_id, origin, group, channel, payload in rows:
                self._last_id = row_id
                if origin == self.origin:
                    continue  # delivered locally when it was sent
                if group:
                    await InMemoryChannelLayer.group_send(self, group, payload)
                elif self._is_local(channel):
                    await InMemoryChannelLayer.send(self, channel, payload)
            await asyncio.sleep(self.poll_interval)

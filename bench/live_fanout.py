#!/usr/bin/env python
"""Benchmark: from an XP award's commit to the `activity` message at every open socket of its circle.

    .venv/bin/python bench/live_fanout.py                       # both Redis layers, 1,000 sockets, 40 circles
    .venv/bin/python bench/live_fanout.py --layers pubsub --sockets 200 --circles 8

Creates its own PostgreSQL database (default postgres://postgres@127.0.0.1:5432/thrive_bench_live),
loads the levels and seats --sockets people in --circles circles of this week, with a session each.
For each layer (channels-redis' RedisPubSubChannelLayer "pubsub" and RedisChannelLayer "list",
Redis database 8, a prefix of its own) it starts ONE gunicorn with --workers uvicorn workers (two
server processes), opens one socket per person from a separate client process (spread by the
kernel over both workers), waits until every socket is connected, then awards XP --rounds times
in every circle from this process (as the simulator or a Celery worker would), one award every
--gap seconds, after one unmeasured warm-up award per circle. The award's commit time is taken by an on_commit callback registered before the
award (so it runs first, right at the commit); the client stamps each `activity` message on
arrival. Latency = arrival - commit, over every delivery (rounds x sockets). Memory per socket:
the workers' resident memory with all sockets open minus before any, divided by the sockets.
Only one machine clock is involved (same host).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, drop_database, recreate_database, setup_django  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thrive_bench_live"
LAYERS = {"pubsub": "pubsub", "list": "list"}


def prepare(sockets: int, circles: int) -> list[str]:
    """People seated in circles of this week; returns their session keys."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from core.circles import weeks
    from core.circles.models import CircleMembership, ThriveCircle, ThriveCircleLevel, UserThriveProfile
    from core.circles.services import load_default_levels

    call_command("migrate", verbosity=0)
    load_default_levels()
    level = ThriveCircleLevel.objects.order_by("order").first()
    week = weeks.current_week_start()
    from datetime import timedelta

    made = [
        ThriveCircle.objects.create(level=level, week_start=week, week_end=week + timedelta(days=6), sequence=i, name=f"Bench {i}")
        for i in range(circles)
    ]
    User = get_user_model()
    users = User.objects.bulk_create([User(username=f"bench{i}", password="!") for i in range(sockets)])
    profiles = UserThriveProfile.objects.bulk_create(
        [UserThriveProfile(user=user, current_level=level, current_circle=made[i % circles]) for i, user in enumerate(users)]
    )
    CircleMembership.objects.bulk_create(
        [CircleMembership(week_start=week, profile=p, circle=made[i % circles]) for i, p in enumerate(profiles)]
    )
    keys = []
    for user in users:
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


def rss_mib(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in out]


# --- The client process: many sockets, arrival stamps ---------------------------------------------
def client(port: int, keys: list[str], ready, done, results) -> None:
    import websockets

    arrivals: list[tuple[str, float]] = []

    async def one(key: str, opened: asyncio.Event, counter: list[int]) -> None:
        url = f"ws://127.0.0.1:{port}/ws/v1/me/thrive-circle/"
        for attempt in range(20):
            try:
                socket = await websockets.connect(
                    url, origin=f"http://127.0.0.1:{port}", additional_headers={"Cookie": f"sessionid={key}"},
                    open_timeout=60, ping_interval=None, max_queue=None,
                )
                break
            except (OSError, websockets.InvalidStatus, asyncio.TimeoutError):
                await asyncio.sleep(0.2 * (attempt + 1))
        else:
            raise SystemExit("a socket could not connect")
        counter[0] += 1
        if counter[0] == len(keys):
            opened.set()
        async for raw in socket:
            now = time.time()
            counter[1] += 1
            if '"activity"' in raw[:30]:
                arrivals.append((json.loads(raw)["event"]["id"], now))

    async def main() -> None:
        opened, counter = asyncio.Event(), [0, 0]  # sockets open, messages received
        tasks = []
        for i, key in enumerate(keys):
            tasks.append(asyncio.create_task(one(key, opened, counter)))
            if i % 50 == 49:
                await asyncio.sleep(0.05)  # a steady ramp, not 1,000 handshakes at once
        await opened.wait()
        # The ramp's presence messages (each join tells its circle) settle before any award.
        seen = -1
        while seen != counter[1]:
            seen = counter[1]
            await asyncio.sleep(3)
        ready.set()
        while not done.is_set():
            await asyncio.sleep(0.1)
        for _ in range(60):  # stragglers: until nothing arrives for 2 s (at most a minute)
            before = counter[1]
            await asyncio.sleep(2)
            if counter[1] == before:
                break
        results.put(arrivals)
        for task in tasks:
            task.cancel()

    asyncio.run(main())


def run_layer(name: str, args, keys: list[str]) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from core.circles.services import XPService

    port = args.port
    env = {
        **os.environ,
        "REDIS_URL": args.redis_url,
        "LIVE_CHANNEL_LAYER": name,
        "LIVE_CHANNEL_PREFIX": f"bench-{uuid.uuid4().hex[:6]}",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    os.environ.update({k: env[k] for k in ("REDIS_URL", "LIVE_CHANNEL_LAYER", "LIVE_CHANNEL_PREFIX")})
    from channels.layers import channel_layers

    channel_layers.backends.clear()  # this process sends through the same layer as the servers
    from django.conf import settings

    settings.CHANNEL_LAYERS["default"] = {
        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer" if name == "pubsub" else "channels_redis.core.RedisChannelLayer",
        "CONFIG": {"hosts": [args.redis_url], "prefix": env["LIVE_CHANNEL_PREFIX"]},
    }
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", str(ROOT / "config/gunicorn.conf.py"),
         "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--backlog", "2048",
         # A loaded 2-core machine may take more than gunicorn's default 30 s to boot a worker.
         "--timeout", "300", "--graceful-timeout", "5", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(f"/tmp/bench-live-{name}.log", "w"),
    )
    try:
        for _ in range(120):
            try:
                import urllib.request

                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/thrive-levels/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        workers = []
        for _ in range(600):  # both workers booted (each answers its first request)
            workers = worker_pids(server.pid)
            if len(workers) == args.workers and rss_mib(workers) > 80 * args.workers:  # Django loaded in each
                break
            time.sleep(0.5)
        time.sleep(5)
        before = rss_mib(workers)
        ready, done, results = multiprocessing.Event(), multiprocessing.Event(), multiprocessing.Queue()
        proc = multiprocessing.Process(target=client, args=(port, keys, ready, done, results))
        proc.start()
        if not ready.wait(timeout=600):
            raise SystemExit("sockets did not all open")
        after = rss_mib(worker_pids(server.pid))
        User = get_user_model()
        members = {}
        for user in User.objects.filter(username__startswith="bench").select_related("thrive_profile"):
            members.setdefault(user.thrive_profile.current_circle_id, user)
        for user in members.values():  # warm-up, not measured: first connections, each circle's goal
            XPService.add_xp(user, 5, "quiz", "Bench warm-up")
        time.sleep(2)
        commits: dict[str, float] = {}
        for _ in range(args.rounds):
            for user in members.values():
                stamp: list[float] = []
                with transaction.atomic():
                    transaction.on_commit(lambda: stamp.append(time.time()))
                    event = XPService.add_xp(user, 5, "quiz", "Bench quiz")
                commits[str(event.pk)] = stamp[0]
                time.sleep(args.gap)
        done.set()
        arrivals = results.get(timeout=120)
        proc.join(timeout=30)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    latencies = sorted((arrived - commits[event_id]) * 1000 for event_id, arrived in arrivals if event_id in commits)
    expected = len(commits) * (len(keys) // len(members))
    return {
        "layer": name,
        "deliveries": len(latencies),
        "expected": expected,
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p99_ms": round(latencies[int(0.99 * (len(latencies) - 1))], 1) if latencies else None,
        "max_ms": round(latencies[-1], 1) if latencies else None,
        "server_rss_before_mib": round(before, 1),
        "server_rss_open_mib": round(after, 1),
        "kib_per_socket": round((after - before) * 1024 / len(keys), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--sockets", type=int, default=1000)
    parser.add_argument("--circles", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5, help="awards per circle")
    parser.add_argument("--gap", type=float, default=0.05, help="seconds between awards")
    parser.add_argument("--port", type=int, default=8850)
    parser.add_argument("--layers", default="pubsub,list")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    args = parser.parse_args()

    recreate_database(args.database_url)
    setup_django(args.database_url, THRIVE_SELF_HEAL="off")
    try:
        keys = prepare(args.sockets, args.circles)
        from django.db import connections

        connections.close_all()
        results = [run_layer(name, args, keys) for name in args.layers.split(",")]
        print(json.dumps({"sockets": args.sockets, "circles": args.circles, "workers": args.workers,
                          "rounds": args.rounds, "cpus": os.cpu_count(), "results": results}, indent=2))
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database(args.database_url)


if __name__ == "__main__":
    main()

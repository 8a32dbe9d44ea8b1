#!/usr/bin/env python
"""Load test: people with Your Thrive Circle open, against the production server setup.

    .venv/bin/python bench/load_test.py                       # 100 then 500 simulated people, 60 s each
    .venv/bin/python bench/load_test.py --users 100 --duration 120 --server-workers 4

Own PostgreSQL database (default thrive_bench_load): the demo community (--community people, ten
weeks of history) in this week's circles, a DRF token and a signed-in session for each seated
person. The server is `make run`'s ASGI server in production form: gunicorn with
--server-workers uvicorn workers, DEBUG off, PostgreSQL, Redis for the cache, the rate limits and
the channel layer (database 9, a prefix of its own), a psycopg pool of --pool-size connections
per worker. Locust (bench/locustfile.py) then runs
headless from this machine: each simulated person keeps the page's socket open and loads the
page (6), the XP history (2) or creates a project (1, an award through PointsService) every 1-3 s. Per step: requests,
failures, p50/p95/p99 from locust's CSV, counted from the end of the ramp (--reset-stats). The API throttle is raised for the run (one client
machine stands in for hundreds of people); every other limit stays as shipped.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import uuid
from types import SimpleNamespace

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402
import api_load  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thrive_bench_load"
REDIS = "redis://127.0.0.1:6379/9"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", default="100,500", help="comma-separated simulated people per run")
    parser.add_argument("--duration", type=int, default=60, help="seconds of each run after the ramp")
    parser.add_argument("--spawn-rate", type=int, default=50, help="people started per second")
    parser.add_argument("--community", type=int, default=600, help="demo community size")
    parser.add_argument("--server-workers", type=int, default=4)
    parser.add_argument("--pool-size", type=int, default=20, help="database connections per server worker (0: no pool)")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--keep", action="store_true")
    return parser.parse_args()


def accounts(tokens: list[str]) -> list[dict]:
    """A signed-in session for each token's person (the socket authenticates by session cookie)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from rest_framework.authtoken.models import Token

    backend = "django.contrib.auth.backends.ModelBackend"  # the one that signs people in

    result = []
    for token in Token.objects.filter(key__in=tokens).select_related("user"):
        session = SessionStore()
        session.update({SESSION_KEY: str(token.user.pk), BACKEND_SESSION_KEY: backend,
                        HASH_SESSION_KEY: token.user.get_session_auth_hash()})
        session.create()
        result.append({"token": token.key, "session": session.session_key})
    return result


def server_env(args) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "REDIS_URL": REDIS,
        "CACHE_URL": REDIS,
        "LIVE_CHANNEL_PREFIX": f"load-{uuid.uuid4().hex[:6]}",
        "THRIVE_USER_THROTTLE": "1000000/min",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        # A pool per worker process: 4 x 20 stays under the 100 connections PostgreSQL allows here.
        "DATABASE_POOL_MAX_SIZE": str(args.pool_size),
    }


def start_server(args, port: int) -> subprocess.Popen:
    cmd = [
        os.path.join(os.path.dirname(sys.executable), "gunicorn"), "-c", os.path.join(_common.ROOT, "config", "gunicorn.conf.py"),
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(args.server_workers), "--log-level", "warning", "--timeout", "60",
    ]
    return subprocess.Popen(cmd, cwd=_common.ROOT, env=server_env(args), start_new_session=True)


def run_locust(users: int, args, port: int, accounts_file: str, out: str) -> list[dict]:
    locust = os.path.join(os.path.dirname(sys.executable), "locust")
    ramp = max(1, users // args.spawn_rate)
    subprocess.run(
        [locust, "-f", os.path.join(_common.ROOT, "bench", "locustfile.py"), "--headless", "--only-summary",
         "-u", str(users), "-r", str(args.spawn_rate), "-t", f"{args.duration + ramp}s",
         "--host", f"http://127.0.0.1:{port}", "--csv", out, "--loglevel", "WARNING", "--reset-stats"],
        env={**os.environ, "LOAD_ACCOUNTS": accounts_file}, check=False,
    )
    with open(f"{out}_stats.csv") as fh:
        return list(csv.DictReader(fh))


def main() -> None:
    args = parse_args()
    _common.setup_django(args.database_url, REDIS_URL=REDIS, CACHE_URL=REDIS)
    people = [int(u) for u in args.users.split(",")]
    print(f"bench/load_test.py  ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}), "
          f"server: gunicorn + {args.server_workers} uvicorn workers, PostgreSQL, Redis")
    tokens = api_load.prepare(SimpleNamespace(database_url=args.database_url, community=args.community, users=max(people)))
    work = tempfile.mkdtemp(prefix="thrive-load-")
    accounts_file = os.path.join(work, "accounts.json")
    with open(accounts_file, "w") as fh:
        json.dump(accounts(tokens), fh)
    from django.db import connections

    connections.close_all()
    port = api_load.free_port()
    server = start_server(args, port)
    try:
        api_load.wait_ready(port, server)
        for users in people:
            rows = run_locust(users, args, port, accounts_file, os.path.join(work, f"u{users}"))
            print(f"\n{users} simulated people, {args.duration} s after the ramp "
                  f"(load average {os.getloadavg()[0]:.1f})")
            print(f"  {'step':32} {'requests':>9} {'failures':>9} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6}  ms")
            for row in rows:
                print(f"  {row['Type'] + ' ' + row['Name']:32.32} {int(row['Request Count']):9,} {int(row['Failure Count']):9,} "
                      f"{float(row['Requests/s']):7.1f} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6}")
    finally:
        api_load.stop_server(server)
        if not args.keep:
            _common.drop_database(args.database_url)


if __name__ == "__main__":
    main()

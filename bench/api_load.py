#!/usr/bin/env python
"""Benchmark: GET /api/v1/me/thrive-circle/ under load, next to a trivial authenticated endpoint.

    .venv/bin/python bench/api_load.py
    .venv/bin/python bench/api_load.py --requests 4000 --concurrency 8 --threads 4

Creates its own PostgreSQL database (default postgres://postgres@127.0.0.1:5432/thrive_bench_api),
seeds the demo community (core.circles.ops.demo.seed_demo_community, --community users with ten weeks
of XP history), assigns this week's circles, and gives DRF tokens to --users seated users. Then it
serves the app with gunicorn on a free port of 127.0.0.1 (--workers 2, DJANGO_DEBUG=0, throttle
1000000/min) and drives it from keep-alive http.client connections in threads, rotating the tokens:

  trivial : GET /api/v1/me/xp-history/?limit=1   (token auth + one small query)
  circle  : GET /api/v1/me/thrive-circle/        (the Your Thrive Circle page)

Both endpoints run in alternating rounds in the same server, so background load hits both alike.
Every request count is bounded; the server is stopped at the end, also on errors or Ctrl-C.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thrive_bench_api"
ENDPOINTS = {
    "trivial": "/api/v1/me/xp-history/?limit=1",
    "circle": "/api/v1/me/thrive-circle/",
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--community", type=int, default=300, help="demo community size")
    parser.add_argument("--users", type=int, default=200, help="users with tokens the client rotates through")
    parser.add_argument("--requests", type=int, default=4000, help="measured requests per endpoint")
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds the requests are split into")
    parser.add_argument("--warmup", type=int, default=300, help="unmeasured requests per endpoint first")
    parser.add_argument("--concurrency", type=int, default=8, help="client connections (threads)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if _common.is_sqlite(args.database_url):
        parser.error("the load benchmark serves from PostgreSQL")
    if not 1 <= args.requests <= 200_000 or not 1 <= args.concurrency <= 64 or args.rounds < 1:
        parser.error("--requests 1..200000, --concurrency 1..64, --rounds >= 1")
    return args


# --------------------------------------------------------------------------- data


def prepare(args) -> list[str]:
    """Seed the community, assign circles, return the token keys of `args.users` seated users."""
    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from core.circles import weeks
    from core.circles.ops.demo import seed_demo_community
    from core.circles.models import UserThriveProfile
    from core.circles.services import CircleAssignmentService
    from core.launch.services import open_thrive_circles_to_everyone

    _common.recreate_database(args.database_url)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_thrive_levels", verbosity=0)
    with _common.timer() as t:
        created = seed_demo_community(count=args.community)
        open_thrive_circles_to_everyone()  # a fresh install starts in beta, as the demo does not
        run = CircleAssignmentService.assign_weekly_circles(trigger="bench")
    week = weeks.week_start_for(timezone.now())
    seated = list(
        UserThriveProfile.objects.filter(current_circle__week_start__gte=week)
        .select_related("user").order_by("pk")[: args.users]
    )
    tokens = Token.objects.bulk_create([Token(user=p.user, key=Token.generate_key()) for p in seated])
    print(f"database   {connections['default'].settings_dict['NAME']}: {created} demo users, "
          f"{run.circles_created} circles ({run.users_placed} placed), {len(tokens)} tokens for seated users "
          f"(seeded in {t['seconds']:.1f} s)")
    if len(tokens) < args.users:
        print(f"note: only {len(tokens)} seated users to rotate through")
    return [t.key for t in tokens]


def queries_per_request(token: str) -> dict:
    """SQL statements one request makes, measured in-process with the test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(), {}
    for name, path in ENDPOINTS.items():
        client.get(path, HTTP_AUTHORIZATION=f"Token {token}")  # warm caches, as a running server has them
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path, HTTP_AUTHORIZATION=f"Token {token}")
        counts[name] = (response.status_code, len(ctx.captured_queries))
    return counts


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(args, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "THRIVE_USER_THROTTLE": "1000000/min",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    cmd = [
        os.path.join(os.path.dirname(sys.executable), "gunicorn"), "config.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--threads", str(args.threads),
        "--log-level", "warning", "--timeout", "60",
    ]
    # Its own session, so stopping it reaches the workers too (by the master's process group id).
    return subprocess.Popen(cmd, cwd=_common.ROOT, env=env, start_new_session=True)


def wait_ready(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/thrive-levels/")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{port} within {timeout:.0f} s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    pgid = os.getpgid(server.pid)
    os.killpg(pgid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(pgid, signal.SIGKILL)
        server.wait(timeout=10)


def server_processes(server: subprocess.Popen, database: str) -> list[int]:
    """The gunicorn master and workers, and the PostgreSQL backends serving `database`."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmdline = fh.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(entry) == server.pid or ppid == server.pid:
            pids.append(int(entry))
        elif cmdline.startswith("postgres: ") and f" {database} " in cmdline:
            pids.append(int(entry))
    return pids


def cpu_seconds(pids: list[int]) -> float:
    return sum(_common.proc_cpu_seconds(pid) or 0.0 for pid in pids)


# --------------------------------------------------------------------------- client


def drive(port: int, path: str, tokens: list[str], total: int, concurrency: int, offset: int) -> dict:
    """`total` GETs of `path` over `concurrency` keep-alive connections; tokens rotate per request."""
    lock = threading.Lock()
    state = {"next": 0}
    latencies: list[float] = []
    failures: list[str] = []

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while True:
            with lock:
                i = state["next"]
                if i >= total:
                    break
                state["next"] = i + 1
            headers = {"Authorization": f"Token {tokens[(offset + i) % len(tokens)]}"}
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = type(exc).__name__
            mine.append(time.perf_counter() - started)
            if status != 200:
                with lock:
                    failures.append(str(status))
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"seconds": time.perf_counter() - started, "latencies": latencies, "failures": failures}


def summarise(name: str, rounds: list[dict]) -> dict:
    latencies = sorted(lat for r in rounds for lat in r["latencies"])
    seconds = sum(r["seconds"] for r in rounds)
    failures = [f for r in rounds for f in r["failures"]]
    n = len(latencies)

    def pct(p):
        return round(latencies[min(n - 1, int(p * n))] * 1000, 2)

    return {
        "endpoint": name, "path": ENDPOINTS[name], "requests": n, "failures": len(failures),
        "failure_kinds": sorted(set(failures))[:5], "seconds": round(seconds, 2),
        "requests_per_second": round(n / seconds, 1), "p50_ms": pct(0.50), "p95_ms": pct(0.95),
        "p99_ms": pct(0.99), "mean_ms": round(statistics.fmean(latencies) * 1000, 2),
    }


def check_payload(port: int, token: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", ENDPOINTS["circle"], headers={"Authorization": f"Token {token}"})
    response = conn.getresponse()
    body = json.loads(response.read())
    conn.close()
    members = len(body.get("circle_members") or [])
    circle = (body.get("current_circle") or {}).get("name")
    return f"{response.status}: circle {circle!r}, {members} members shown, {len(body.get('recent_activity') or [])} events"


def main() -> None:
    args = parse_args()
    _common.setup_django(args.database_url)
    print(f"bench/api_load.py  ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})")
    tokens = prepare(args)
    queries = queries_per_request(tokens[0])
    from django.db import connections

    connections.close_all()
    port = free_port()
    server = start_server(args, port)
    results = {}
    try:
        wait_ready(port, server)
        print(f"server     gunicorn --workers {args.workers} --threads {args.threads} on 127.0.0.1:{port} "
              f"(pid {server.pid}), client: {args.concurrency} keep-alive connections, {len(tokens)} tokens")
        print(f"payload    {check_payload(port, tokens[0])}")
        for name, path in ENDPOINTS.items():
            drive(port, path, tokens, args.warmup, args.concurrency, 0)
        # After the warm-up every worker thread holds its persistent database connection.
        pids = server_processes(server, args.database_url.rsplit("/", 1)[1])
        per_round = max(1, args.requests // args.rounds)
        rounds = {name: [] for name in ENDPOINTS}
        server_cpu = {name: 0.0 for name in ENDPOINTS}
        for r in range(args.rounds):
            for name, path in ENDPOINTS.items():
                before = cpu_seconds(pids)
                rounds[name].append(drive(port, path, tokens, per_round, args.concurrency, r * per_round))
                server_cpu[name] += cpu_seconds(pids) - before
        for name in ENDPOINTS:
            results[name] = summarise(name, rounds[name])
            results[name]["server_cpu_ms_per_request"] = round(server_cpu[name] * 1000 / results[name]["requests"], 2)
    finally:
        stop_server(server)
        print(f"server     stopped (exit {server.returncode})")
        if not args.keep:
            _common.drop_database(args.database_url)
    ratio = results["circle"]["requests_per_second"] / results["trivial"]["requests_per_second"]
    print(f"\n{'endpoint':40s} {'req/s':>7s} {'p50 ms':>7s} {'p95 ms':>7s} {'p99 ms':>7s} {'errors':>6s} "
          f"{'SQL/req':>7s} {'server CPU ms/req':>18s}")
    for name, r in results.items():
        print(f"{'GET ' + r['path']:40s} {r['requests_per_second']:7.1f} {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} "
              f"{r['p99_ms']:7.1f} {r['failures']:6d} {queries[name][1]:7d} {r['server_cpu_ms_per_request']:18.2f}")
    cpu_ratio = results["trivial"]["server_cpu_ms_per_request"] / results["circle"]["server_cpu_ms_per_request"]
    print(f"\nratio thrive-circle / trivial throughput: {ratio:.2f}  (aim >= 0.5); "
          f"from server CPU per request: {cpu_ratio:.2f}   load average {os.getloadavg()[0]:.1f}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"args": vars(args), "queries_per_request": queries, "results": results, "ratio": round(ratio, 3),
                       "cpu_ratio": round(cpu_ratio, 3)},
                      fh, indent=2)
    failed = any(r["failures"] for r in results.values())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

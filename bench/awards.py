#!/usr/bin/env python
"""Benchmark: XP awards per second through XPService.add_xp with concurrent writers (PostgreSQL).

    .venv/bin/python bench/awards.py                         # 8 writer processes x 2,000 awards
    .venv/bin/python bench/awards.py --mode threads          # 8 threads in one process instead
    .venv/bin/python bench/awards.py --via points            # through PointsService.award_points
    .venv/bin/python bench/awards.py --quests 50             # with 50 active quests (core/quests)
    .venv/bin/python bench/awards.py --quests -1             # without the quest engine's receiver

Creates its own database (default postgres://postgres@127.0.0.1:5432/thrive_bench_awards), loads
the levels, creates 8 users (plus --population background profiles so the indexes are not toy
sized), assigns this week's circles so every writer's user is seated (as in production), then runs
two scenarios, each writer on its own database connection, all released together by a barrier:

  one user : all writers award XP to the same user (the row lock serialises them)
  8 users  : writer i awards XP to user i

Each writer makes --awards awards (amounts 5-50, one in 20 a -10 correction). Afterwards, for
every user: total_xp == sum of their XPEvents, weekly_xp == sum of their events in the counter's
week, the count of the writers' events is what they made, and the level matches total_xp -> OK / MISMATCH.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thrive_bench_awards"
USERS = 8


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--awards", type=int, default=2000, help="awards per writer and scenario")
    parser.add_argument("--mode", choices=["processes", "threads"], default="processes")
    parser.add_argument("--via", choices=["xp", "points"], default="xp",
                        help="xp: XPService.add_xp; points: PointsService.award_points (ledger + XP)")
    parser.add_argument("--population", type=int, default=10_000, help="other seated profiles in the database")
    parser.add_argument("--quests", type=int, default=0,
                        help="active every-week side quests none of the awards completes (the quest engine "
                             "evaluates them after each award); -1: disconnect the quest engine's receiver")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if _common.is_sqlite(args.database_url):
        parser.error("the concurrency benchmark needs PostgreSQL")
    if not 1 <= args.awards <= 100_000 or not 1 <= args.writers <= 64:
        parser.error("--awards must be 1..100000 and --writers 1..64")
    return args


def prepare(args) -> list[int]:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, connections
    from django.utils import timezone

    from core.circles import weeks
    from core.circles.services import CircleAssignmentService, join_thrive_circles

    _common.recreate_database(args.database_url)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_thrive_levels", verbosity=0)
    now = timezone.now()
    with connection.cursor() as cursor:  # background population, set-based
        cursor.execute(
            """
            INSERT INTO users_user (password, is_superuser, username, first_name, last_name, email, is_staff,
                is_active, date_joined, avatar_url, total_points, level, current_streak, max_streak)
            SELECT '!', false, 'pop_' || g, '', '', '', false, true, %(now)s, '', (g * 7919) %% 9000, 1, 0, 0
            FROM generate_series(1, %(n)s) g
            """,
            {"now": now, "n": args.population},
        )
        cursor.execute(
            """
            INSERT INTO circles_userthriveprofile (weekly_xp, weekly_xp_week, total_xp, weekly_reset_at,
                last_activity_at, created_at, current_circle_id, current_level_id, user_id)
            SELECT 0, %(week)s, u.total_points, %(now)s, %(now)s, %(now)s, NULL,
                   (SELECT l.id FROM circles_thrivecirclelevel l WHERE l.min_xp <= u.total_points
                    ORDER BY l.min_xp DESC LIMIT 1), u.id
            FROM users_user u
            """,
            {"week": weeks.week_start_for(now), "now": now},
        )
    users = [get_user_model().objects.create(username=f"writer_target_{i}", password="!") for i in range(USERS)]
    for user in users:
        join_thrive_circles(user)
    CircleAssignmentService.assign_weekly_circles(now=now, trigger="bench")
    if args.quests > 0:
        from core.quests.models import Quest

        # Met by nothing the bench does: every award evaluates all of them and completes none.
        Quest.objects.bulk_create(
            Quest(kind="side_quest", title=f"Bench quest {i}", description="-", reward_xp=10,
                  sources=["quiz", "project"][i % 2:i % 2 + 1], measure=["events", "xp", "days"][i % 3], target=10**6)
            for i in range(args.quests)
        )
    elif args.quests < 0:
        from core.circles.signals import xp_recorded

        xp_recorded.disconnect(dispatch_uid="quests-progress")  # before the writers fork
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    print(f"database   {connection.settings_dict['NAME']}: {args.population:,} background profiles, "
          f"{USERS} target users, circles assigned")
    connections.close_all()  # children and threads open their own connections
    return [u.pk for u in users]


def award_loop(user_id: int, count: int, seed: int, via: str) -> dict:
    """One writer: `count` awards to `user_id` on this thread's own connection.

    Returns per-award latencies, errors, and the CPU this writer's PostgreSQL backend used.
    """
    from django.contrib.auth import get_user_model
    from django.db import OperationalError, connection

    from core.circles.models import XPSource
    from core.circles.services import XPService
    from core.points.models import ActivityType
    from core.points.services import PointsService

    rng = random.Random(seed)
    user = get_user_model().objects.get(pk=user_id)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    backend_cpu = _common.proc_cpu_seconds(backend)
    latencies, errors = [], 0
    for _ in range(count):
        amount = -10 if rng.random() < 0.05 else rng.randint(5, 50)
        started = time.perf_counter()
        try:
            if via == "points":
                PointsService.award_points(user, rng.choice([ActivityType.QUIZ_COMPLETED, ActivityType.PROJECT_CREATED]),
                                           {"score": 80})
            else:
                XPService.add_xp(user, amount, XPSource.QUIZ, "bench award")
        except OperationalError:  # a deadlock or serialisation failure would land here
            errors += 1
        latencies.append(time.perf_counter() - started)
    backend_cpu = _common.proc_cpu_seconds(backend) - backend_cpu if backend_cpu is not None else 0.0
    connection.close()
    return {"latencies": latencies, "errors": errors, "backend_cpu": backend_cpu}


def _process_writer(user_id, count, seed, via, barrier, queue):
    from django.db import connection

    connection.ensure_connection()  # connect before the start signal, as a pooled worker would be
    barrier.wait()
    cpu = time.process_time()
    result = award_loop(user_id, count, seed, via)
    queue.put({**result, "python_cpu": time.process_time() - cpu})


def _thread_writer(user_id, count, seed, via, barrier, out, index):
    from django.db import connection

    connection.ensure_connection()
    barrier.wait()
    out[index] = award_loop(user_id, count, seed, via)


def run_scenario(args, name: str, targets: list[int]) -> dict:
    """Start one writer per target (on its own connection) together; returns the figures."""
    from django.db import connections

    connections.close_all()  # a forked writer must never share the parent's connection
    n = len(targets)
    if args.mode == "processes":
        ctx = multiprocessing.get_context("fork")
        barrier, queue = ctx.Barrier(n + 1), ctx.Queue()
        workers = [ctx.Process(target=_process_writer, args=(uid, args.awards, i, args.via,
                                                            barrier, queue)) for i, uid in enumerate(targets)]
        for w in workers:
            w.start()
        barrier.wait(timeout=120)
        started = time.perf_counter()
        results = [queue.get(timeout=1800) for _ in workers]
        seconds = time.perf_counter() - started
        for w in workers:
            w.join(timeout=60)
    else:
        barrier, out = threading.Barrier(n + 1), [None] * n
        workers = [threading.Thread(target=_thread_writer, args=(uid, args.awards, i, args.via, barrier, out, i))
                   for i, uid in enumerate(targets)]
        for w in workers:
            w.start()
        barrier.wait(timeout=120)
        started, cpu = time.perf_counter(), time.process_time()
        for w in workers:
            w.join(timeout=1800)
        seconds = time.perf_counter() - started
        results = out
        results[0]["python_cpu"] = time.process_time() - cpu  # the whole process, shared by the threads
    latencies = sorted(lat for r in results for lat in r["latencies"])
    errors = sum(r["errors"] for r in results)
    total = len(latencies)
    python_cpu = sum(r.get("python_cpu", 0.0) for r in results)
    backend_cpu = sum(r["backend_cpu"] for r in results)
    # Does a writer slow down as its row accumulates dead versions? Median of its first and last tenth.
    tenth = max(1, args.awards // 10)
    early = statistics.median(lat for r in results for lat in r["latencies"][:tenth]) * 1000
    late = statistics.median(lat for r in results for lat in r["latencies"][-tenth:]) * 1000

    def pct(p):
        return latencies[min(total - 1, int(p * total))] * 1000

    figures = {
        "scenario": name, "writers": n, "awards": total, "errors": errors, "seconds": round(seconds, 2),
        "awards_per_second": round(total / seconds), "p50_ms": round(pct(0.50), 2), "p95_ms": round(pct(0.95), 2),
        "p99_ms": round(pct(0.99), 2), "mean_ms": round(statistics.fmean(latencies) * 1000, 2),
        "p50_first_tenth_ms": round(early, 2), "p50_last_tenth_ms": round(late, 2),
        "python_cpu_ms_per_award": round(python_cpu * 1000 / total, 2),
        "postgres_backend_cpu_ms_per_award": round(backend_cpu * 1000 / total, 2),
        "load_average_after": round(os.getloadavg()[0], 1),
    }
    print(f"\n{name}: {n} writers x {args.awards:,} awards ({args.mode}, via {args.via})\n"
          f"  {total:,} awards in {seconds:.2f} s = {figures['awards_per_second']:,} awards/s"
          f"   latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms"
          f"   errors {errors}\n"
          f"  CPU per award: {figures['python_cpu_ms_per_award']} ms Python + "
          f"{figures['postgres_backend_cpu_ms_per_award']} ms PostgreSQL backend"
          f"   p50 first/last tenth {early:.1f}/{late:.1f} ms   load average {figures['load_average_after']}")
    return figures


def verify(user_ids: list[int], expected_events: dict[int, int]) -> bool:
    """Counters against the event log, exactly."""
    from django.db.models import Count, Q, Sum

    from core.circles import weeks
    from core.circles.ledger.levels import level_for_xp
    from core.circles.models import ThriveCircleLevel, UserThriveProfile, XPEvent

    levels = list(ThriveCircleLevel.objects.all())
    ok = True
    for profile in UserThriveProfile.objects.filter(user_id__in=user_ids).select_related("current_level"):
        start, end = weeks.week_bounds(profile.weekly_xp_week)
        sums = XPEvent.objects.filter(user_id=profile.user_id).aggregate(
            # The writers' own events; the counters also hold what awards earned on the side (a
            # circle goal reached together pays everyone a bonus).
            total=Sum("amount"), n=Count("id", filter=Q(description="bench award")),
            weekly=Sum("amount", filter=Q(timestamp__gte=start, timestamp__lt=end)),
        )
        level = level_for_xp(profile.total_xp, levels)
        checks = {
            "total_xp": (profile.total_xp, sums["total"] or 0),
            "weekly_xp": (profile.weekly_xp, sums["weekly"] or 0),
            "events": (sums["n"], expected_events.get(profile.user_id, 0)),
            "level": (profile.current_level.name, level.name),
        }
        bad = {k: v for k, v in checks.items() if v[0] != v[1]}
        ok &= not bad
        print(f"  user {profile.user_id}: total_xp {profile.total_xp:,} weekly_xp {profile.weekly_xp:,} "
              f"events {sums['n']:,} level {profile.current_level.name}  "
              + ("OK" if not bad else "MISMATCH " + ", ".join(f"{k}: {a} != {b}" for k, (a, b) in bad.items())))
    return ok


def main() -> None:
    args = parse_args()
    _common.setup_django(args.database_url)
    print(f"bench/awards.py  ({os.cpu_count()} CPUs, {args.writers} writers, {args.awards:,} awards each, "
          f"quests {args.quests}, load average {os.getloadavg()[0]:.1f})")
    user_ids = prepare(args)
    results, expected = [], {uid: 0 for uid in user_ids}
    all_ok = True
    try:
        scenarios = [("one user", [user_ids[0]] * args.writers),
                     (f"{USERS} users", [user_ids[i % USERS] for i in range(args.writers)])]
        for name, targets in scenarios:
            figures = run_scenario(args, name, targets)
            for uid in targets:
                expected[uid] += args.awards
            ok = verify(sorted(set(targets)), expected)
            figures["verified"] = "OK" if ok else "MISMATCH"
            print(f"  verification: {figures['verified']}")
            all_ok &= ok
            results.append(figures)
        if args.json:
            with open(args.json, "w") as fh:
                json.dump({"mode": args.mode, "via": args.via, "quests": args.quests, "results": results}, fh, indent=2)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            _common.drop_database(args.database_url)
    sys.exit(0 if all_ok else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Benchmark: migrate_to_thrive_circles on a large existing community (PostgreSQL).

    .venv/bin/python bench/backfill.py                       # 1,000,000 PointsHistory rows, 50,000 users
    .venv/bin/python bench/backfill.py --rows 200000 --users 10000 --batch-size 5000

Creates its own database (default postgres://postgres@127.0.0.1:5432/thrive_bench_backfill),
migrates it, loads the levels and seeds, set-based and untimed: N users (joined up to 400 days
ago) and R PointsHistory rows spread over the last year (skewed to recent weeks, so most users
are active), as the old platform wrote them: no XP events, no profiles. total_points equals each
user's history, plus unexplained extra points for --carry-share of the users.

The measured part runs in a fresh child process, so its peak RSS is the migration's own:
1. `--dry-run` plan, 2. the migration (batches, first circles, validation), 3. a rerun (nothing
left to do). For each: wall time, SQL statements, peak RSS of the Python process (ru_maxrss) and
of its PostgreSQL backend (VmHWM). Run on an otherwise idle machine; figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thrive_bench_backfill"
ACTIVITIES = [  # (activity_type, points, weight)
    ("quiz_completed", 20, 40), ("battle_participated", 25, 15), ("battle_won", 20, 4),
    ("battle_round_completed", 10, 6), ("project_created", 10, 8), ("project_published", 15, 5),
    ("project_milestone", 50, 2), ("daily_login", 5, 18), ("week_streak", 25, 1), ("month_streak", 100, 1),
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50_000)
    parser.add_argument("--rows", type=int, default=1_000_000, help="PointsHistory rows")
    parser.add_argument("--carry-share", type=float, default=0.05, help="users with points outside the history")
    parser.add_argument("--batch-size", type=int, default=None, help="users per batch (default: the command's)")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if _common.is_sqlite(args.database_url):
        parser.error("this benchmark targets PostgreSQL")
    return args


def seed(users: int, rows: int, carry_share: float) -> None:
    from django.db import connection

    cases = " ".join(f"WHEN {i} THEN '{name}'" for i, (name, _, _) in enumerate(ACTIVITIES))
    points = " ".join(f"WHEN '{name}' THEN {p}" for name, p, _ in ACTIVITIES)
    weights = [w for _, _, w in ACTIVITIES]
    bounds, total = [], 0
    for w in weights:
        total += w
        bounds.append(total)
    pick = " ".join(f"WHEN r < {b / total} THEN {i}" for i, b in enumerate(bounds))
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute(
            """
            INSERT INTO users_user (password, last_login, is_superuser, username, first_name, last_name, email,
                is_staff, is_active, date_joined, avatar_url, total_points, level, current_streak, max_streak)
            SELECT '!', NULL, false, 'legacy_' || g, '', '', '', false, true,
                   now() - interval '400 days' + random() * interval '30 days', '', 0, 1, 0, 0
            FROM generate_series(1, %s) g
            """,
            [users],
        )
        cursor.execute("SELECT min(id) FROM users_user")
        first_id = cursor.fetchone()[0]
        # Recent weeks are busier (sqrt skew): most users have acted within the last 28 days.
        cursor.execute(
            f"""
            INSERT INTO points_pointshistory (user_id, activity_type, points_awarded, description, metadata, created_at,
                                              fair_play_rule)
            SELECT %(first)s + floor(random() * %(users)s)::int, a.kind,
                   CASE a.kind {points} END,
                   CASE WHEN g %% 10 = 0 THEN '' ELSE 'Legacy award ' || a.kind END,
                   jsonb_build_object('title', 'Item ' || (g %% 97), 'legacy_id', g),
                   now() - (1 - sqrt(random())) * interval '365 days', ''
            FROM generate_series(1, %(rows)s) g
            CROSS JOIN LATERAL (SELECT CASE (CASE {pick} ELSE 0 END) {cases} END AS kind
                                FROM (SELECT random() + 0 * g AS r) x) a
            """,
            {"first": first_id, "users": users, "rows": rows},
        )
        cursor.execute(
            """
            UPDATE users_user u SET total_points = h.s + CASE WHEN random() < %s THEN 100 + floor(random() * 900)::int ELSE 0 END,
                                    level = h.s / 100 + 1
            FROM (SELECT user_id, SUM(points_awarded) s FROM points_pointshistory GROUP BY user_id) h
            WHERE h.user_id = u.id
            """,
            [carry_share],
        )
        cursor.execute("VACUUM ANALYZE")


def prepare(args) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from core.circles.services import load_default_levels

    call_command("migrate", verbosity=0)
    load_default_levels()
    with _common.timer() as t:
        seed(args.users, args.rows, args.carry_share)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), count(DISTINCT user_id) FROM points_pointshistory")
        rows, users_with_history = cursor.fetchone()
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('points_pointshistory'))")
        size = cursor.fetchone()[0]
    return {"seed_seconds": round(t["seconds"], 1), "history_rows": rows, "users_with_history": users_with_history,
            "history_size": size}


def measure(args) -> dict:
    from django.db import connection

    from core.circles.ops import backfill
    from core.circles.models import ThriveCircle, UserThriveProfile, XPEvent

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    batch = {"batch_size": args.batch_size} if args.batch_size else {}
    figures = {}

    log = _common.QueryLog()
    with connection.execute_wrapper(log), _common.timer() as t:
        plan = backfill.plan_backfill()
    figures["dry_run"] = {"seconds": round(t["seconds"], 2), "statements": log.count,
                          "events_to_backfill": plan.events_to_backfill, "carry_over_users": plan.carry_over_users}

    for name in ("migration", "rerun"):
        log = _common.QueryLog()
        marks = {}

        def progress(stage, done, total, marks=marks):
            marks.setdefault("first", time.perf_counter())
            marks["last"] = time.perf_counter()

        with connection.execute_wrapper(log), _common.timer() as t:
            result = backfill.migrate_to_thrive_circles(progress=progress, **batch)
        run = result.run
        circles_seconds = (run.finished_at - run.started_at).total_seconds()
        figures[name] = {
            "seconds": round(t["seconds"], 2),
            "batches_seconds": round(marks["last"] - marks["first"], 2),
            "circles_seconds": round(circles_seconds, 2),
            "statements": log.count,
            "profiles_created": result.profiles_created,
            "events_created": result.events_created,
            "carry_over_users": result.carry_over_users,
            "run": f"{run.status}, {run.users_placed} placed, {run.circles_created} circles",
            "report_ok": result.report.ok,
            "slowest": [(round(s, 2), _common.one_line(sql, 90)) for s, sql in log.slowest(4)],
        }
    figures["python_peak_rss_mib"] = round(_common.max_rss_mib(), 1)
    figures["postgres_backend_peak_rss_mib"] = _common.proc_hwm_mib(backend)
    figures["events"] = XPEvent.objects.count()
    figures["profiles"] = UserThriveProfile.objects.count()
    figures["circles"] = ThriveCircle.objects.count()
    return figures


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.measure:
        _common.setup_django(args.database_url)
        print(json.dumps(measure(args)))
        return

    _common.recreate_database(args.database_url)
    try:
        _common.setup_django(args.database_url)
        print(f"Seeding {args.users:,} users and {args.rows:,} PointsHistory rows (untimed)...", flush=True)
        seeded = prepare(args)
        print(json.dumps(seeded), flush=True)
        child = [sys.executable, __file__, "--measure", "--database-url", args.database_url]
        if args.batch_size:
            child += ["--batch-size", str(args.batch_size)]
        from django.db import connections

        connections.close_all()
        out = subprocess.run(child, check=True, capture_output=True, text=True, cwd=_common.ROOT,
                             env={**os.environ, "DJANGO_LOG_LEVEL": "WARNING"})
        figures = {**seeded, **json.loads(out.stdout.strip().splitlines()[-1])}
        print(json.dumps(figures, indent=2))
        if args.json:
            with open(args.json, "w") as fh:
                json.dump(figures, fh, indent=2)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            _common.drop_database(args.database_url)


if __name__ == "__main__":
    main()

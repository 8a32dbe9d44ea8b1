#!/usr/bin/env python
"""Benchmark: the success-metrics dashboard's data (core/insights) on N users with W weeks of events.

    .venv/bin/python bench/kpis.py                      # 100,000 users, 12 weeks, PostgreSQL
    .venv/bin/python bench/kpis.py --users 10000 --keep

Creates its own PostgreSQL database (default postgres://postgres@127.0.0.1:5432/thrive_kpi_bench),
migrates it and seeds set-based (INSERT ... SELECT generate_series): users (three in four joined
before the window, the rest during it), an engagement level per person, for each person-week an
active/inactive draw and 1-9 awards (sign-ins, quizzes, battles, projects; ~1 % marked as limited by
fair play) as PointsHistory with one XPEvent each, a carry-over XP event before the window (so levels
spread from Seedling to Luminary), profiles whose totals equal their events, and page/feed views on
about a third of the active days. Seeding is timed but not counted.

Measured, each in a fresh transaction-free connection:
  cold      weekly_kpis(12) with no stored weeks: computes and stores the 11 finished weeks, computes
            the running one (what the first dashboard request or the Monday task pays, once)
  warm      weekly_kpis(12) again: 11 stored weeks + the running week live (every later request)
  endpoint  GET /api/v1/insights/thrive-circles/ as staff through Django (warm, serialisation included)
  oldest    compute_week() of the oldest week alone (the level statement reads the most events)
Warm and endpoint are repeated (--repeat) and the median is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thrive_kpi_bench"

# (activity type, XP source, points, share of awards)
KINDS = [
    ("daily_login", "daily_login", 5, 0.30),
    ("quiz_completed", "quiz", 20, 0.35),
    ("battle_participated", "prompt_battle", 25, 0.15),
    ("project_created", "project", 10, 0.10),
    ("project_published", "project", 15, 0.06),
    ("project_milestone", "project", 50, 0.04),
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--repeat", type=int, default=5, help="runs of the warm measurements (median reported)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="skip seeding: measure a database kept with --keep")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if _common.is_sqlite(args.database_url):
        parser.error("this benchmark seeds with PostgreSQL SQL; give a postgres:// URL")
    return args


def seed(args, now) -> dict:
    from django.conf import settings
    from django.db import connection

    from core.circles import weeks

    running = weeks.week_start_for(now)
    starts = [weeks.week_bounds(running - timedelta(days=7 * back))[0] for back in range(args.weeks - 1, -1, -1)]
    window = starts[0]
    kinds_sql = " UNION ALL ".join(
        f"SELECT '{kind}' AS activity, '{source}' AS source, {points} AS points, "
        f"{sum(k[3] for k in KINDS[:i]):.4f}::float AS lo, {sum(k[3] for k in KINDS[: i + 1]):.4f}::float AS hi"
        for i, (kind, source, points, _) in enumerate(KINDS)
    )
    params = {"n": args.users, "now": now, "window": window, "starts": starts, "tz": settings.TIME_ZONE}
    steps = [
        ("users", """
            INSERT INTO users_user (password, is_superuser, username, first_name, last_name, email, is_staff,
                is_active, date_joined, avatar_url, total_points, level, current_streak, max_streak)
            SELECT '!', false, 'kpi_' || g, '', '', '', false, true,
                   CASE WHEN random() < 0.75 THEN %(window)s - random() * interval '400 days'
                        ELSE %(window)s + random() * (%(now)s - %(window)s) END,
                   '', 0, 1, 0, 0
            FROM generate_series(1, %(n)s) g"""),
        ("people", """
            CREATE TEMP TABLE bench_people AS
            SELECT id AS user_id, date_joined AS joined, random() AS engagement FROM users_user
            WHERE username LIKE 'kpi\\_%%'"""),
        ("awards", f"""
            CREATE TEMP TABLE bench_awards AS
            SELECT pw.user_id,
                   LEAST(%(now)s - interval '1 minute',
                         GREATEST(pw.joined, pw.start) + random() * (pw.start + interval '7 days' - GREATEST(pw.joined, pw.start))
                   ) AS at,
                   random() AS kind, random() AS limited
            FROM (
                SELECT p.user_id, p.joined, w.start FROM bench_people p
                JOIN unnest(%(starts)s::timestamptz[]) AS w(start) ON p.joined < w.start + interval '7 days'
                -- w.start in the condition keeps PostgreSQL from pushing it down to one draw per person
                WHERE random() + 0 * extract(epoch FROM w.start) < 0.15 + 0.75 * p.engagement
            ) pw
            CROSS JOIN LATERAL generate_series(1, 1 + floor(random() * 9)::int + 0 * pw.user_id) g"""),
        ("points history", f"""
            INSERT INTO points_pointshistory (user_id, activity_type, points_awarded, base_points, fair_play_rule,
                description, metadata, created_at, idempotency_key)
            SELECT a.user_id, k.activity,
                   CASE WHEN a.limited < 0.01 THEN k.points / 2 ELSE k.points END, k.points,
                   CASE WHEN a.limited < 0.01 THEN 'diminishing' ELSE '' END,
                   'bench award', '{{}}'::jsonb, a.at, NULL
            FROM bench_awards a JOIN ({kinds_sql}) k ON a.kind >= k.lo AND a.kind < k.hi"""),
        ("xp events", f"""
            INSERT INTO circles_xpevent (id, user_id, amount, source, description, metadata, timestamp, points_history_id)
            SELECT gen_random_uuid(), h.user_id, h.points_awarded, k.source, h.description, '{{}}'::jsonb, h.created_at, h.id
            FROM points_pointshistory h JOIN ({kinds_sql}) k ON k.activity = h.activity_type"""),
        ("carry-over", """
            INSERT INTO circles_xpevent (id, user_id, amount, source, description, metadata, timestamp, points_history_id)
            SELECT gen_random_uuid(), p.user_id,
                   LEAST(20000, floor(exp(5.6 + 1.3 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::int,
                   'other', 'XP before Thrive Circles', '{}'::jsonb, p.joined, NULL
            FROM bench_people p WHERE p.joined < %(window)s"""),
        ("profiles", """
            INSERT INTO circles_userthriveprofile (weekly_xp, weekly_xp_week, total_xp, weekly_reset_at,
                last_activity_at, created_at, current_circle_id, current_level_id, user_id)
            SELECT s.weekly, %(running)s, s.total, %(reset)s, s.last, s.first, NULL,
                   COALESCE((SELECT l.id FROM circles_thrivecirclelevel l WHERE l.min_xp <= s.total
                             ORDER BY l.min_xp DESC LIMIT 1),
                            (SELECT l.id FROM circles_thrivecirclelevel l ORDER BY l.min_xp LIMIT 1)),
                   s.user_id
            FROM (
                SELECT user_id, SUM(amount)::int AS total, MIN(timestamp) AS first, MAX(timestamp) AS last,
                       COALESCE(SUM(amount) FILTER (WHERE timestamp >= %(running_start)s), 0)::int AS weekly
                FROM circles_xpevent GROUP BY user_id
            ) s"""),
        ("user points", """
            UPDATE users_user u SET total_points = p.total_xp, level = p.total_xp / 100 + 1
            FROM circles_userthriveprofile p WHERE p.user_id = u.id"""),
        ("page views", """
            INSERT INTO insights_featureview (user_id, feature, day, count, last_viewed_at)
            SELECT user_id, 'thrive_circle_page', (created_at AT TIME ZONE %(tz)s)::date,
                   1 + floor(random() * 3)::int, MAX(created_at)
            FROM points_pointshistory WHERE random() < 0.35
            GROUP BY user_id, (created_at AT TIME ZONE %(tz)s)::date
            ON CONFLICT DO NOTHING"""),
        ("feed views", """
            INSERT INTO insights_featureview (user_id, feature, day, count, last_viewed_at)
            SELECT user_id, 'activity_feed', (created_at AT TIME ZONE %(tz)s)::date, 1, MAX(created_at)
            FROM points_pointshistory WHERE random() < 0.15
            GROUP BY user_id, (created_at AT TIME ZONE %(tz)s)::date
            ON CONFLICT DO NOTHING"""),
    ]
    params.update(running=running, running_start=starts[-1], reset=weeks.next_reset(now))
    timings = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [(args.seed % 1000) / 1000])
        for label, sql in steps:
            started = time.perf_counter()
            cursor.execute(sql, params)
            timings[label] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        cursor.execute("VACUUM (ANALYZE)")
        timings["vacuum analyze"] = round(time.perf_counter() - started, 1)
        counts = {}
        for table in ["users_user", "points_pointshistory", "circles_xpevent", "insights_featureview"]:
            cursor.execute(f"SELECT count(*) FROM {table}")
            counts[table] = cursor.fetchone()[0]
    return {"seconds": timings, "rows": counts}


def timed(fn) -> tuple[float, int, object]:
    from django.db import connection

    log = _common.QueryLog()
    started = time.perf_counter()
    with connection.execute_wrapper(log):
        result = fn()
    return time.perf_counter() - started, log.count, result


def measure(args, now) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from core.insights import kpis, services
    from core.insights.models import WeeklyKPISnapshot

    WeeklyKPISnapshot.objects.all().delete()
    figures = {}
    seconds, queries, rows = timed(lambda: services.weekly_kpis(weeks_back=args.weeks, now=now))
    figures["cold"] = {"seconds": round(seconds, 3), "queries": queries}
    print(f"cold      {seconds:7.3f} s  {queries:3d} queries  (computes and stores {args.weeks - 1} finished weeks)")

    warm = [timed(lambda: services.weekly_kpis(weeks_back=args.weeks, now=now)) for _ in range(args.repeat)]
    figures["warm"] = {"median_seconds": round(statistics.median(w[0] for w in warm), 3),
                       "max_seconds": round(max(w[0] for w in warm), 3), "queries": warm[0][1]}
    print(f"warm      {figures['warm']['median_seconds']:7.3f} s  {warm[0][1]:3d} queries  "
          f"(median of {args.repeat}; max {figures['warm']['max_seconds']:.3f} s)")

    staff, _ = get_user_model().objects.get_or_create(username="kpi_bench_staff", defaults={"is_staff": True})
    client = Client()
    client.force_login(staff)

    def get():
        response = client.get(f"/api/v1/insights/thrive-circles/?weeks={args.weeks}")
        assert response.status_code == 200, response.content[:200]
        return len(response.content)

    endpoint = [timed(get) for _ in range(args.repeat)]
    figures["endpoint"] = {"median_seconds": round(statistics.median(e[0] for e in endpoint), 3),
                           "queries": endpoint[0][1], "bytes": endpoint[0][2]}
    print(f"endpoint  {figures['endpoint']['median_seconds']:7.3f} s  {endpoint[0][1]:3d} queries  "
          f"({endpoint[0][2]:,} bytes of JSON; session and auth queries included)")

    oldest = kpis.week_starts(args.weeks, now=now)[0]
    log = _common.QueryLog()
    started = time.perf_counter()
    from django.db import connection

    with connection.execute_wrapper(log):
        kpis.compute_week(oldest, now=now)
    seconds = time.perf_counter() - started
    figures["oldest_week"] = {"seconds": round(seconds, 3), "queries": log.count,
                              "slowest": [(round(s, 3), _common.one_line(sql, 90)) for s, sql in log.slowest(3)]}
    print(f"oldest    {seconds:7.3f} s  {log.count:3d} queries  (compute_week of {oldest}); slowest statements:")
    for s, sql in figures["oldest_week"]["slowest"]:
        print(f"            {s:6.3f} s  {sql}")
    latest = rows[-2]
    print(f"check     last full week: {latest['active_users']:,} of {latest['registered_users']:,} active, "
          f"retention {latest['retention']}, {latest['level_ups']:,} level-ups, {latest['page_views']:,} page views")
    return figures


def main(argv=None) -> None:
    args = parse_args(argv)
    if not args.reuse:
        _common.recreate_database(args.database_url)
    _common.setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    now = timezone.now()
    report = {"users": args.users, "weeks": args.weeks}
    if not args.reuse:
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_thrive_levels", verbosity=0)
        with _common.timer() as t:
            report["seeding"] = seed(args, now)
        rows = report["seeding"]["rows"]
        print(f"seeded    in {t['seconds']:.0f} s (not counted): " + ", ".join(f"{k} {v:,}" for k, v in rows.items()))
    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), current_setting('shared_buffers'), current_setting('work_mem')")
        version, shared_buffers, work_mem = cursor.fetchone()
    print(f"server    {version.split(',')[0]}, shared_buffers={shared_buffers}, work_mem={work_mem}, {os.cpu_count()} cores")
    report["server"] = {"version": version.split(",")[0], "shared_buffers": shared_buffers, "work_mem": work_mem}
    report.update(measure(args, now))
    connection.close()
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=2, default=str)
    if not args.keep:
        _common.drop_database(args.database_url)


if __name__ == "__main__":
    main()

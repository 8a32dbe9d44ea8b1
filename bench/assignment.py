#!/usr/bin/env python
"""Benchmark: CircleAssignmentService.assign_weekly_circles() on N seeded profiles.

    .venv/bin/python bench/assignment.py --users 1000000
    .venv/bin/python bench/assignment.py --users 100000 --database-url sqlite:////tmp/thrive_bench.sqlite3
    .venv/bin/python bench/assignment.py --users 1000000 --prior-week --statement-timeout 300
    .venv/bin/python bench/assignment.py --users 100000 --explain    # EXPLAIN ANALYZE each statement

Creates its own database (default postgres://postgres@127.0.0.1:5432/thrive_bench), migrates it,
loads the five levels and seeds N users + profiles set-based (INSERT ... SELECT generate_series on
PostgreSQL, chunked executemany on SQLite). Total XP is lognormal (median ~300 XP: most users are
Seedlings, a long tail reaches Luminary) and --inactive-share of the users have had no activity for
more than 28 days, so they are not eligible. Seeding is timed separately and not counted.

The measured part runs in a fresh child process (so its peak RSS is the assignment's, not the
seeding's): the weekly run, a rerun of the same week (nothing to do), a top-up run after
--newcomers new active profiles joined, and XPService.add_xp for --returning inactive users (their
first award seats them). For each: wall time, CPU of this process and of its PostgreSQL backend
(unaffected by other load on the machine), SQL statements and the time spent in COMMIT (deferred
foreign-key checks), tracemalloc peak (it slows Python allocations; --no-tracemalloc), ru_maxrss,
circles created, users placed, and the slowest statements. --prior-week first builds last week's
circles (untimed), as in steady state. Two runs at once must use different --database-url.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import math
import os
import pstats
import random
import subprocess
import sys
import time
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402

LOG_MEDIAN_XP = math.log(300)  # lognormal: median 300 XP
LOG_SIGMA = 1.2  # ~66% Seedling, ~25% Explorer, ~7% Creator, ~1.6% Catalyst, ~0.4% Luminary
XP_CAP = 200_000
ACTIVE_DAYS = 27  # active users acted within the last 27 days (eligibility window is 28)
ZONES = ["America/Los_Angeles", "America/New_York", "America/Sao_Paulo", "Europe/London", "Europe/Paris",
         "Africa/Lagos", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, required=True, help="profiles to seed")
    parser.add_argument("--database-url", default=_common.DEFAULT_PG_URL)
    parser.add_argument("--inactive-share", type=float, default=0.3, help="share of users inactive > 28 days")
    parser.add_argument("--newcomers", type=int, default=1000, help="profiles added before the top-up run (0: skip)")
    parser.add_argument("--returning", type=int, default=2,
                        help="then time add_xp for this many returning inactive users (it seats them)")
    parser.add_argument("--award-every", type=float, default=0.0,
                        help="during run 1, award XP through XPService.add_xp every this many seconds from a "
                        "thread of the measuring process and report the awards' latencies (0: off)")
    parser.add_argument("--zones", type=float, default=0.0,
                        help="PostgreSQL: share of users with a time zone of their own (one of ZONES), as the "
                        "page stores the browser's on a first visit; the job then seats nearby zones together")
    parser.add_argument("--history-weeks", type=int, default=0,
                        help="PostgreSQL, with --prior-week: also copy that week's memberships to this many earlier "
                        "weeks (new circle ids per circle and week), as the table grows in steady state (untimed)")
    parser.add_argument("--prior-week", action="store_true",
                        help="first assign last week's circles (untimed), so the timed run moves everyone "
                        "from an old circle as in steady state")
    parser.add_argument("--explain", nargs="?", const="analyze", choices=["analyze", "plan"],
                        help="PostgreSQL: print EXPLAIN (ANALYZE, BUFFERS) of each statement (timings inflate), "
                        "or with 'plan' just the chosen plans (EXPLAIN, cheap)")
    parser.add_argument("--statement-timeout", type=int, default=0,
                        help="PostgreSQL: abort any statement running longer than this many seconds (0: none)")
    parser.add_argument("--no-tracemalloc", action="store_true",
                        help="skip tracemalloc (it slows Python allocations down; ru_maxrss is still reported)")
    parser.add_argument("--profile", action="store_true",
                        help="print the top Python functions (cProfile, by own time) of each run")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json", help="also write the measured figures to this file")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.users < 1:
        parser.error("--users must be positive")
    return args


# --------------------------------------------------------------------------- seeding


def seed_postgres(n: int, *, inactive_share: float, seed: int, now, week) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [(seed % 1000) / 1000])
        # XP is drawn once per user (Box-Muller -> lognormal) and stored as the user's points,
        # then copied to the profile, so the points ledger and the profile agree.
        cursor.execute(
            """
            INSERT INTO users_user (password, last_login, is_superuser, username, first_name, last_name,
                email, is_staff, is_active, date_joined, avatar_url, total_points, level,
                current_streak, max_streak, last_login_date)
            SELECT '!', NULL, false, 'bench_' || g, '', '', '', false, true,
                   %(now)s - (random() * interval '700 days'), '', x.xp, x.xp / 100 + 1, 0, 0, NULL
            FROM generate_series(1, %(n)s) g
            CROSS JOIN LATERAL (
                SELECT LEAST(%(cap)s, floor(exp(%(mu)s + %(sigma)s
                    * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) + 0 * g)))::int AS xp
            ) x
            """,
            {"now": now, "n": n, "cap": XP_CAP, "mu": LOG_MEDIAN_XP, "sigma": LOG_SIGMA},
        )
        cursor.execute(
            """
            INSERT INTO circles_userthriveprofile (weekly_xp, weekly_xp_week, total_xp, weekly_reset_at,
                last_activity_at, created_at, current_circle_id, current_level_id, user_id)
            SELECT CASE WHEN a.active THEN floor(random() * LEAST(u.total_points, 300))::int ELSE 0 END,
                   %(week)s, u.total_points, %(reset)s,
                   CASE WHEN a.active THEN %(now)s - random() * %(active_days)s * interval '1 day'
                        ELSE %(now)s - interval '29 days' - random() * interval '300 days' END,
                   u.date_joined, NULL,
                   (SELECT l.id FROM circles_thrivecirclelevel l WHERE l.min_xp <= u.total_points
                    ORDER BY l.min_xp DESC LIMIT 1),
                   u.id
            FROM users_user u CROSS JOIN LATERAL (SELECT random() >= %(inactive)s + 0 * u.id AS active) a
            WHERE u.username LIKE 'bench\\_%%'
            """,
            {"week": week, "reset": now + timedelta(days=7), "now": now, "active_days": ACTIVE_DAYS,
             "inactive": inactive_share},
        )


def seed_sqlite(n: int, *, inactive_share: float, seed: int, now, week, start: int = 1) -> None:
    """Chunked executemany: memory stays bounded whatever N is."""
    from django.db import connection, transaction

    from core.circles.models import ThriveCircleLevel

    levels = list(ThriveCircleLevel.objects.order_by("-min_xp").values_list("min_xp", "id"))
    rng = random.Random(seed)
    ops = connection.ops
    moment, week, reset = ops.adapt_datetimefield_value, ops.adapt_datefield_value(week), ops.adapt_datetimefield_value(now + timedelta(days=7))
    chunk = 20_000
    for first in range(start, start + n, chunk):
        ids = range(first, min(first + chunk, start + n))
        users, profiles = [], []
        for i in ids:
            xp = min(XP_CAP, int(rng.lognormvariate(LOG_MEDIAN_XP, LOG_SIGMA)))
            active = rng.random() >= inactive_share
            joined = now - timedelta(days=rng.random() * 700)
            users.append(("!", f"bench_{i}", moment(joined), xp, xp // 100 + 1))
            last = (now - timedelta(days=rng.random() * ACTIVE_DAYS)) if active else (
                now - timedelta(days=29 + rng.random() * 300))
            level_id = next(level_id for min_xp, level_id in levels if min_xp <= xp)
            weekly = int(rng.random() * min(xp, 300)) if active else 0
            profiles.append((weekly, week, xp, reset, moment(last), moment(joined), level_id, f"bench_{i}"))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO users_user (password, is_superuser, username, first_name, last_name, email,"
                " is_staff, is_active, date_joined, avatar_url, total_points, level, current_streak, max_streak)"
                " VALUES (%s, 0, %s, '', '', '', 0, 1, %s, '', %s, %s, 0, 0)",
                users,
            )
            cursor.executemany(
                "INSERT INTO circles_userthriveprofile (weekly_xp, weekly_xp_week, total_xp, weekly_reset_at,"
                " last_activity_at, created_at, current_circle_id, current_level_id, user_id)"
                " SELECT %s, %s, %s, %s, %s, %s, NULL, %s, id FROM users_user WHERE username = %s",
                profiles,
            )


def add_newcomers(n: int, *, now, week, seed: int) -> None:
    """New active users who joined after the weekly run (untimed)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT coalesce(max(id), 0) FROM users_user")
            top = cursor.fetchone()[0]
            cursor.execute(
                """
                INSERT INTO users_user (password, is_superuser, username, first_name, last_name, email,
                    is_staff, is_active, date_joined, avatar_url, total_points, level, current_streak, max_streak)
                SELECT '!', false, 'bench_new_' || (%(top)s + g), '', '', '', false, true, %(now)s, '',
                       (random() * 2000)::int, 1, 0, 0
                FROM generate_series(1, %(n)s) g
                """,
                {"top": top, "n": n, "now": now},
            )
            cursor.execute(
                """
                INSERT INTO circles_userthriveprofile (weekly_xp, weekly_xp_week, total_xp, weekly_reset_at,
                    last_activity_at, created_at, current_circle_id, current_level_id, user_id)
                SELECT 0, %(week)s, u.total_points, %(reset)s, %(now)s, %(now)s, NULL,
                       (SELECT l.id FROM circles_thrivecirclelevel l WHERE l.min_xp <= u.total_points
                        ORDER BY l.min_xp DESC LIMIT 1), u.id
                FROM users_user u WHERE u.username LIKE 'bench\\_new\\_%%'
                  AND NOT EXISTS (SELECT 1 FROM circles_userthriveprofile p WHERE p.user_id = u.id)
                """,
                {"week": week, "reset": now + timedelta(days=7), "now": now},
            )
    else:
        from django.contrib.auth import get_user_model

        start = get_user_model().objects.order_by("-pk").values_list("pk", flat=True).first() + 1
        seed_sqlite(n, inactive_share=0.0, seed=seed + 1, now=now, week=week, start=start + 10**9)


def describe_population(now) -> dict:
    from django.db.models import Count, Q

    from core.circles.assignment.eligibility import active_since
    from core.circles.models import UserThriveProfile

    rows = (
        UserThriveProfile.objects.values("current_level__name", "current_level__order")
        .annotate(total=Count("id"), eligible=Count("id", filter=Q(last_activity_at__gte=active_since(now))))
        .order_by("current_level__order")
    )
    return {r["current_level__name"]: (r["total"], r["eligible"]) for r in rows}


def prepare(args) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from core.circles import weeks

    _common.recreate_database(args.database_url)
    with _common.timer() as t:
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_thrive_levels", verbosity=0)
    print(f"database   {connection.vendor} {connection.settings_dict['NAME']}  (created, migrated, levels loaded in {t['seconds']:.1f} s)")

    now = timezone.now()
    week = weeks.week_start_for(now)
    with _common.timer() as t:
        if connection.vendor == "postgresql":
            seed_postgres(args.users, inactive_share=args.inactive_share, seed=args.seed, now=now, week=week)
        else:
            seed_sqlite(args.users, inactive_share=args.inactive_share, seed=args.seed, now=now, week=week)
    seconds = t["seconds"]
    if args.zones and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE users_user SET time_zone = (%(zones)s::text[])[1 + floor(random() * %(n)s)::int] "
                "WHERE random() < %(share)s",
                {"zones": ZONES, "n": len(ZONES), "share": args.zones},
            )
    with _common.timer() as t:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # What autovacuum would have done on a live table: statistics and visibility map.
                cursor.execute("VACUUM (ANALYZE) users_user, circles_userthriveprofile")
                cursor.execute("CHECKPOINT")
            else:
                cursor.execute("ANALYZE")
    print(f"seeding    {args.users:,} users + profiles in {seconds:.1f} s, vacuum/analyze {t['seconds']:.1f} s (not counted)")
    population = describe_population(now)
    total = sum(t for t, _ in population.values())
    print("population " + ", ".join(f"{name} {t:,} ({100 * t / total:.1f}%)" for name, (t, _) in population.items()))
    eligible = sum(e for _, e in population.values())
    print(f"eligible   {eligible:,} of {total:,} active in the last 28 days ({100 * eligible / total:.1f}%)")
    if args.prior_week:
        from core.circles.services import CircleAssignmentService

        with _common.timer() as t:
            run = CircleAssignmentService.assign_weekly_circles(now=now - timedelta(days=7), trigger="bench-prior")
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql" and args.history_weeks:
                # Older weeks of memberships (no circles rows: memberships have no foreign keys, and only
                # the table's size and its indexes matter to the job).
                cursor.execute(
                    "INSERT INTO circles_circlemembership (week_start, profile_id, circle_id) "
                    "SELECT m.week_start - 7 * w, m.profile_id, c.new_id "
                    "FROM generate_series(1, %s) w "
                    "CROSS JOIN LATERAL (SELECT id AS circle_id, gen_random_uuid() AS new_id FROM circles_thrivecircle "
                    "                    WHERE week_start = %s) c "
                    "JOIN circles_circlemembership m ON m.circle_id = c.circle_id AND m.week_start = %s",
                    [args.history_weeks, run.week_start, run.week_start],
                )
            if connection.vendor == "postgresql":
                cursor.execute("VACUUM (ANALYZE) circles_userthriveprofile, circles_thrivecircle, circles_circlemembership")
                cursor.execute("CHECKPOINT")
        print(f"prior week {run.week_start}: {run.circles_created:,} circles, {run.users_placed:,} placed in {t['seconds']:.1f} s"
              f"{f', plus {args.history_weeks} earlier weeks of memberships' if args.history_weeks else ''} (not counted)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('shared_buffers'), current_setting('work_mem'), "
                           "current_setting('max_parallel_workers_per_gather'), current_setting('synchronous_commit')")
            sb, wm, par, sync = cursor.fetchone()
        print(f"server     PostgreSQL shared_buffers={sb} work_mem={wm} max_parallel_workers_per_gather={par} synchronous_commit={sync}")
    connection.close()


# --------------------------------------------------------------------------- measuring (child)


class Explainer:
    """execute_wrapper that EXPLAIN ANALYZEs each statement inside a savepoint, then runs it for real."""

    def __init__(self, mode: str = "analyze"):
        self.options = "ANALYZE, BUFFERS, SETTINGS" if mode == "analyze" else "SETTINGS"

    def __call__(self, execute, sql, params, many, context):
        conn = context["connection"]
        head = sql.lstrip().split(None, 1)[0].upper()
        if conn.in_atomic_block and not many and head in {"SELECT", "UPDATE", "WITH", "DELETE", "INSERT"} \
                and "pg_advisory" not in sql:
            raw = context["cursor"].cursor
            raw.execute("SAVEPOINT bench_explain")
            raw.execute(f"EXPLAIN ({self.options}) " + sql, params)
            plan = "\n".join(row[0] for row in raw.fetchall())
            raw.execute("ROLLBACK TO SAVEPOINT bench_explain")
            print(f"\n--- EXPLAIN ({self.options}): {_common.one_line(sql, 200)}\n{plan}")
        return execute(sql, params, many, context)


PROFILE = False


def measure_call(label: str, fn, *, explain: str | None, after=None) -> dict:
    """Run `fn()` once and measure it; `fn` returns a dict of figures to print after the timings,
    `after()` (not measured) may add more."""
    import tracemalloc

    from django.db import connection
    from django.db.backends.signals import connection_created

    log = _common.QueryLog()
    backend = _backend_pid()
    cpu_before = (time.process_time(), _common.proc_cpu_seconds(backend) if backend else None,
                  _common.server_cpu_seconds(backend) if backend else None)
    commits = _common.CommitTimer(connection)
    also_log = _also_log(log)
    connection_created.connect(also_log)  # connections the run opens (publishing's lanes)
    tracemalloc.reset_peak()
    profiler = cProfile.Profile() if PROFILE else None
    started = time.perf_counter()
    error = None
    try:
        with connection.execute_wrapper(log), (
            connection.execute_wrapper(Explainer(explain)) if explain else contextlib.nullcontext()
        ), (profiler or contextlib.nullcontext()):
            figures = fn()
    except Exception as exc:  # reported, then the remaining runs are skipped
        figures, error = {}, f"{type(exc).__name__}: {_common.one_line(str(exc), 200)}"
    seconds = time.perf_counter() - started
    commits.stop()
    connection_created.disconnect(also_log)
    python_cpu = time.process_time() - cpu_before[0]
    backend_cpu = _common.proc_cpu_seconds(backend) - cpu_before[1] if cpu_before[1] is not None else None
    server_cpu = _common.server_cpu_seconds(backend) - cpu_before[2] if cpu_before[2] is not None else None
    if after is not None and error is None:
        figures.update(after())
    result = {
        "label": label,
        **figures,
        "error": error,
        "seconds": round(seconds, 3),
        "queries": log.count,
        "statements_seconds": round(sum(s for s, _ in log.statements), 3),
        "commit_seconds": round(commits.seconds, 3),
        "python_cpu_seconds": round(python_cpu, 2),
        "postgres_backend_cpu_seconds": round(backend_cpu, 2) if backend_cpu is not None else None,
        "postgres_server_cpu_seconds": round(server_cpu, 2) if server_cpu is not None else None,
        "tracemalloc_peak_mib": round(tracemalloc.get_traced_memory()[1] / 2**20, 2) if tracemalloc.is_tracing() else None,
        "max_rss_mib": round(_common.max_rss_mib(), 1),
        "slowest": [(round(s, 3), _common.one_line(sql)) for s, sql in log.slowest(5)],
    }
    cpu = f"{python_cpu:.2f} s Python" + (
        f" + {backend_cpu:.2f} s PostgreSQL backend; whole server {server_cpu:.2f} s" if backend_cpu is not None else "")
    print(
        f"\n{label}" + (f": FAILED {error}" if error else "") + "\n"
        f"  wall time        {seconds:8.2f} s   (CPU: {cpu})\n"
        f"  SQL statements   {log.count:8d}  ({result['statements_seconds']:.2f} s executing, "
        f"{result['commit_seconds']:.2f} s in COMMIT incl. deferred FK checks)\n"
        + (f"  tracemalloc peak {result['tracemalloc_peak_mib']:8.1f} MiB (Python allocations during the run)\n"
           if tracemalloc.is_tracing() else "  tracemalloc      off\n") +
        f"  ru_maxrss        {result['max_rss_mib']:8.1f} MiB (whole process, Django included)"
    )
    for key, value in figures.items():
        print(f"  {key.replace('_', ' '):16s} {value:>8,}" if isinstance(value, int) else f"  {key.replace('_', ' '):16s} {value:>8}")
    print("  slowest statements:")
    for s, sql in result["slowest"]:
        print(f"    {s:7.3f} s  {sql}")
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
        print("  Python profile (by own time; the profiler slows Python down):")
        print("\n".join("    " + line for line in out.getvalue().splitlines()[6:] if line.strip()))
    return result


def assignment(now):
    from core.circles.services import CircleAssignmentService

    def run():
        record = CircleAssignmentService.assign_weekly_circles(now=now, trigger="bench")
        return {"status": record.status, "week": str(record.week_start),
                "circles_created": record.circles_created, "users_placed": record.users_placed}

    return run


def returning_user_award(now):
    """A user inactive for > 28 days earns XP again: add_xp seats them in this week's circles."""
    from core.circles.models import ThriveCircle, UserThriveProfile
    from core.circles.services import XPService

    week = ThriveCircle.objects.order_by("-week_start").values_list("week_start", flat=True).first()
    profile = (UserThriveProfile.objects.exclude(current_circle__week_start=week).select_related("user")
               .order_by("pk").first())

    def run():
        XPService.add_xp(profile.user, 20, "quiz", "Completed a quiz")
        return {}

    def check():
        seated = UserThriveProfile.objects.filter(pk=profile.pk, current_circle__week_start=week).exists()
        return {"status": "seated" if seated else "NOT SEATED", "users_placed": int(seated)}

    return run, check


class AwardsDuring:
    """Awards through XPService.add_xp, one every `every` seconds, from a thread with its own
    database connection, while the block runs: does the run make awards wait?"""

    THREAD = "awards-during-the-run"

    def __init__(self, every: float):
        import threading

        from core.circles.models import UserThriveProfile

        self.every, self.latencies, self.errors = every, [], []
        self.users = list(UserThriveProfile.objects.order_by("-last_activity_at").select_related("user")[:500])
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._award, daemon=True, name=self.THREAD)

    def _award(self) -> None:
        from django.db import connection

        from core.circles.services import XPService

        i = 0
        while not self.stop.is_set():
            started = time.perf_counter()
            try:
                XPService.add_xp(self.users[i % len(self.users)].user, 5, "quiz", "A quiz during the weekly run")
            except Exception as exc:  # reported, not raised: the figure is how many failed
                self.errors.append(f"{type(exc).__name__}: {exc}")
            self.latencies.append(time.perf_counter() - started)
            i += 1
            self.stop.wait(max(0.0, self.every - (time.perf_counter() - started)))
        connection.close()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        lat = sorted(self.latencies)
        if lat:
            pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]  # noqa: E731
            print(f"  awards during the run: {len(lat)} (one every {self.every:g} s), errors {len(self.errors)}, "
                  f"latency p50 {1000 * pick(0.5):.0f} ms, p99 {1000 * pick(0.99):.0f} ms, max {1000 * lat[-1]:.0f} ms")
        for error in self.errors[:3]:
            print(f"    {error}")


def _also_log(log):
    """A connection_created receiver that logs the statements of connections opened by the run
    (not those of the awards thread, which are not the run's)."""
    import threading

    def receiver(sender, connection, **kwargs):
        if threading.current_thread().name != AwardsDuring.THREAD:
            connection.execute_wrappers.append(log)

    return receiver


def _backend_pid() -> int | None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def measure(args) -> None:
    import tracemalloc

    from django.db import connection
    from django.utils import timezone

    from core.circles import weeks

    if args.statement_timeout and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [f"{args.statement_timeout}s"])
    if not args.no_tracemalloc:
        tracemalloc.start()
    now = timezone.now()
    if args.explain == "analyze":
        print("(--explain: each statement also runs once under EXPLAIN ANALYZE; wall times are inflated)")
    global PROFILE
    PROFILE = args.profile
    explain = args.explain
    with AwardsDuring(args.award_every) if args.award_every else contextlib.nullcontext():
        results = [measure_call("run 1 (weekly assignment)", assignment(now), explain=explain)]
    if not results[-1]["error"]:
        results.append(measure_call("run 2 (rerun, same week)", assignment(now), explain=explain))
    if args.newcomers and not results[-1]["error"]:
        with _common.timer() as t:
            add_newcomers(args.newcomers, now=now, week=weeks.week_start_for(now), seed=args.seed)
        print(f"\n({args.newcomers:,} newcomers added in {t['seconds']:.1f} s, not counted)")
        results.append(measure_call(f"run 3 (top-up: {args.newcomers:,} newcomers)", assignment(now), explain=explain))
    for i in range(args.returning if not results[-1]["error"] else 0):
        run, check = returning_user_award(now)
        results.append(measure_call(f"award {i + 1} (XPService.add_xp for a returning inactive user)",
                                    run, explain=explain, after=check))
    if connection.vendor == "postgresql":
        hwm = _common.proc_hwm_mib(_backend_pid())
        if hwm is not None:
            print(f"\nPostgreSQL backend peak RSS {hwm:.0f} MiB (includes the shared_buffers pages it touched)")
            results.append({"label": "postgres_backend_peak_rss_mib", "value": round(hwm)})
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"users": args.users, "database": connection.vendor, "results": results}, fh, indent=2)


def main() -> None:
    args = parse_args()
    _common.setup_django(args.database_url)
    if args.measure:
        measure(args)
        return
    print(f"bench/assignment.py --users {args.users:,}  ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})")
    prepare(args)
    child = [sys.executable, os.path.abspath(__file__), "--measure", *sys.argv[1:]]
    try:
        code = subprocess.run(child, env={**os.environ, "PYTHONUNBUFFERED": "1"}).returncode
    finally:
        if not args.keep:
            _common.drop_database(args.database_url)
    sys.exit(code)


if __name__ == "__main__":
    main()

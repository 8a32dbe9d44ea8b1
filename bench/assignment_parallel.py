"""Benchmark: the weekly job split across 1, 2, 4... Celery workers against one PostgreSQL.

    .venv/bin/python bench/assignment_parallel.py --users 10000000 --workers 1,2,4
    .venv/bin/python bench/assignment_parallel.py --users 1000000 --workers 1,2 --keep   # then --reuse

Seeds N users + profiles exactly as bench/assignment.py does (own database, default
thrive_bench_parallel), then builds the coming week once in this process with the one-process
job (the baseline) and once per worker count through the production path: the
`assign_weekly_circles` task sent to W `celery worker --pool=solo` processes (Redis broker and
result backend, database 12, a queue of its own), which plans the week, seats its bands in
parallel, finishes it and copies `current_circle` in parallel ranges. Reported per run: wall time
until the week is complete (the run's finished_at) and until every profile points at it
(published_at), each worker's peak RSS and CPU, and a checksum of who sits in which circle
(level, sequence), which must equal the baseline's. Between runs the week is removed (untimed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import uuid
from types import SimpleNamespace

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402
import assignment as single  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thrive_bench_parallel"
BROKER = "redis://127.0.0.1:6379/12"
AHEAD = {"THRIVE_ASSIGNMENT_LEAD_HOURS": "400"}  # whatever today is, the job builds next week


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--workers", default="1,2,4", help="comma-separated worker counts")
    parser.add_argument("--band-size", type=int, default=250_000, help="people per band")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--reuse", action="store_true", help="keep the seeded database of a --keep run")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--no-baseline", action="store_true", help="skip the one-process run")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds to wait for one run")
    return parser.parse_args()


def checksum(week) -> tuple[int, int]:
    """(memberships, order-independent hash of profile -> (circle level, sequence))."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT COUNT(*), COALESCE(SUM(hashtext(m.profile_id || ':' || c.level_id || ':' || c.sequence)::bigint), 0)
               FROM circles_circlemembership m JOIN circles_thrivecircle c ON c.id = m.circle_id
               WHERE m.week_start = %s""",
            [week],
        )
        return cursor.fetchone()


def sizes(week) -> tuple[int, int, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), MIN(member_count), MAX(member_count) FROM circles_thrivecircle WHERE week_start = %s", [week])
        return cursor.fetchone()


def remove_week(week) -> None:
    """Untimed: take the built week away so the next run builds it from scratch."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("UPDATE circles_userthriveprofile SET current_circle_id = NULL WHERE current_circle_id IS NOT NULL")
        cursor.execute("TRUNCATE circles_circlemembership")
        # Nothing points at the week's circles any more; skip the per-row foreign-key checks, which
        # would each scan the profiles (no index on current_circle: nothing reads by it).
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("DELETE FROM circles_thrivecircle WHERE week_start = %s", [week])
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute("DELETE FROM circles_circleassignmentrun")
        cursor.execute("VACUUM (ANALYZE) circles_userthriveprofile, circles_thrivecircle, circles_circlemembership")
        cursor.execute("CHECKPOINT")


def baseline():
    from django.conf import settings

    from core.circles.services import CircleAssignmentService

    settings.THRIVE_ASSIGNMENT_LEAD_HOURS = int(AHEAD["THRIVE_ASSIGNMENT_LEAD_HOURS"])
    cpu = _common.proc_cpu_seconds(os.getpid())
    with _common.timer() as t:
        run = CircleAssignmentService.assign_weekly_circles(trigger="bench-one-process")
    cpu = _common.proc_cpu_seconds(os.getpid()) - cpu
    return run, t["seconds"], cpu


def split_run(workers: int, args, url: str):
    from kombu import Connection

    from core.circles.models import CircleAssignmentRun
    from core.circles.tasks import assign_weekly_circles

    queue = f"thrive-bench-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ, **AHEAD,
        "DATABASE_URL": url, "CELERY_BROKER_URL": BROKER, "CELERY_RESULT_BACKEND": BROKER,
        "CELERY_TASK_DEFAULT_QUEUE": queue, "THRIVE_ASSIGNMENT_BAND_SIZE": str(args.band_size),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    celery = os.path.join(os.path.dirname(sys.executable), "celery")
    procs = [
        subprocess.Popen(
            [celery, "-A", "config", "worker", "--pool=solo", "-Q", queue, "-n", f"{queue}-{n}@%h",
             "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=WARNING"],
            cwd=_common.ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for n in range(workers)
    ]
    try:
        time.sleep(5)  # let every worker connect before the first task (untimed)
        started = time.perf_counter()
        with Connection(BROKER) as broker:
            assign_weekly_circles.apply_async(queue=queue, connection=broker, ignore_result=True)
        finished = published = None
        deadline = started + args.timeout
        while time.perf_counter() < deadline and published is None:
            time.sleep(0.2)
            run = CircleAssignmentRun.objects.filter(trigger="celery").first()
            if run is not None and run.finished_at and finished is None:
                finished = time.perf_counter() - started
            if run is not None and run.published_at:
                published = time.perf_counter() - started
            if run is not None and run.status == "failed":
                raise SystemExit(f"run failed: {run.error}")
        memory = [_common.proc_hwm_mib(p.pid) for p in procs]
        cpu = [_common.proc_cpu_seconds(p.pid) for p in procs]
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=30)
    if published is None:
        raise SystemExit(f"{workers} workers: not published within {args.timeout} s")
    return run, finished, published, memory, cpu


def main() -> None:
    args = parse_args()
    _common.setup_django(args.database_url)
    from django.db import connection

    print(f"bench/assignment_parallel.py --users {args.users:,} --band-size {args.band_size:,}  "
          f"({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})")
    if not args.reuse:
        single.prepare(SimpleNamespace(database_url=args.database_url, users=args.users, inactive_share=0.3,
                                       seed=42, prior_week=False))
    connection.close()
    try:
        week = None
        expected = None
        if not args.no_baseline:
            run, seconds, cpu = baseline()
            week, expected = run.week_start, checksum(run.week_start)
            print(f"\none process      {seconds:7.1f} s  (this process's CPU {cpu:.1f} s)  "
                  f"{run.users_placed:,} placed in {run.circles_created:,} circles, sizes {sizes(week)[1]}-{sizes(week)[2]}")
            remove_week(week)
        for workers in [int(w) for w in args.workers.split(",")]:
            run, finished, published, memory, cpu = split_run(workers, args, args.database_url)
            week = run.week_start
            got = checksum(week)
            same = "same circles as one process" if expected is None or got == expected else f"DIFFERENT: {got} vs {expected}"
            count, smallest, largest = sizes(week)
            print(f"{workers} worker(s)      {finished:7.1f} s seated, {published:7.1f} s published; "
                  f"{len(run.bands)} bands, {run.users_placed:,} placed in {count:,} circles, sizes {smallest}-{largest}; {same}")
            print("                 per worker: peak RSS " + ", ".join(f"{m:.0f}" for m in memory) + " MiB; CPU "
                  + ", ".join(f"{c:.1f}" for c in cpu) + " s")
            expected = expected or got
            remove_week(week)
    finally:
        connection.close()
        if not args.keep:
            _common.drop_database(args.database_url)


if __name__ == "__main__":
    main()

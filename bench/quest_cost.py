#!/usr/bin/env python
"""Benchmark: what the quest engine adds to one award, measured A/B in one process (PostgreSQL).

    .venv/bin/python bench/quest_cost.py                  # 50 quests, 8 blocks of 150 awards each way
    .venv/bin/python bench/quest_cost.py --quests 5 --blocks 4

bench/awards.py compares separate runs, whose difference drowns in the machine's load when other
work shares the cores. Here one process awards XP (`XPService.add_xp`, source quiz, signals
delivered as in production) to one seated person in alternating blocks with the quest engine's
receiver connected and disconnected, so both sides see the same load; it reports the median CPU
and wall time per award of each side, and the queries one award makes each way.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common  # noqa: E402
import awards  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/thrive_bench_quest_cost")
    parser.add_argument("--quests", type=int, default=50)
    parser.add_argument("--blocks", type=int, default=8, help="blocks per side, alternating")
    parser.add_argument("--awards", type=int, default=150, help="awards per block")
    parser.add_argument("--population", type=int, default=2000)
    args = parser.parse_args()
    if _common.is_sqlite(args.database_url) or args.quests < 1:
        parser.error("needs PostgreSQL and at least one quest")
    _common.setup_django(args.database_url)
    user_ids = awards.prepare(argparse.Namespace(database_url=args.database_url, population=args.population, quests=args.quests))
    try:
        measure(user_ids[0], args)
    finally:
        from django.db import connections

        connections.close_all()
        _common.drop_database(args.database_url)


def measure(user_id: int, args) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.circles.services import XPService
    from core.circles.signals import xp_recorded
    from core.quests.receivers import progress_quests

    user = get_user_model().objects.get(pk=user_id)

    def engine(on: bool) -> None:
        if on:
            xp_recorded.connect(progress_quests, dispatch_uid="quests-progress")
        else:
            xp_recorded.disconnect(dispatch_uid="quests-progress")

    def block() -> tuple[float, float]:
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(args.awards):
            XPService.add_xp(user, 5, "quiz", "bench award")
        return (time.process_time() - cpu) * 1000 / args.awards, (time.perf_counter() - wall) * 1000 / args.awards

    queries = {}
    for on in (False, True):
        engine(on)
        block()  # warm caches and connections on both sides
        with CaptureQueriesContext(connection) as captured:
            XPService.add_xp(user, 5, "quiz", "bench award")
        queries[on] = len(captured)
    figures = {False: [], True: []}
    for _ in range(args.blocks):
        for on in (False, True):
            engine(on)
            figures[on].append(block())
    print(f"bench/quest_cost.py  ({os.cpu_count()} CPUs, {args.quests} quests, {args.blocks} x {args.awards} awards "
          f"each way, load average {os.getloadavg()[0]:.1f})")
    for on in (False, True):
        cpu = statistics.median(f[0] for f in figures[on])
        wall = statistics.median(f[1] for f in figures[on])
        print(f"  engine {'on ' if on else 'off'}: {cpu:.2f} ms CPU (this process) and {wall:.2f} ms wall per award, "
              f"{queries[on]} queries per award")
    off, on = (statistics.median(f[0] for f in figures[side]) for side in (False, True))
    print(f"  the engine adds {on - off:+.2f} ms CPU per award ({(on - off) / off:+.0%}), "
          f"{queries[True] - queries[False]:+d} queries")


if __name__ == "__main__":
    main()

"""Awards from several processes at once on one SQLite file, as under `make run` (two gunicorn
workers and the simulator): every award lands, once, and the totals add up.

Real processes on a real file: SQLite's locking is between connections of different processes,
which threads on the test database would not show.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PROCESSES = 4
AWARDS_PER_PROCESS = 25
USERS = 3

SETUP = """
from django.contrib.auth import get_user_model
from core.circles.services import load_default_levels
from core.fairplay.models import FairPlayRule
load_default_levels()
FairPlayRule.objects.all().update(is_active=False)  # every award earns full points: totals are exact
for n in range({users}):
    get_user_model().objects.create_user(f"hammer{{n}}", password="x")
"""

WORKER = """
import json, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from core.points.models import ActivityType
from core.points.services import PointsService
users = list(get_user_model().objects.filter(username__startswith="hammer").order_by("pk"))
kinds = [ActivityType.QUIZ_COMPLETED, ActivityType.PROJECT_CREATED, ActivityType.BATTLE_PARTICIPATED]
ok = failed = 0
for n in range({awards}):
    try:
        PointsService.award_points(users[n % len(users)], kinds[n % len(kinds)], {{"title": "hammer"}})
        ok += 1
    except Exception as exc:
        failed += 1
        print(repr(exc), file=sys.stderr)
    if n % 5 == 0:
        PointsService.record_daily_login(users[(n + 1) % len(users)])
print(json.dumps({{"ok": ok, "failed": failed}}))
"""

CHECK = """
import json
from django.db.models import Sum
from django.contrib.auth import get_user_model
from core.circles.models import UserThriveProfile, XPEvent
from core.points.models import ActivityType, PointsHistory
rows = []
for user in get_user_model().objects.filter(username__startswith="hammer"):
    profile = UserThriveProfile.objects.get(user=user)
    history = PointsHistory.objects.filter(user=user)
    rows.append({
        "awards": history.exclude(activity_type=ActivityType.DAILY_LOGIN).count(),
        "logins": history.filter(activity_type=ActivityType.DAILY_LOGIN).count(),
        "points": user.total_points,
        "points_sum": history.aggregate(s=Sum("points_awarded"))["s"],
        "xp": profile.total_xp,
        "xp_sum": XPEvent.objects.filter(user=user).aggregate(s=Sum("amount"))["s"],
        "events": XPEvent.objects.filter(user=user).count(),
        "history_rows": history.count(),
    })
print(json.dumps(rows))
"""


def _run(code: str, env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], env=env, cwd=settings.BASE_DIR,
        capture_output=True, text=True, check=True, timeout=300, **kwargs,
    )


def test_concurrent_awards_from_several_processes_on_sqlite_all_land_once(tmp_path: Path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'hammer.sqlite3'}", "DJANGO_SETTINGS_MODULE": "config.settings"}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env=env, cwd=settings.BASE_DIR, check=True, timeout=300)
    _run(SETUP.format(users=USERS), env)

    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER.format(awards=AWARDS_PER_PROCESS)],
            env=env, cwd=settings.BASE_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(PROCESSES)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))

    assert sum(r["failed"] for r in results) == 0, results
    assert sum(r["ok"] for r in results) == PROCESSES * AWARDS_PER_PROCESS
    rows = json.loads(_run(CHECK, env).stdout.strip().splitlines()[-1])
    assert sum(row["awards"] for row in rows) == PROCESSES * AWARDS_PER_PROCESS  # none lost, none twice
    for row in rows:
        assert row["logins"] == 1  # the day's login counted once however many processes raced for it
        assert row["points"] == row["points_sum"] == row["xp"] == row["xp_sum"]
        assert row["events"] == row["history_rows"]

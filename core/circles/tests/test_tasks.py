"""The weekly job: the Celery task and its beat schedule, a real worker, failures half way, and
self-healing when the job did not run."""

import os
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.db.models import Count
from rest_framework.test import APIClient

from config.celery import app as celery_app
from core.circles import weeks
from core.circles.assignment import ranking, scheduling
from core.circles.models import CircleAssignmentRun, CircleMembership, ThriveCircle, UserThriveProfile
from core.circles.services import CircleAssignmentService
from core.circles.tasks import assign_weekly_circles
from core.circles.tests.factories import ProfileFactory
from core.testing import run_concurrently

ROOT = Path(__file__).resolve().parents[3]
UTC = ZoneInfo("UTC")
WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=UTC)
LAST_WEDNESDAY = WEDNESDAY - timedelta(days=7)


def make_profiles(count, *, active_at=WEDNESDAY):
    return [
        ProfileFactory(user__password="!", total_xp=20 * i, last_activity_at=active_at - timedelta(days=1))
        for i in range(count)
    ]


def memberships():
    return dict(UserThriveProfile.objects.values_list("pk", "current_circle_id"))


# ---------------------------------------------------------------------------------------------
# The task and its schedule
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_task_runs_the_assignment_and_records_a_celery_run(levels):
    make_profiles(5)
    with time_machine.travel(WEDNESDAY, tick=False):
        result = assign_weekly_circles.apply().get()

    run = CircleAssignmentRun.objects.get()
    assert (run.trigger, run.status, run.users_placed) == ("celery", "succeeded", 5)
    assert result == {
        "id": run.pk, "week_start": "2026-11-23", "status": "succeeded", "users_placed": 5, "circles_created": 1,
        "bands": 0,  # the running week is never split
    }


def _local(naive: datetime) -> datetime:
    return naive.replace(tzinfo=ZoneInfo(django_settings.TIME_ZONE))


def test_beat_fires_on_sunday_at_23_in_the_configured_time_zone():
    entry = django_settings.CELERY_BEAT_SCHEDULE["assign-weekly-thrive-circles"]
    schedule = entry["schedule"]
    assert entry["task"] == assign_weekly_circles.name
    assert str(celery_app.conf.timezone) == django_settings.TIME_ZONE
    last_run = _local(datetime(2026, 11, 22, 23, 0, 5))  # the previous Sunday's run

    with time_machine.travel(_local(datetime(2026, 11, 29, 22, 59)), tick=False):
        due, _ = schedule.is_due(last_run)
        assert not due
        assert timedelta(0) < schedule.remaining_estimate(last_run) <= timedelta(minutes=1)
    with time_machine.travel(_local(datetime(2026, 11, 29, 23, 0, 1)), tick=False):
        due, _ = schedule.is_due(last_run)
        assert due
        # ... and at that moment the job builds the week that starts an hour later.
        assert weeks.assignment_week() == datetime(2026, 11, 30).date()


@pytest.mark.django_db(transaction=True)  # the scheduler closes stale connections itself
def test_database_scheduler_installs_the_weekly_entry():
    from django_celery_beat.models import PeriodicTask
    from django_celery_beat.schedulers import DatabaseScheduler

    DatabaseScheduler(app=celery_app, lazy=False)

    task = PeriodicTask.objects.select_related("crontab").get(name="assign-weekly-thrive-circles")
    cron = task.crontab
    assert (cron.minute, cron.hour, cron.day_of_week, cron.day_of_month, cron.month_of_year) == ("0", "23", "0", "*", "*")
    assert str(cron.timezone) == django_settings.TIME_ZONE
    assert task.task == "core.circles.tasks.assign_weekly_circles" and task.enabled


# ---------------------------------------------------------------------------------------------
# A real broker and a real worker
# ---------------------------------------------------------------------------------------------


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def celery_workers(tmp_path):
    """Start `count` `celery worker` subprocesses on the test database, with their own Redis db and
    queue (tasks they start go there too): `celery_workers(2, THRIVE_...="...")`."""
    queue = f"thrive-test-{uuid.uuid4().hex[:12]}"
    broker = "redis://127.0.0.1:6379/13"
    started = []

    def start(count: int = 1, **settings_env) -> dict:
        env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": broker,
            "CELERY_RESULT_BACKEND": broker,
            "CELERY_TASK_DEFAULT_QUEUE": queue,
            "DJANGO_LOG_LEVEL": "WARNING",
            **settings_env,
        }
        celery = Path(sys.executable).with_name("celery")
        for n in range(count):
            log = tmp_path / f"worker-{n}.log"
            with open(log, "w") as out:
                worker = subprocess.Popen(
                    [str(celery), "-A", "config", "worker", "--concurrency=1", "--pool=solo", "-Q", queue,
                     "-n", f"{queue}-{n}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
                     "--loglevel=INFO"],
                    cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                )
            started.append((worker, log))
        return {"queue": queue, "broker": broker, "logs": lambda: "".join(log.read_text()[-3000:] for _, log in started)}

    yield start
    for worker, _ in started:
        worker.terminate()
    for worker, _ in started:
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def send(task, workers) -> None:
    from kombu import Connection

    with Connection(workers["broker"]) as broker:
        task.apply_async(queue=workers["queue"], connection=broker, ignore_result=True)


def _wait_for_run(timeout: float = 90, **done) -> CircleAssignmentRun | None:
    """The first run that is no longer running (or that matches `done`, e.g. published_at__isnull=False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = CircleAssignmentRun.objects.filter(**done) if done else CircleAssignmentRun.objects.exclude(status="running")
        if (run := runs.first()) is not None:
            return run
        time.sleep(0.25)
    return None


@pytest.mark.celery
@pytest.mark.timeout(180)
@pytest.mark.django_db(transaction=True)
def test_the_task_builds_the_circles_through_redis_and_a_worker_process(levels, celery_workers):
    profiles = make_profiles(30, active_at=datetime.now(UTC))
    workers = celery_workers(1)

    send(assign_weekly_circles, workers)
    run = _wait_for_run()

    assert run is not None, workers["logs"]()
    assert (run.trigger, run.status, run.users_placed) == ("celery", "succeeded", 30), run.error
    week = run.week_start
    assert ThriveCircle.objects.filter(week_start=week).count() == run.circles_created == 1
    assert UserThriveProfile.objects.filter(pk__in=[p.pk for p in profiles], current_circle__week_start=week).count() == 30


@pytest.mark.celery
@pytest.mark.timeout(180)
@pytest.mark.django_db(transaction=True)
def test_two_workers_seat_a_split_week_as_one_process_would(levels, celery_workers, settings):
    make_profiles(90, active_at=datetime.now(UTC))
    ahead = {"THRIVE_ASSIGNMENT_LEAD_HOURS": "400"}  # whatever today is, the job builds next week
    # XP order alone, so bands may start mid-circle (zone bands' splits: test_zone_grouping.py).
    settings.THRIVE_ZONE_BAND_CIRCLES = 1
    workers = celery_workers(2, THRIVE_ASSIGNMENT_BAND_SIZE="16", THRIVE_ZONE_BAND_CIRCLES="1", **ahead)

    send(assign_weekly_circles, workers)
    run = _wait_for_run(published_at__isnull=False)

    assert run is not None, workers["logs"]()
    assert (run.status, run.users_placed) == ("succeeded", 90) and len(run.bands) > 5, run.error
    week = run.week_start
    assert week > weeks.week_start_for(datetime.now(UTC))

    def seats():
        rows = CircleMembership.objects.filter(week_start=week)
        return dict(rows.values_list("profile_id", "circle__sequence"))

    split = seats()
    assert UserThriveProfile.objects.filter(current_circle__week_start=week).count() == 90
    ThriveCircle.objects.filter(week_start=week).delete()
    CircleMembership.objects.filter(week_start=week).delete()
    settings.THRIVE_ASSIGNMENT_LEAD_HOURS = 400
    assert CircleAssignmentService.assign_weekly_circles().week_start == week
    assert seats() == split


# ---------------------------------------------------------------------------------------------
# A run that fails half way
# ---------------------------------------------------------------------------------------------


def _explode(*args, **kwargs):
    raise RuntimeError("disk full while seating members")


def _fail_this_weeks_run(monkeypatch):
    with time_machine.travel(LAST_WEDNESDAY, tick=False):
        CircleAssignmentService.assign_weekly_circles()
    before = memberships()
    monkeypatch.setattr(ranking, "seat_by_rank", _explode)  # after the circles were inserted
    with time_machine.travel(WEDNESDAY, tick=False), pytest.raises(RuntimeError, match="disk full"):
        CircleAssignmentService.assign_weekly_circles()
    return before


def _assert_nothing_half_built(before):
    assert not ThriveCircle.objects.filter(week_start=weeks.week_start_for(WEDNESDAY)).exists()
    assert memberships() == before  # everyone still sits in last week's circle
    failed = CircleAssignmentRun.objects.filter(status="failed").get()
    assert failed.week_start == weeks.week_start_for(WEDNESDAY)
    assert failed.error == "RuntimeError: disk full while seating members"
    assert failed.finished_at is not None


@pytest.mark.django_db
def test_a_run_failing_half_way_leaves_no_half_built_week_and_is_recorded(levels, monkeypatch):
    make_profiles(40, active_at=LAST_WEDNESDAY)

    before = _fail_this_weeks_run(monkeypatch)

    _assert_nothing_half_built(before)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_run_failing_half_way_commits_nothing_but_its_record(levels, monkeypatch):
    make_profiles(40, active_at=LAST_WEDNESDAY)

    before = _fail_this_weeks_run(monkeypatch)

    _assert_nothing_half_built(before)
    monkeypatch.undo()
    with time_machine.travel(WEDNESDAY + timedelta(minutes=5), tick=False):
        run = CircleAssignmentService.assign_weekly_circles()  # the retry builds the week whole
    assert (run.status, run.users_placed) == ("succeeded", 40)


# ---------------------------------------------------------------------------------------------
# Self-healing when the job did not run
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def missed_week(levels):
    """Last week's circles exist; this week's job never ran. Returns a member's API client."""
    profiles = make_profiles(12, active_at=LAST_WEDNESDAY + timedelta(days=1))
    with time_machine.travel(LAST_WEDNESDAY, tick=False):
        CircleAssignmentService.assign_weekly_circles()
    client = APIClient()
    client.force_authenticate(profiles[0].user)
    return client


def _page(client):
    response = client.get("/api/v1/me/thrive-circle/")
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_first_request_of_a_missed_week_shows_the_old_circle_ended_and_builds_the_week_once(
    missed_week, settings, django_capture_on_commit_callbacks
):
    settings.THRIVE_SELF_HEAL = "inline"
    with time_machine.travel(WEDNESDAY, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            first = _page(missed_week)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            second = _page(missed_week)

    assert first["circle_status"] == "ended"
    assert first["current_circle"]["week_start"] == "2026-11-16"
    assert second["circle_status"] == "active"
    assert second["current_circle"]["week_start"] == "2026-11-23"
    assert not callbacks  # nothing asked the second time
    run = CircleAssignmentRun.objects.get(trigger=scheduling.SELF_HEAL_TRIGGER)
    assert (run.status, run.week_start.isoformat(), run.users_placed) == ("succeeded", "2026-11-23", 12)


@pytest.mark.django_db
def test_self_healing_off_keeps_showing_the_ended_circle(missed_week, settings, django_capture_on_commit_callbacks):
    settings.THRIVE_SELF_HEAL = "off"
    with time_machine.travel(WEDNESDAY, tick=False), django_capture_on_commit_callbacks(execute=True) as callbacks:
        page = _page(missed_week)

    assert page["circle_status"] == "ended"
    assert not callbacks
    assert not ThriveCircle.objects.filter(week_start="2026-11-23").exists()


@pytest.mark.django_db
def test_self_healing_does_not_retry_a_recent_run(levels, settings, django_capture_on_commit_callbacks):
    """A run that just failed (or found nobody) is left to monitoring, not retried per request."""
    settings.THRIVE_SELF_HEAL = "inline"
    with time_machine.travel(WEDNESDAY, tick=False):
        CircleAssignmentRun.objects.create(week_start=weeks.current_week_start(), status="failed", error="boom")
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            assert scheduling.heal_missing_week() is None
    assert not callbacks

    with time_machine.travel(WEDNESDAY + timedelta(minutes=settings.THRIVE_SELF_HEAL_RETRY_MINUTES + 1), tick=False):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            assert scheduling.heal_missing_week() == "inline"
            assert scheduling.heal_missing_week() is None  # asked once per window
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_self_healing_can_queue_the_celery_task(missed_week, settings, django_capture_on_commit_callbacks):
    settings.THRIVE_SELF_HEAL = "celery"
    celery_app.conf.task_always_eager = True
    try:
        with time_machine.travel(WEDNESDAY, tick=False), django_capture_on_commit_callbacks(execute=True):
            _page(missed_week)
    finally:
        celery_app.conf.task_always_eager = False

    run = CircleAssignmentRun.objects.get(trigger=scheduling.SELF_HEAL_TRIGGER)
    assert run.status == "succeeded"


def _join_self_heal_threads():
    for thread in threading.enumerate():
        if thread.name == scheduling.THREAD_NAME:
            thread.join(timeout=60)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_self_healing_in_a_background_thread_builds_the_week(missed_week, settings):
    settings.THRIVE_SELF_HEAL = "thread"
    with time_machine.travel(WEDNESDAY, tick=True):
        page = _page(missed_week)
        _join_self_heal_threads()

    assert page["circle_status"] == "ended"
    run = CircleAssignmentRun.objects.get(trigger=scheduling.SELF_HEAL_TRIGGER)
    assert (run.status, run.users_placed) == ("succeeded", 12)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_builds_of_a_missed_week_make_its_circles_once(missed_week, settings):
    """What protects several web processes asking at once: the locked, idempotent service."""
    with time_machine.travel(WEDNESDAY, tick=True):
        run_concurrently(*[scheduling._build_quietly] * 6)

    runs = CircleAssignmentRun.objects.filter(trigger=scheduling.SELF_HEAL_TRIGGER)
    assert sorted(runs.values_list("status", flat=True)) == ["already_done"] * 5 + ["succeeded"]
    this_week = ThriveCircle.objects.filter(week_start="2026-11-23").annotate(n=Count("members"))
    assert [c.n for c in this_week] == [12]
    assert UserThriveProfile.objects.filter(current_circle__week_start="2026-11-23").count() == 12


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_first_requests_ask_for_the_build_once(missed_week, settings):
    settings.THRIVE_SELF_HEAL = "inline"
    users = [profile.user for profile in UserThriveProfile.objects.select_related("user")[:6]]
    clients = [APIClient() for _ in users]
    for client, user in zip(clients, users):
        client.force_authenticate(user)

    with time_machine.travel(WEDNESDAY, tick=True):
        statuses = run_concurrently(*[lambda client=client: _page(client)["circle_status"] for client in clients])

    assert len(statuses) == len(users)
    assert CircleAssignmentRun.objects.filter(trigger=scheduling.SELF_HEAL_TRIGGER).count() == 1
    assert ThriveCircle.objects.filter(week_start="2026-11-23").count() == 1

"""The weekly job locks no profile: awards go on while it runs, and `current_circle` follows the
week's memberships in short batches that the next run finishes after a crash."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection, transaction

from core.circles.assignment import publishing, ranking
from core.circles.models import CircleAssignmentRun, CircleMembership, ThriveCircle, UserThriveProfile
from core.circles.services import CircleAssignmentService, XPService, load_default_levels
from core.circles.tests.factories import ProfileFactory
from core.testing import run_concurrently

from .test_assignment import THIS_WEEK, WEDNESDAY, assign, make_profiles


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_award_made_while_the_run_is_held_open_completes_before_it_commits(monkeypatch):
    """On the plan's design (and this code until the membership table) the run UPDATEd every
    profile and held those row locks until commit, so this award waited for the whole run."""
    load_default_levels()
    with time_machine.travel(WEDNESDAY, tick=False):
        member = make_profiles(40, active_at=WEDNESDAY)[7]
    inside, release = threading.Event(), threading.Event()
    seat = ranking.seat_by_rank

    def held_open(*args, **kwargs):
        seats = seat(*args, **kwargs)
        inside.set()
        assert release.wait(60), "the award never finished"
        return seats

    monkeypatch.setattr(ranking, "seat_by_rank", held_open)
    award_done_while_open = []

    def award():
        assert inside.wait(60)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '5s'")  # waiting on the run would fail here
            XPService.add_xp(member.user, 20, "quiz", "A quiz during the weekly run")
        award_done_while_open.append(not release.is_set())
        release.set()

    with time_machine.travel(WEDNESDAY, tick=True):
        run_concurrently(lambda: CircleAssignmentService.assign_weekly_circles(), award)
    assert award_done_while_open == [True]
    before = member.total_xp
    member.refresh_from_db()
    assert member.total_xp == before + 20 and member.current_circle.week_start == THIS_WEEK


@pytest.mark.django_db
def test_a_run_that_stops_while_publishing_is_finished_by_the_next_run(levels, monkeypatch):
    make_profiles(60)
    monkeypatch.setattr(publishing, "BATCH_PROFILES", 10)
    batches = publishing._publish_batch
    calls = []

    def crash_after_two(week, start, end):
        calls.append(start)
        if len(calls) > 2:
            raise ConnectionError("the worker was killed")
        return batches(week, start, end)

    monkeypatch.setattr(publishing, "_publish_batch", crash_after_two)
    with pytest.raises(ConnectionError):
        assign()
    # The week itself is whole: everyone has their membership, the page reads those.
    assert CircleMembership.objects.filter(week_start=THIS_WEEK).count() == 60
    assert 0 < UserThriveProfile.objects.filter(current_circle__isnull=False).count() < 60
    assert CircleAssignmentRun.objects.get().status == CircleAssignmentRun.Status.FAILED

    monkeypatch.setattr(publishing, "_publish_batch", batches)
    rerun = assign(WEDNESDAY + timedelta(minutes=5))
    assert rerun.status == CircleAssignmentRun.Status.ALREADY_DONE
    assert not UserThriveProfile.objects.filter(current_circle__isnull=True).exists()
    assert all(p.current_circle_id == p.memberships.get().circle_id for p in UserThriveProfile.objects.all())


@pytest.mark.django_db
def test_building_next_week_leaves_this_weeks_record_intact(levels):
    make_profiles(30)
    assign()
    this_week = dict(CircleMembership.objects.values_list("profile_id", "circle_id"))
    assign(WEDNESDAY + timedelta(days=4, hours=11))  # Sunday 23:00: the coming week
    assert dict(CircleMembership.objects.filter(week_start=THIS_WEEK).values_list("profile_id", "circle_id")) == this_week
    next_week = ThriveCircle.objects.get(week_start=THIS_WEEK + timedelta(days=7))
    assert set(UserThriveProfile.objects.values_list("current_circle", flat=True)) == {next_week.pk}


@pytest.mark.django_db
def test_publishing_moves_only_what_differs(levels):
    make_profiles(12)
    assign()
    assert publishing.publish_week(THIS_WEEK) == 0
    ProfileFactory(last_activity_at=WEDNESDAY)  # never seated: nothing to publish for them
    assert publishing.publish_week(THIS_WEEK) == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_lanes_copy_every_batch_once(settings, monkeypatch):
    """Outside a transaction the copy runs on THRIVE_PUBLISH_CONNECTIONS connections at once."""
    load_default_levels()
    settings.THRIVE_PUBLISH_CONNECTIONS = 3
    monkeypatch.setattr(publishing, "BATCH_PROFILES", 7)
    lanes = set()
    batch = publishing._publish_batch

    def one_batch(week, start, end):
        lanes.add(threading.get_ident())
        return batch(week, start, end)

    monkeypatch.setattr(publishing, "_publish_batch", one_batch)
    with time_machine.travel(WEDNESDAY, tick=False):
        make_profiles(60)
        assign()
    assert len(lanes) == 3
    assert all(p.current_circle_id == p.memberships.get().circle_id for p in UserThriveProfile.objects.all())
    assert publishing.publish_week(THIS_WEEK) == 0

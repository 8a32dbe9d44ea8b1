"""The weekly job split into bands that several workers seat (assignment/parallel.py): the same
circles as the one-process job, safe to repeat, and finished by the next run after a crash."""

from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection

from core.circles.assignment import parallel
from core.circles.assignment.publishing import publish_week
from core.circles.models import CircleAssignmentRun, CircleMembership, ThriveCircle, UserThriveProfile
from core.circles.services import CircleAssignmentService
from core.circles.tests.factories import ProfileFactory
from core.users.tests.factories import UserFactory

UTC = ZoneInfo("UTC")
SUNDAY_EVENING = datetime(2026, 11, 29, 23, tzinfo=UTC)  # the beat's run, an hour before the reset
COMING_WEEK = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _xp_order_only(settings):
    """Seats by XP alone, so bands may start mid-circle (the splits these tests are about); zone
    bands, whose splits start only where a run of circles starts, are in test_zone_grouping.py."""
    settings.THRIVE_ZONE_BAND_CIRCLES = 1


def community(n=260):
    """People at every level, with ties in XP so the ranking's tie-break matters."""
    xp = [0, 150, 160, 500, 900, 1200, 2500, 6000, 12000]
    return [ProfileFactory(total_xp=xp[i % len(xp)] + (i // 3), last_activity_at=SUNDAY_EVENING) for i in range(n)]


def seats(week=COMING_WEEK) -> dict[int, tuple[int, int]]:
    """Who sits where, by circle level and sequence (circle ids differ between runs)."""
    rows = CircleMembership.objects.filter(week_start=week).values_list("profile_id", "circle__level_id", "circle__sequence")
    return {profile: (level, sequence) for profile, level, sequence in rows}


def one_process_seats() -> dict[int, tuple[int, int]]:
    """The one-process job's answer for the coming week, then the week is taken away again."""
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        CircleAssignmentService.assign_weekly_circles()
    expected = seats()
    ThriveCircle.objects.filter(week_start=COMING_WEEK).delete()
    CircleMembership.objects.filter(week_start=COMING_WEEK).delete()
    CircleAssignmentRun.objects.all().delete()
    return expected


def run_split(band_size: int, *, bands: slice = slice(None)) -> CircleAssignmentRun:
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        run = parallel.plan_week(band_size=band_size)
    for index in range(len(run.bands))[bands]:
        parallel.seat_band(run.pk, index)
    return run


def finish(run) -> CircleAssignmentRun:
    run = parallel.finish_week(run.pk)
    for start, end in parallel.publish_ranges(run.week_start):
        publish_week(run.week_start, start=start, end=end)
    return run


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_split_run_seats_everyone_exactly_as_one_process_does(levels):
    community()
    expected = one_process_seats()

    run = run_split(band_size=17)
    assert len(run.bands) > 8  # several bands per large level, one for a small one
    run = finish(run)

    assert seats() == expected
    assert (run.status, run.users_placed, run.circles_created) == ("succeeded", 260, ThriveCircle.objects.filter(week_start=COMING_WEEK).count())
    sizes = Counter(CircleMembership.objects.filter(week_start=COMING_WEEK).values_list("circle_id", flat=True))
    assert all(n == circle.member_count for circle in ThriveCircle.objects.filter(week_start=COMING_WEEK) for n in [sizes[circle.pk]])
    assert UserThriveProfile.objects.exclude(current_circle__week_start=COMING_WEEK).count() == 0


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_split_run_leaves_staff_and_service_accounts_out_as_one_process_does(levels, settings):
    learners = community(100)
    bot = UserFactory(username="importer-bot")
    bot.groups.add(Group.objects.create(name=settings.THRIVE_NOT_PLACED_GROUP))
    # At the top of their levels, so a band cut that counted them would shift everyone's rank.
    outsiders = [
        ProfileFactory(total_xp=xp, last_activity_at=SUNDAY_EVENING, user=user)
        for xp, user in [(12500, UserFactory(is_staff=True)), (6500, UserFactory(is_superuser=True)), (2900, bot)]
    ]
    expected = one_process_seats()

    finish(run_split(band_size=15))

    assert seats() == expected
    assert set(seats()) == {profile.pk for profile in learners}
    assert not set(seats()) & {profile.pk for profile in outsiders}


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_band_run_twice_seats_nobody_twice(levels):
    community(120)
    run = run_split(band_size=25)
    assert parallel.seat_band(run.pk, 0) == 0
    assert CircleMembership.objects.filter(week_start=COMING_WEEK).count() == 120


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_split_run_that_stopped_half_way_is_resumed_by_the_next(levels):
    community()
    expected = one_process_seats()
    crashed = run_split(band_size=17, bands=slice(0, 3))  # the workers died after three bands

    with time_machine.travel(SUNDAY_EVENING + timedelta(minutes=10), tick=False):
        resumed = parallel.plan_week(band_size=17)
    assert resumed.pk == crashed.pk  # same run, same bands: nothing planned twice
    for index in range(len(resumed.bands)):
        parallel.seat_band(resumed.pk, index)
    finish(resumed)

    assert seats() == expected
    assert ThriveCircle.objects.filter(week_start=COMING_WEEK).count() == crashed.circles_created


@pytest.mark.postgres
@pytest.mark.django_db
def test_someone_whose_xp_moved_past_their_band_is_seated_at_the_finish(levels):
    people = community(100)
    run = run_split(band_size=20, bands=slice(0, 0))
    top = max(people, key=lambda p: (p.total_xp, -p.pk))
    # Between the plan and the bands, the top person's XP drops out of the first band's range.
    UserThriveProfile.objects.filter(pk=top.pk).update(total_xp=0)
    for index in range(len(run.bands)):
        parallel.seat_band(run.pk, index)
    finish(run)
    assert CircleMembership.objects.filter(week_start=COMING_WEEK).count() == 100


@pytest.mark.django_db
def test_the_running_week_and_sqlite_are_never_split(levels):
    community(40)
    wednesday = datetime(2026, 11, 25, 12, tzinfo=UTC)
    with time_machine.travel(wednesday, tick=False):
        assert parallel.plan_week(band_size=10) is None  # the running week: one transaction
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        split = parallel.plan_week(band_size=10)
    assert (split is not None) == (connection.vendor == "postgresql")
    assert parallel.plan_week(band_size=0) is None

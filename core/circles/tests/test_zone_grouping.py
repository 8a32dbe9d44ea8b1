"""Nearby time zones sit together: within a run of THRIVE_ZONE_BAND_CIRCLES circles of a level
(neighbours in XP), people are seated by UTC offset, then XP; sizes and the run's people unchanged."""

from collections import Counter, defaultdict
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core.circles.assignment import parallel
from core.circles.models import CircleMembership, ThriveCircle
from core.circles.services import CircleAssignmentService
from core.circles.tests.factories import ProfileFactory

UTC = ZoneInfo("UTC")
SUNDAY_EVENING = datetime(2026, 11, 29, 23, tzinfo=UTC)
COMING_WEEK = date(2026, 11, 30)
ZONES = ["Asia/Tokyo", "America/Los_Angeles", "Europe/Paris"]


def explorers(n=75, zones=ZONES):
    """n Explorers (three circles of 25), their zones interleaved so XP order mixes them."""
    return [
        ProfileFactory(total_xp=600 + i, last_activity_at=SUNDAY_EVENING, user__time_zone=zones[i % len(zones)])
        for i in range(n)
    ]


def build_week():
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        CircleAssignmentService.assign_weekly_circles()


def zones_by_circle() -> dict[int, Counter]:
    seated = defaultdict(Counter)
    rows = CircleMembership.objects.filter(week_start=COMING_WEEK).values_list("circle__sequence", "profile__user__time_zone")
    for sequence, zone in rows:
        seated[sequence][zone] += 1
    return dict(seated)


def test_three_circles_of_mixed_zones_become_one_zone_each(levels):
    explorers()
    build_week()
    circles = zones_by_circle()
    assert sorted(len(zones) for zones in circles.values()) == [1, 1, 1]
    assert sorted(sum(zones.values()) for zones in circles.values()) == [25, 25, 25]
    # West to east: Los Angeles (UTC-8), Paris (UTC+1), Tokyo (UTC+9).
    assert [next(iter(circles[seq])) for seq in sorted(circles)] == ["America/Los_Angeles", "Europe/Paris", "Asia/Tokyo"]


def test_one_circle_per_band_is_the_xp_order_alone(levels, settings):
    settings.THRIVE_ZONE_BAND_CIRCLES = 1
    profiles = explorers()
    build_week()
    by_xp = sorted(profiles, key=lambda p: (-p.total_xp, p.pk))
    seats = dict(CircleMembership.objects.filter(week_start=COMING_WEEK).values_list("profile_id", "circle__sequence"))
    assert [seats[p.pk] for p in by_xp] == [0] * 25 + [1] * 25 + [2] * 25


def test_without_any_zone_the_seating_is_the_xp_order(levels):
    profiles = explorers(zones=[""])
    build_week()
    by_xp = sorted(profiles, key=lambda p: (-p.total_xp, p.pk))
    seats = dict(CircleMembership.objects.filter(week_start=COMING_WEEK).values_list("profile_id", "circle__sequence"))
    assert [seats[p.pk] for p in by_xp] == [0] * 25 + [1] * 25 + [2] * 25


def test_a_band_keeps_its_xp_neighbours(levels, settings):
    """Six circles, bands of three: the top 75 by XP stay in circles 0-2, the rest in 3-5."""
    profiles = explorers(150)
    build_week()
    seats = dict(CircleMembership.objects.filter(week_start=COMING_WEEK).values_list("profile_id", "circle__sequence"))
    by_xp = sorted(profiles, key=lambda p: (-p.total_xp, p.pk))
    assert {seats[p.pk] for p in by_xp[:75]} == {0, 1, 2}
    assert {seats[p.pk] for p in by_xp[75:]} == {3, 4, 5}


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_split_run_groups_zones_exactly_as_one_process_does(levels):
    explorers(160)
    ProfileFactory.create_batch(5, total_xp=12000, last_activity_at=SUNDAY_EVENING)
    build_week()
    expected = dict(CircleMembership.objects.filter(week_start=COMING_WEEK).values_list("profile_id", "circle__sequence"))
    ThriveCircle.objects.filter(week_start=COMING_WEEK).delete()
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        run = parallel.plan_week(band_size=20)  # cuts inside zone bands would change the seats
    assert len(run.bands) > 2
    for index in range(len(run.bands)):
        parallel.seat_band(run.pk, index)
    parallel.finish_week(run.pk)
    assert dict(CircleMembership.objects.filter(week_start=COMING_WEEK).values_list("profile_id", "circle__sequence")) == expected

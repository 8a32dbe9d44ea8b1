from math import ceil

from hypothesis import given
from hypothesis import strategies as st

from core.circles.assignment.grouping import (
    LevelCount,
    Newcomer,
    SeatCircle,
    circle_index,
    circle_sizes,
    circle_suffix,
    fill_seats,
    plan_circles,
)

BOUNDS = {"target": 25, "min_size": 20, "max_size": 30}


def plan(*counts):
    return plan_circles(
        [LevelCount(level_id=i + 1, count=n) for i, n in enumerate(counts)], min_level_size=15, **BOUNDS
    )


def test_plan_splits_fifty_into_two_circles_of_twenty_five():
    assert circle_sizes(50, **BOUNDS) == (25, 25)


def test_sizes_the_plan_got_wrong_now_stay_within_bounds():
    # The plan's chunking gave one circle of 37 and one of 49 for these.
    assert circle_sizes(49, **BOUNDS) == (25, 24)
    assert max(circle_sizes(74, **BOUNDS)) <= 30


def test_thirty_one_to_thirty_nine_users_make_two_circles_not_one_of_thirty_plus():
    assert circle_sizes(35, **BOUNDS) == (18, 17)


def test_small_level_is_combined_with_its_lower_neighbour():
    buckets = plan(60, 40, 8)
    assert [b.level_ids for b in buckets] == [(1,), (2, 3)]
    assert buckets[1].circle_level_id == 2


def test_small_lowest_level_is_combined_with_the_level_above():
    assert [b.level_ids for b in plan(10, 40)] == [(1, 2)]


def test_tiny_population_forms_one_circle_of_everyone():
    buckets = plan(2, 1, 0, 1, 0)
    assert len(buckets) == 1 and buckets[0].circle_sizes == (4,)


def test_circle_suffix_goes_past_z():
    assert [circle_suffix(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=6))
def test_every_user_is_planned_once_and_sizes_stay_in_bounds(counts):
    buckets = plan(*counts)
    assert sum(b.size for b in buckets) == sum(counts)
    assert sorted(i for b in buckets for i in b.level_ids) == [i + 1 for i, n in enumerate(counts) if n]
    total = sum(counts)
    for bucket in buckets:
        sizes = bucket.circle_sizes
        assert max(sizes) - min(sizes) <= 1
        if bucket.size >= 40 or 20 <= bucket.size <= 30:
            assert all(20 <= s <= 30 for s in sizes)
        elif bucket.size > 30:
            assert all(15 <= s <= 20 for s in sizes)
        assert min(sizes) >= 15 or len(buckets) == 1
        assert min(sizes) >= 5 or total < 5 or len(sizes) == 1 and total == bucket.size


@given(st.integers(min_value=1, max_value=3000))
def test_circle_index_fills_each_circle_to_its_planned_size(n):
    sizes = circle_sizes(n, **BOUNDS)
    seen = [circle_index(rank, sizes) for rank in range(n)]
    assert seen == sorted(seen)  # contiguous XP bands
    assert tuple(seen.count(i) for i in range(len(sizes))) == sizes


def test_newcomer_joins_the_emptiest_circle_of_their_level():
    circles = [SeatCircle("a", 1, 1, 0, 25), SeatCircle("b", 1, 1, 1, 22), SeatCircle("c", 2, 2, 0, 20)]
    seats, created = fill_seats([Newcomer(7, 1, 1)], circles, max_size=30)
    assert seats == {7: "b"} and created == []


def test_newcomers_open_a_new_circle_when_their_level_is_full():
    circles = [SeatCircle("a", 1, 1, 0, 30), SeatCircle("c", 2, 2, 0, 20)]
    seats, created = fill_seats([Newcomer(7, 1, 1), Newcomer(8, 1, 1)], circles, max_size=30)
    assert [c.key for c in created] == [("new", 1, 1)]
    assert seats == {7: ("new", 1, 1), 8: ("new", 1, 1)}


def test_newcomer_of_a_merged_level_joins_the_nearest_level():
    circles = [SeatCircle("s", 1, 1, 0, 24), SeatCircle("c", 3, 3, 0, 20)]
    seats, _ = fill_seats([Newcomer(7, 4, 4)], circles, max_size=30)
    assert seats == {7: "c"}


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=5))
def test_fill_seats_never_overfills(newcomers, existing):
    circles = [SeatCircle(i, 1, 1, i, 28) for i in range(existing)]
    seats, created = fill_seats([Newcomer(i, 1, 1) for i in range(newcomers)], circles, max_size=30)
    assert len(seats) == newcomers
    assert all(c.members <= 30 for c in circles + created)
    assert len(created) == max(0, ceil((newcomers - 2 * existing) / 30))

"""Pure circle planning: plain values in, plain values out, no database.

Weekly assignment:
1. Count eligible users per level, in level order.
2. A level with fewer than `min_level_size` users is merged into its lower neighbour (the
   lowest level into the one above), smallest first, until every bucket is big enough or
   only one bucket is left. A bucket's circles take the name of its largest level.
3. A bucket of n users gets k circles: n <= max_size gives one circle; otherwise k is
   n/target rounded, kept within [ceil(n/max_size), floor(n/min_size)] so every circle has
   min_size..max_size members. Only 31-39 users (with 20/30 bounds) cannot be split that way;
   they get two circles of 15-20, never one of 31+.
4. Sizes are balanced (they differ by at most one). Users are ordered by total XP, so each
   circle is a contiguous XP band: members of one circle have similar XP.
"""

from dataclasses import dataclass
from math import ceil, floor


@dataclass(frozen=True)
class LevelCount:
    level_id: int
    count: int


@dataclass(frozen=True)
class Bucket:
    circle_level_id: int
    level_ids: tuple[int, ...]
    circle_sizes: tuple[int, ...]

    @property
    def size(self) -> int:
        return sum(self.circle_sizes)


def circle_sizes(n: int, *, target: int, min_size: int, max_size: int) -> tuple[int, ...]:
    if n <= 0:
        return ()
    if n <= max_size:
        return (n,)
    k_min, k_max = ceil(n / max_size), n // min_size
    k = min(max(floor(n / target + 0.5), k_min), k_max) if k_min <= k_max else k_min
    q, r = divmod(n, k)
    return (q + 1,) * r + (q,) * (k - r)


def merge_small_levels(counts: list[LevelCount], *, min_level_size: int) -> list[list[LevelCount]]:
    groups = [[c] for c in counts if c.count > 0]
    while len(groups) > 1:
        totals = [sum(c.count for c in g) for g in groups]
        smallest = min(range(len(groups)), key=totals.__getitem__)
        if totals[smallest] >= min_level_size:
            break
        lower = smallest - 1 if smallest > 0 else 0
        groups[lower : lower + 2] = [groups[lower] + groups[lower + 1]]
    return groups


def plan_circles(
    counts: list[LevelCount], *, target: int, min_size: int, max_size: int, min_level_size: int
) -> list[Bucket]:
    """`counts` in level order; returns one bucket per group of levels that share circles."""
    buckets = []
    for group in merge_small_levels(counts, min_level_size=min_level_size):
        n = sum(c.count for c in group)
        largest = max(group, key=lambda c: c.count)
        buckets.append(
            Bucket(
                circle_level_id=largest.level_id,
                level_ids=tuple(c.level_id for c in group),
                circle_sizes=circle_sizes(n, target=target, min_size=min_size, max_size=max_size),
            )
        )
    return buckets


def circle_index(rank: int, sizes: tuple[int, ...]) -> int:
    """Which circle of a bucket the user at `rank` (0 = most XP) joins. The SQL mirrors this."""
    q, r = divmod(sum(sizes), len(sizes))
    big = r * (q + 1)
    return rank // (q + 1) if rank < big else r + (rank - big) // q


def circle_suffix(sequence: int) -> str:
    """A, B, ..., Z, AA, AB, ...: the plan's chr(65 + idx) breaks after 26 circles."""
    letters = ""
    n = sequence + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Newcomer:
    profile_id: int
    level_id: int
    level_order: int


@dataclass
class SeatCircle:
    key: object  # a circle id, or ("new", level_id, sequence) for one this plan creates
    level_id: int
    level_order: int
    sequence: int
    members: int


def fill_seats(
    newcomers: list[Newcomer], circles: list[SeatCircle], *, target: int, max_size: int, min_new: int
) -> tuple[dict[int, object], list[SeatCircle]]:
    """Seat people who join after the weekly job (`newcomers` most XP first). Returns
    {profile_id: circle key} and the circles to create.

    1. The emptiest circle of their own level that is under `max_size`; else the open circle of
       the nearest level (a level without circles this week, because it was merged, starts here).
    2. Whoever is left once every circle is full: `min_new` or more of them open circles of their
       own, planned like the weekly job's (levels too small merge, sizes balanced, XP bands
       contiguous); fewer join the emptiest circle of the nearest level over the maximum, since a
       circle of one or two would be worse. A week without any circle opens one for them all.
    """
    circles = list(circles)
    seats: dict[int, object] = {}
    waiting: list[Newcomer] = []
    for person in newcomers:
        open_ = [c for c in circles if c.members < max_size]
        if not open_:
            waiting.append(person)
            continue
        choice = min(open_, key=lambda c: (abs(c.level_order - person.level_order), c.members, c.sequence))
        choice.members += 1
        seats[person.profile_id] = choice.key
    if not waiting:
        return seats, []
    if circles and len(waiting) < min_new:
        for person in waiting:
            choice = min(circles, key=lambda c: (abs(c.level_order - person.level_order), c.members, c.sequence))
            choice.members += 1
            seats[person.profile_id] = choice.key
        return seats, []
    return seats, _open_circles(waiting, circles, seats, target=target, max_size=max_size, min_new=min_new)


def _open_circles(waiting, circles, seats, *, target: int, max_size: int, min_new: int) -> list[SeatCircle]:
    orders = {person.level_id: person.level_order for person in waiting}
    counts = [
        LevelCount(level_id, sum(1 for p in waiting if p.level_id == level_id))
        for level_id in sorted(orders, key=orders.get)
    ]
    last = {}
    for circle in circles:
        last[circle.level_id] = max(last.get(circle.level_id, -1), circle.sequence)
    created = []
    for bucket in plan_circles(counts, target=target, min_size=min_new, max_size=max_size, min_level_size=min_new):
        level_id = bucket.circle_level_id
        first = last.get(level_id, -1) + 1
        last[level_id] = first + len(bucket.circle_sizes) - 1
        new = [
            SeatCircle(("new", level_id, first + i), level_id, orders[level_id], first + i, size)
            for i, size in enumerate(bucket.circle_sizes)
        ]
        members = [person for person in waiting if person.level_id in bucket.level_ids]
        for rank, person in enumerate(members):
            seats[person.profile_id] = new[circle_index(rank, bucket.circle_sizes)].key
        created += new
    return created

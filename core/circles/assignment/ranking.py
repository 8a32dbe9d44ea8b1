"""Seating by XP rank: the statement that fills a week's circles.

Only eligible people are ranked: active recently and not an account that is not placed that week
(eligibility.py: staff, the not-placed group, people resting that week), the same people the buckets were counted from.
Within a bucket (grouping.Bucket) people are ranked by total XP, most first (ties by profile id),
and the person at rank k joins the circle `grouping.circle_index(k, sizes)` gives; then each run of
THRIVE_ZONE_BAND_CIRCLES consecutive circles (a "zone band") is re-seated in the order of its
members' UTC offset, then XP, so nearby time zones sit together: the band's circles keep their
sizes and the band its people, only who sits in which of its circles changes. The weekly job
seats every bucket with one INSERT; the parallel job (parallel.py) splits a bucket into bands of
consecutive ranks, each seated by its own worker with the same statement, so the split changes who
does the work, never the circles.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from core.users.zones import zone_named

from .. import weeks
from ..models import CircleMembership, ThriveCircle, UserThriveProfile
from . import grouping
from .eligibility import not_placed_sql

Key = tuple[int, int]  # (total_xp, profile id): a person's place in the ranking


@dataclass(frozen=True)
class Band:
    """Ranks `offset`.. of one bucket: from the person with key `first` (None: the top) up to, not
    including, the one with key `stop` (None: to the end). `people` and `circles` are the whole
    bucket's, which the circle of a rank depends on."""

    level_ids: tuple[int, ...]
    circle_level_id: int
    people: int
    circles: int
    offset: int = 0
    first: Key | None = None
    stop: Key | None = None

    @classmethod
    def of(cls, bucket: grouping.Bucket, **bounds) -> "Band":
        return cls(bucket.level_ids, bucket.circle_level_id, bucket.size, len(bucket.circle_sizes), **bounds)

    @classmethod
    def from_json(cls, data: dict) -> "Band":
        tuples = ("level_ids", "first", "stop")
        return cls(**{k: tuple(v) if k in tuples and v is not None else v for k, v in data.items()})


def seat_by_rank(buckets: list[grouping.Bucket], week, *, active_since: datetime) -> Counter:
    """One INSERT seats every bucket's eligible people; returns how many it seated per circle id."""
    return _insert([Band.of(bucket) for bucket in buckets], week, active_since=active_since)


def seat_band(band: Band, week, *, active_since: datetime) -> int:
    """Seat one band; people already seated in the week are skipped, so a band can run again."""
    return sum(_insert([band], week, active_since=active_since, skip_seated=True).values())


def _insert(bands: list[Band], week, *, active_since: datetime, skip_seated: bool = False) -> Counter:
    rows = []
    for band in bands:
        q, r = divmod(band.people, band.circles)
        rows += [(level_id, band.circle_level_id, q, r) for level_id in band.level_ids]
    values = ", ".join(["(CAST(%s AS INTEGER), CAST(%s AS INTEGER), CAST(%s AS INTEGER), CAST(%s AS INTEGER))"] * len(rows))
    profile, circle = UserThriveProfile._meta.db_table, ThriveCircle._meta.db_table
    membership = CircleMembership._meta.db_table
    ops = connection.ops
    offset, bounds, bound_params = 0, "", []
    if len(bands) == 1:
        offset, (bounds, bound_params) = bands[0].offset, _band_sql(bands[0])
    not_placed, not_placed_params = not_placed_sql("p.user_id", week)  # the same people eligible_profiles leaves out
    zones = zone_offsets(week)
    span = settings.THRIVE_ZONE_BAND_CIRCLES if zones else 1
    zone_cte, zone_params, zone_join, zone_minutes = _zone_sql(zones if span > 1 else {}, week)
    ctes = f"""
        bucket(level_id, circle_level_id, q, r) AS (VALUES {values}),{zone_cte}
        ranked AS (
            SELECT p.id AS profile_id, p.total_xp, {zone_minutes} AS zone_minutes, b.circle_level_id, b.q, b.r,
                   %s + ROW_NUMBER() OVER (PARTITION BY b.circle_level_id ORDER BY p.total_xp DESC, p.id) - 1 AS rnk
            FROM {profile} p JOIN bucket b ON b.level_id = p.current_level_id {zone_join}
            WHERE p.last_activity_at >= %s AND {not_placed} {bounds}
        ),{_by_zone_sql(span) if span > 1 else ""}
        seated AS (
            SELECT profile_id, circle_level_id, {_circle_of("rnk")} AS seq
            FROM {"by_zone" if span > 1 else "ranked"}
        )"""
    # `WHERE TRUE` lets SQLite tell the upsert's ON CONFLICT from the join's ON. Rows go in by
    # profile id, the order of the (week, profile) unique index, so they append at its end: in XP
    # order each of 700k entries landed on a random page (4.9 s for the INSERT alone at 1M, 3.2 s sorted).
    insert = f"INSERT INTO {membership} (week_start, profile_id, circle_id)"
    select = f"""
        SELECT c.week_start, s.profile_id, c.id
        FROM seated s JOIN {circle} c
          ON c.level_id = s.circle_level_id AND c.sequence = s.seq AND c.week_start = %s
        WHERE TRUE
        ORDER BY s.profile_id
        {"ON CONFLICT (profile_id, week_start) DO NOTHING" if skip_seated else ""}
        RETURNING circle_id"""
    params = [value for row in rows for value in row]
    params += zone_params
    params += [
        offset, ops.adapt_datetimefield_value(active_since), *not_placed_params, *bound_params, ops.adapt_datefield_value(week)
    ]
    circle_id = ThriveCircle._meta.pk.to_python
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # counted in the statement: 28k rows come back, not 700k
            cursor.execute(f"WITH {ctes}, inserted AS ({insert} {select}) "
                           "SELECT circle_id, COUNT(*) FROM inserted GROUP BY circle_id", params)
            return Counter({circle_id(pk): n for pk, n in cursor.fetchall()})
        cursor.execute(f"{insert} WITH {ctes} {select}", params)
        return Counter(circle_id(pk) for (pk,) in cursor.fetchall())


def _by_zone_sql(span: int) -> str:
    """Re-rank each run of `span` circles by UTC offset, then XP (a second sort of everyone, so
    only when people chose zones)."""
    return f"""
        by_xp AS (
            SELECT profile_id, total_xp, zone_minutes, circle_level_id, q, r,
                   ({_circle_of("rnk")}) / {span} * {span} AS zone_band
            FROM ranked
        ),
        by_zone AS (
            SELECT profile_id, circle_level_id, q, r,
                   {_first_rank_of("zone_band")}
                   + ROW_NUMBER() OVER (
                       PARTITION BY circle_level_id, zone_band ORDER BY zone_minutes, total_xp DESC, profile_id
                   ) - 1 AS rnk
            FROM by_xp
        ),"""


def _circle_of(rank: str) -> str:
    """SQL for grouping.circle_index: the circle (sequence) of the person at `rank`."""
    return f"CASE WHEN {rank} < r * (q + 1) THEN {rank} / (q + 1) ELSE r + ({rank} - r * (q + 1)) / q END"


def _first_rank_of(sequence: str) -> str:
    """SQL for the first rank seated in circle `sequence` (the inverse of _circle_of)."""
    return f"CASE WHEN {sequence} < r THEN {sequence} * (q + 1) ELSE r * (q + 1) + ({sequence} - r) * q END"


def first_rank_of_circle(sequence: int, people: int, circles: int) -> int:
    """_first_rank_of in Python (parallel.py cuts bands where a run of zone-ordered circles starts)."""
    q, r = divmod(people, circles)
    return sequence * (q + 1) if sequence < r else r * (q + 1) + (sequence - r) * q


def zone_offsets(week) -> dict[str, int]:
    """Each time zone people chose, as minutes from UTC when `week` starts (so DST as that week
    has it); people without one follow the platform's zone. Empty when nobody chose one, and the
    seating is then the XP order alone."""
    names = get_user_model().objects.exclude(time_zone="").values_list("time_zone", flat=True).distinct()
    start = weeks.week_bounds(week)[0]
    return {name: int(zone_named(name).utcoffset(start).total_seconds() // 60) for name in names}


def _zone_sql(zones: dict[str, int], week) -> tuple[str, list, str, str]:
    """The zone table, its parameters, the join and the minutes expression for the ranking."""
    platform = int(weeks.time_zone().utcoffset(weeks.week_bounds(week)[0]).total_seconds() // 60)
    if not zones:
        return "", [], "", str(platform)
    user = get_user_model()._meta.db_table
    rows = ", ".join(["(CAST(%s AS TEXT), CAST(%s AS INTEGER))"] * len(zones))
    params = [value for name, minutes in sorted(zones.items()) for value in (name, minutes)]
    cte = f"\n        zone(name, minutes) AS (VALUES {rows}),"
    join = f"JOIN {user} u ON u.id = p.user_id LEFT JOIN zone z ON z.name = u.time_zone"
    return cte, params, join, f"COALESCE(z.minutes, {platform})"


def _band_sql(band: Band) -> tuple[str, list[int]]:
    """The band's bounds on (total_xp DESC, id): expressed on total_xp first, so PostgreSQL can
    walk the profile's total_xp index for one band instead of reading the whole table."""
    sql, params = "", []
    if band.first is not None:
        xp, pk = band.first
        sql += " AND p.total_xp <= %s AND (p.total_xp < %s OR p.id >= %s)"
        params += [xp, xp, pk]
    if band.stop is not None:
        xp, pk = band.stop
        sql += " AND p.total_xp >= %s AND (p.total_xp > %s OR p.id < %s)"
        params += [xp, xp, pk]
    return sql, params


def rank_keys(bucket: grouping.Bucket, ranks: list[int], *, active_since: datetime, week) -> dict[int, Key]:
    """The keys of the people at `ranks` of `bucket`'s ranking (one pass over the bucket)."""
    if not ranks:
        return {}
    profile = UserThriveProfile._meta.db_table
    levels = ", ".join(["%s"] * len(bucket.level_ids))
    wanted = ", ".join(["%s"] * len(ranks))
    not_placed, not_placed_params = not_placed_sql("user_id", week)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT rnk, total_xp, id FROM (
                SELECT total_xp, id, ROW_NUMBER() OVER (ORDER BY total_xp DESC, id) - 1 AS rnk
                FROM {profile}
                WHERE current_level_id IN ({levels}) AND last_activity_at >= %s AND {not_placed}
            ) ranked WHERE rnk IN ({wanted})
            """,
            [*bucket.level_ids, connection.ops.adapt_datetimefield_value(active_since), *not_placed_params, *ranks],
        )
        return {rank: (xp, pk) for rank, xp, pk in cursor.fetchall()}

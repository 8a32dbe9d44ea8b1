"""Seating by XP rank: the statement that fills a week's circles.

Only eligible people are ranked: active recently and not an account that is not placed that week
(eligibility.py: staff, the not-placed group, people resting that week), the same people the buckets were counted from.
Within a bucket (grouping.Bucket) people are ranked by total XP, most first (ties by profile id),
and the person at rank k joins the circle `grouping.circle_index(k, sizes)` gives. The weekly job
seats every bucket with one INSERT; the parallel job (parallel.py) splits a bucket into bands of
consecutive ranks, each seated by its own worker with the same statement, so the split changes who
does the work, never the circles.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection

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


def seat_by_rank(buckets: list[grouping.Bucket], week, *, active_since: datetime) -> int:
    """One INSERT seats every bucket's eligible people; returns how many."""
    return _insert([Band.of(bucket) for bucket in buckets], week, active_since=active_since)


def seat_band(band: Band, week, *, active_since: datetime) -> int:
    """Seat one band; people already seated in the week are skipped, so a band can run again."""
    return _insert([band], week, active_since=active_since, skip_seated=True)


def _insert(bands: list[Band], week, *, active_since: datetime, skip_seated: bool = False) -> int:
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
    # `WHERE TRUE` lets SQLite tell the upsert's ON CONFLICT from the join's ON.
    sql = f"""
        INSERT INTO {membership} (week_start, profile_id, circle_id)
        WITH bucket(level_id, circle_level_id, q, r) AS (VALUES {values}),
        ranked AS (
            SELECT p.id AS profile_id, b.circle_level_id, b.q, b.r,
                   %s + ROW_NUMBER() OVER (PARTITION BY b.circle_level_id ORDER BY p.total_xp DESC, p.id) - 1 AS rnk
            FROM {profile} p JOIN bucket b ON b.level_id = p.current_level_id
            WHERE p.last_activity_at >= %s AND {not_placed} {bounds}
        ),
        seated AS (
            SELECT profile_id, circle_level_id,
                   CASE WHEN rnk < r * (q + 1) THEN rnk / (q + 1) ELSE r + (rnk - r * (q + 1)) / q END AS seq
            FROM ranked
        )
        SELECT c.week_start, s.profile_id, c.id
        FROM seated s JOIN {circle} c
          ON c.level_id = s.circle_level_id AND c.sequence = s.seq AND c.week_start = %s
        WHERE TRUE {"ON CONFLICT (profile_id, week_start) DO NOTHING" if skip_seated else ""}
    """
    params = [value for row in rows for value in row]
    params += [
        offset, ops.adapt_datetimefield_value(active_since), *not_placed_params, *bound_params, ops.adapt_datefield_value(week)
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


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

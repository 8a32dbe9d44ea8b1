"""The only code that moves XP counters: one award at a time (`record`) or a batch of past events.

Both apply the same counter rule (`_counter_updates`): `total_xp` grows by the amount; `weekly_xp`
counts the week of the events (an older counter restarts, a counter already in a later week is
left alone); the level follows the new total both ways (`levels.level_for_xp_sql`); last
activity only moves forward.

Awards are the hottest write in the product, so their SQL is built once per process instead of
by the ORM on every call (compiling the counters' expressions cost ~2 ms of CPU per award). On
PostgreSQL the counter UPDATE and the event INSERT are one statement: outside a transaction the
profile's row lock is then held only while the database runs it, never across a round trip to
Python, which is what lets concurrent awards to one user queue quickly (bench/awards.py).
"""

from functools import cache

from django.db import connection, transaction
from django.db.models import Q

from .. import weeks
from ..models import CircleMembership, UserThriveProfile, XPEvent
from .days import rebuild_days, tally_sql
from .levels import level_for_xp_sql

# Per-session temporary table of past events to add (backfill, demo data): one row per event,
# `history_id` NULL for amounts no points award explains (they do not count as activity).
BATCH_TABLE = "thrive_xp_batch"


def _counter_updates(profile: str, *, amount: str, this_week: str, week: str, latest: str) -> str:
    """The SET clause of every counter write. Arguments are SQL expressions; `latest` may be NULL."""
    return f"""
        total_xp = {profile}.total_xp + {amount},
        weekly_xp = CASE WHEN {profile}.weekly_xp_week = {week} THEN {profile}.weekly_xp + {this_week}
                         WHEN {profile}.weekly_xp_week < {week} THEN {this_week}
                         ELSE {profile}.weekly_xp END,
        weekly_xp_week = CASE WHEN {profile}.weekly_xp_week < {week} THEN {week} ELSE {profile}.weekly_xp_week END,
        current_level_id = {level_for_xp_sql(f"{profile}.total_xp + {amount}")},
        last_activity_at = CASE WHEN {latest} > {profile}.last_activity_at THEN {latest}
                                ELSE {profile}.last_activity_at END"""


# --- One award -----------------------------------------------------------------------------------


def find_profile(user_id: int, week) -> tuple[int | None, bool, int | None]:
    """(profile id or None, whether it has a circle in `week`, its level id)."""
    with connection.cursor() as cursor:
        cursor.execute(_sql()["find"], {"user": user_id, "week": connection.ops.adapt_datefield_value(week)})
        row = cursor.fetchone()
    return (row[0], bool(row[1]), row[2]) if row else (None, False, None)


def record(profile_id: int, event: XPEvent, week) -> int:
    """Insert `event` and add its amount to the profile's counters, atomically; the new level id.

    `week` is the event's week. Raises UserThriveProfile.DoesNotExist, writing nothing, if the
    profile is gone.
    """
    params = {
        "profile": profile_id,
        "amount": event.amount,
        "week": connection.ops.adapt_datefield_value(week),
        "day": connection.ops.adapt_datefield_value(weeks.local_date(event.timestamp)),
        "now": connection.ops.adapt_datetimefield_value(event.timestamp),
        **{field.attname: field.get_db_prep_save(getattr(event, field.attname), connection) for field in _event_fields()},
    }
    sql = _sql()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql["update_and_insert"], params)
            row = cursor.fetchone()
        else:
            with transaction.atomic():
                cursor.execute(sql["update"], params)
                row = cursor.fetchone()
                if row:
                    cursor.execute(sql["insert"], params)
                    if event.amount > 0:
                        cursor.execute(sql["tally"], params)
    if row is None:
        raise UserThriveProfile.DoesNotExist(f"Thrive profile {profile_id} disappeared before its XP was recorded")
    event._state.adding, event._state.db = False, connection.alias
    return row[0]


def _event_fields():
    return XPEvent._meta.concrete_fields


@cache
def _statements(vendor: str) -> dict[str, str]:
    profile, membership, event = UserThriveProfile._meta.db_table, CircleMembership._meta.db_table, XPEvent._meta.db_table
    counters = _counter_updates(profile, amount="%(amount)s", this_week="%(amount)s", week="%(week)s", latest="%(now)s")
    update = f"UPDATE {profile} SET {counters} WHERE id = %(profile)s RETURNING current_level_id"
    columns = ", ".join(field.column for field in _event_fields())
    values = ", ".join(f"%({field.attname})s" for field in _event_fields())
    # INSERT ... SELECT types its values by the SELECT, so each is cast to its column's type.
    typed = ", ".join(f"CAST(%({field.attname})s AS {field.db_type(connection)})" for field in _event_fields())
    user_type = XPEvent._meta.get_field("user").target_field.rel_db_type(connection)
    tally_row = "%(user_id)s, %(day)s, %(week)s, %(source)s, 1, %(amount)s"
    return {
        "find": f"""
            SELECT p.id, EXISTS (SELECT 1 FROM {membership} m WHERE m.profile_id = p.id AND m.week_start = %(week)s),
                   p.current_level_id
            FROM {profile} p WHERE p.user_id = %(user)s""",
        "update": update,
        "insert": f"INSERT INTO {event} ({columns}) VALUES ({values})",
        "tally": tally_sql(values=f"VALUES ({tally_row})"),
        # The event (and its day in the tally, if it earned XP) is inserted only if the profile
        # row was updated, in the same statement.
        "update_and_insert": f"WITH updated AS ({update}), "
        f"inserted AS (INSERT INTO {event} ({columns}) SELECT {typed} FROM updated), "
        "tallied AS ("
        + tally_sql(values=f"SELECT CAST(%(user_id)s AS {user_type}), CAST(%(day)s AS date), CAST(%(week)s AS date), "
                    "CAST(%(source)s AS varchar), 1, CAST(%(amount)s AS integer) FROM updated WHERE %(amount)s > 0")
        + ") SELECT current_level_id FROM updated",
    }


def _sql() -> dict[str, str]:
    return _statements(connection.vendor)


# --- Batches of past events ----------------------------------------------------------------------


def open_batch(cursor) -> None:
    """Create (or empty) this session's BATCH_TABLE."""
    ts_type = "timestamp with time zone" if connection.vendor == "postgresql" else "datetime"
    cursor.execute(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {BATCH_TABLE} "
        f"(history_id bigint NULL, user_id bigint NOT NULL, amount integer NOT NULL, ts {ts_type} NOT NULL)"
    )
    cursor.execute(f"DELETE FROM {BATCH_TABLE}")


def add_batch_to_counters(cursor, *, now) -> None:
    """Move each profile of BATCH_TABLE by exactly its rows: increments, like `record`, so a
    batch and live awards commute. Runs in the caller's transaction; profiles must exist."""
    profile = UserThriveProfile._meta.db_table
    week = weeks.week_start_for(now)
    week_start_at, week_end_at = weeks.week_bounds(week)
    ops = connection.ops
    counters = _counter_updates(profile, amount="b.total", this_week="b.this_week", week="%s", latest="b.latest")
    cursor.execute(
        f"""
        UPDATE {profile} SET {counters}
        FROM (
            SELECT user_id, SUM(amount) AS total,
                   SUM(CASE WHEN ts >= %s AND ts < %s THEN amount ELSE 0 END) AS this_week,
                   MAX(CASE WHEN history_id IS NOT NULL THEN ts END) AS latest
            FROM {BATCH_TABLE} GROUP BY user_id
        ) b
        WHERE {profile}.user_id = b.user_id
        """,
        # The SET clause's four weeks come before the FROM's bounds in the statement.
        [ops.adapt_datefield_value(week)] * 4
        + [ops.adapt_datetimefield_value(week_start_at), ops.adapt_datetimefield_value(week_end_at)],
    )


@transaction.atomic
def record_past_events(events: list[XPEvent], *, now) -> None:
    """Insert events that already happened (demo data) and move their profiles by them, as a batch."""
    XPEvent.objects.bulk_create(events, batch_size=2000)
    ops = connection.ops
    with connection.cursor() as cursor:
        open_batch(cursor)
        cursor.executemany(
            f"INSERT INTO {BATCH_TABLE} (history_id, user_id, amount, ts) VALUES (%s, %s, %s, %s)",
            [(e.points_history_id, e.user_id, e.amount, ops.adapt_datetimefield_value(e.timestamp)) for e in events],
        )
        add_batch_to_counters(cursor, now=now)
        cursor.execute(f"DELETE FROM {BATCH_TABLE}")
    rebuild_days(Q(user_id__in={event.user_id for event in events}))

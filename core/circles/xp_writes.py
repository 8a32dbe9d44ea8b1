"""The SQL every XP award runs: read the profile, then move its counters and log the event.

Awards are the hottest write in the product, so this SQL is built once per process instead of
by the ORM on every call (compiling the counters' expressions cost ~2 ms of CPU per award). On
PostgreSQL the counter UPDATE and the event INSERT are one statement: outside a transaction the
profile's row lock is then held only while the database runs it, never across a round trip to
Python, which is what lets concurrent awards to one user queue quickly (bench/awards.py).
"""

from functools import cache

from django.db import connection, transaction

from .models import ThriveCircle, ThriveCircleLevel, UserThriveProfile, XPEvent


def find_profile(user_id: int, week) -> tuple[int | None, bool]:
    """(profile id or None, whether the profile already sits in a circle of `week` or later)."""
    with connection.cursor() as cursor:
        cursor.execute(_sql()["find"], {"user": user_id, "week": connection.ops.adapt_datefield_value(week)})
        row = cursor.fetchone()
    return (row[0], bool(row[1])) if row else (None, False)


def record(profile_id: int, event: XPEvent, week) -> None:
    """Insert `event` and add its amount to the profile's counters, atomically.

    weekly_xp counts `week` (the event's week): an older counter restarts at the amount and a
    counter already in a later week is left alone. The level follows the new total both ways.
    """
    params = {
        "profile": profile_id,
        "amount": event.amount,
        "week": connection.ops.adapt_datefield_value(week),
        "now": connection.ops.adapt_datetimefield_value(event.timestamp),
        **{field.attname: field.get_db_prep_save(getattr(event, field.attname), connection) for field in _event_fields()},
    }
    sql = _sql()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql["update_and_insert"], params)
            written = cursor.rowcount
        else:
            with transaction.atomic():
                cursor.execute(sql["update"], params)
                written = cursor.rowcount
                if written:
                    cursor.execute(sql["insert"], params)
    if written != 1:
        raise UserThriveProfile.DoesNotExist(f"Thrive profile {profile_id} disappeared before its XP was recorded")
    event._state.adding, event._state.db = False, connection.alias


def _event_fields():
    return XPEvent._meta.concrete_fields


@cache
def _statements(vendor: str) -> dict[str, str]:
    profile, circle = UserThriveProfile._meta.db_table, ThriveCircle._meta.db_table
    level, event = ThriveCircleLevel._meta.db_table, XPEvent._meta.db_table
    greatest = "MAX" if vendor == "sqlite" else "GREATEST"
    update = f"""
        UPDATE {profile} SET
            total_xp = total_xp + %(amount)s,
            weekly_xp = CASE WHEN weekly_xp_week = %(week)s THEN weekly_xp + %(amount)s
                             WHEN weekly_xp_week < %(week)s THEN %(amount)s
                             ELSE weekly_xp END,
            weekly_xp_week = {greatest}(weekly_xp_week, %(week)s),
            current_level_id = COALESCE(
                (SELECT l.id FROM {level} l WHERE l.min_xp <= {profile}.total_xp + %(amount)s
                 ORDER BY l.min_xp DESC LIMIT 1),
                (SELECT l.id FROM {level} l ORDER BY l."order" LIMIT 1)),
            last_activity_at = {greatest}(last_activity_at, %(now)s)
        WHERE id = %(profile)s"""
    columns = ", ".join(field.column for field in _event_fields())
    values = ", ".join(f"%({field.attname})s" for field in _event_fields())
    # INSERT ... SELECT types its values by the SELECT, so each is cast to its column's type.
    typed = ", ".join(f"CAST(%({field.attname})s AS {field.db_type(connection)})" for field in _event_fields())
    return {
        "find": f"""
            SELECT p.id, c.week_start >= %(week)s FROM {profile} p
            LEFT JOIN {circle} c ON c.id = p.current_circle_id WHERE p.user_id = %(user)s""",
        "update": update,
        "insert": f"INSERT INTO {event} ({columns}) VALUES ({values})",
        # The event is inserted only if the profile row was updated, in the same statement.
        "update_and_insert": f"WITH updated AS ({update} RETURNING 1) "
        f"INSERT INTO {event} ({columns}) SELECT {typed} FROM updated",
    }


def _sql() -> dict[str, str]:
    return _statements(connection.vendor)

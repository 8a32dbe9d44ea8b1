"""A transaction-scoped lock that serialises writes to one week's circle membership."""

from datetime import date

from django.db import connection

# An arbitrary constant: the advisory lock class shared by every circle-membership writer.
_CIRCLE_MEMBERSHIP_LOCK = 0x7C1C1E5


def lock_circle_membership(week: date) -> None:
    """Block until no other transaction is writing `week`'s circles; released at commit or rollback.

    Must run inside `transaction.atomic`. One lock per week, so seating a newcomer into the
    running week never waits for the job building the coming one. PostgreSQL takes an advisory
    lock. SQLite has one writer at a time: a write statement (even one matching no row) takes
    that lock now, so a second run waits here instead of reading state that is about to change.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_CIRCLE_MEMBERSHIP_LOCK, week.toordinal()])
        else:
            cursor.execute("UPDATE circles_circleassignmentrun SET id = id WHERE 1 = 0")

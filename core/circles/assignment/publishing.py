"""`UserThriveProfile.current_circle` follows the memberships, in short batches.

The plan's field names a profile's circle of the latest week built. Memberships are the record
(the page reads those), so the field is a copy kept for code that reads or filters it. Copying it
for a whole week in the weekly job's transaction locked every profile row until commit and made
awards wait up to 25 s at 1M profiles; here each batch of profiles is its own short transaction.
"""

from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .. import weeks
from ..models import CircleMembership, ThriveCircle, UserThriveProfile

BATCH_PROFILES = 5_000


def publish_week(week, *, start: int | None = None, end: int | None = None) -> int:
    """Point every member of `week` (or those with profile ids in [start, end)) at their circle
    of it, unless a later week is already built.

    Idempotent: only rows that differ are written, so a rerun (after a crash half way, or the
    next run) finishes the job. Outside a transaction each batch commits on its own, and on
    PostgreSQL THRIVE_PUBLISH_CONNECTIONS connections copy batches side by side (the copy is
    the database's work; one connection kept one core busy). Returns how many profiles moved.
    """
    if ThriveCircle.objects.filter(week_start__gt=week).exists():
        return 0
    bounds = profile_bounds(week)
    if bounds is None:
        return 0
    first, last = max(bounds[0], start or bounds[0]), min(bounds[1], (end or bounds[1] + 1) - 1)
    batches = [(batch, min(batch + BATCH_PROFILES, last + 1)) for batch in range(first, last + 1, BATCH_PROFILES)]
    if connection.in_atomic_block:  # the caller's transaction: one connection, no commits
        return sum(_publish_batch(week, *batch) for batch in batches)
    lanes = settings.THRIVE_PUBLISH_CONNECTIONS if connection.vendor == "postgresql" else 1
    if lanes <= 1 or len(batches) == 1:
        return _publish_committed(week, batches, close=False)
    with ThreadPoolExecutor(lanes) as pool:
        return sum(pool.map(lambda lane: _publish_committed(week, batches[lane::lanes], close=True), range(lanes)))


def _publish_committed(week, batches: list[tuple[int, int]], *, close: bool) -> int:
    """Copy `batches`, each in its own transaction; `close` ends a worker thread's connection."""
    try:
        moved = 0
        for batch in batches:
            with transaction.atomic():
                _commit_without_waiting()
                moved += _publish_batch(week, *batch)
        return moved
    finally:
        if close:
            connection.close()


def _commit_without_waiting() -> None:
    """Let this batch's COMMIT return before its WAL reaches the disk (PostgreSQL).

    A batch lost to a crash is copied again by the next run (publishing is idempotent), and
    `mark_published` commits normally, which flushes every earlier batch's WAL first: so
    `published_at` is never durable ahead of the copy it records. This spares a WAL flush per
    batch, ~200 of them at 1M profiles.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")


def profile_bounds(week) -> tuple[int, int] | None:
    """The lowest and highest profile id seated in `week`, or None for an empty week."""
    members = CircleMembership.objects.filter(week_start=week).order_by("profile_id").values_list("profile_id", flat=True)
    first = members.first()
    return None if first is None else (first, members.reverse().first())


def mark_published(run) -> None:
    run.published_at = timezone.now()
    run.save(update_fields=["published_at"])


def _publish_batch(week, start: int, end: int) -> int:
    profile, membership = UserThriveProfile._meta.db_table, CircleMembership._meta.db_table
    ops = connection.ops
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE {profile} SET current_circle_id = m.circle_id, weekly_reset_at = %s
            FROM {membership} m
            WHERE m.week_start = %s AND m.profile_id = {profile}.id
              AND m.profile_id >= %s AND m.profile_id < %s AND {profile}.id >= %s AND {profile}.id < %s
              AND ({profile}.current_circle_id IS NULL OR {profile}.current_circle_id <> m.circle_id)
            """,
            # The range on both sides: on m it walks the (week, profile) index for one batch; without
            # it PostgreSQL scanned every membership row for each batch (quadratic, 40 s at 1M).
            [ops.adapt_datetimefield_value(weeks.week_bounds(week)[1]), ops.adapt_datefield_value(week), start, end, start, end],
        )
        return max(cursor.rowcount, 0)

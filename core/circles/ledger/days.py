"""XPDay, the ledger's tally of each person's XP by day and source (models.XPDay).

An award adds its row in the same statement as its event (writes.py, `TALLY_SQL`); batches of past
events (demo data, the backfill) rebuild the tally of the people they touched from the log
(`rebuild_days`), which is also how the migration that added it filled it.
"""

from datetime import timedelta

from django.db.models import Case, Count, Q, Sum, Value, When
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay, TruncDate

from .. import weeks
from ..models import XPDay, XPEvent


def tally_sql(*, values: str, table: str | None = None) -> str:
    """INSERT one award into the tally, or add it to the existing row. `values` is a VALUES list
    or a SELECT yielding (user_id, day, week, source, xp)."""
    table = table or XPDay._meta.db_table
    return (
        f"INSERT INTO {table} (user_id, day, week, source, events, xp) {values} "
        f"ON CONFLICT (user_id, day, week, source) "
        f"DO UPDATE SET events = {table}.events + 1, xp = {table}.xp + excluded.xp"
    )


def rebuild_days(users: Q | None = None, *, event_model=XPEvent, day_model=XPDay, batch_size: int = 5000) -> int:
    """Recount the tally of the people `users` selects (a Q on `user_id`; everyone when None)
    from their events; rows written.

    Runs in the caller's transaction. Days and weeks come from the platform calendar (weeks.py):
    the database converts each time, and an event on a Monday before the reset hour counts in
    the week before, as `weeks.week_start_for` says.
    """
    events = event_model.objects.filter(amount__gt=0)
    existing = day_model.objects.all()
    if users is not None:
        events, existing = events.filter(users), existing.filter(users)
    existing.delete()
    tz, reset_hour = weeks.time_zone(), weeks.reset_time().hour
    rows = (
        events.alias(weekday=ExtractIsoWeekDay("timestamp", tzinfo=tz), hour=ExtractHour("timestamp", tzinfo=tz))
        .annotate(
            local_day=TruncDate("timestamp", tzinfo=tz),
            before_reset=Case(
                When(Q(weekday=1, hour__lt=reset_hour), then=Value(True)), default=Value(False)
            ) if reset_hour else Value(False),
        )
        .values("user_id", "source", "local_day", "before_reset")
        .annotate(count=Count("id"), total=Sum("amount"))
        .order_by()
    )
    batch, written = [], 0
    for row in rows.iterator(chunk_size=batch_size):
        day = row["local_day"]
        monday = day - timedelta(days=day.weekday())
        batch.append(day_model(
            user_id=row["user_id"], source=row["source"], day=day, events=row["count"], xp=row["total"],
            week=monday - timedelta(days=7) if row["before_reset"] else monday,
        ))
        if len(batch) >= batch_size:
            written += len(day_model.objects.bulk_create(batch))
            batch = []
    return written + len(day_model.objects.bulk_create(batch))

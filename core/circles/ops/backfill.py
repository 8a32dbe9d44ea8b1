"""Moving an existing community into Thrive Circles (the plan's Phase 4), safely and exactly.

`migrate_to_thrive_circles()` gives every user a profile, backfills one XPEvent per PointsHistory
row, carries over points that no history row explains, builds the first circles and validates.

Invariants, each kept per batch in one transaction:
- Every backfilled event is linked to its PointsHistory row (`XPEvent.points_history`, unique),
  so a rerun finds nothing left to copy: it creates no profile and no event.
- A profile's counters move by exactly the amounts of the events inserted with them, as
  increments (`total_xp = total_xp + batch sum`), never as a recomputed copy. Live awards move
  the same counters by increments too, so the two commute: nothing is lost or counted twice.
- A live award (PointsService) writes its PointsHistory row and its linked XPEvent in one
  transaction, so the backfill's anti-join never sees one without the other and skips it.
- Events keep the award's `created_at` as `timestamp` and its metadata; `weekly_xp` counts the
  events of the running week, exactly as `XPService.add_xp` does.

Work is set-based (INSERT ... SELECT through a per-session temporary table) in user-id ranges, so
memory stays flat whatever the size of the history; one run at a time (a PostgreSQL advisory lock).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, Max, Min, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.points import rules
from core.points.models import PointsHistory

from .. import weeks
from ..assignment.weekly import CircleAssignmentService
from ..exceptions import BackfillAlreadyRunning
from ..ledger import writes
from ..ledger.days import rebuild_days
from ..ledger.levels import INITIAL_LEVELS, LEVEL_BANDS_SQL, in_band_sql, load_default_levels
from ..models import CircleAssignmentRun, ThriveCircle, ThriveCircleLevel, UserThriveProfile, XPEvent, XPSource

logger = logging.getLogger(__name__)

# Marks the one-off events that carry over points no PointsHistory row explains.
CARRY_OVER_KEY = "thrive_backfill"
CARRY_OVER_VALUE = "carry_over"
CARRY_OVER_DESCRIPTION = "Points carried over from before Thrive Circles"
DEFAULT_BATCH_USERS = 2_000
_BACKFILL_LOCK = 0x7C1C1E6  # next to locks._CIRCLE_MEMBERSHIP_LOCK

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class XPMismatch:
    user_id: int
    username: str
    total_xp: int
    events_xp: int

    @property
    def difference(self) -> int:
        return self.total_xp - self.events_xp


@dataclass
class ValidationReport:
    """What the data looks like after (or before) a migration. `ok` means nothing unexplained."""

    xp_mismatch_count: int = 0  # profiles whose total_xp differs from the sum of their events
    xp_mismatches: list[XPMismatch] = field(default_factory=list)  # the first few, for the report
    users_without_profile: int = 0  # joined before the run started and still without a profile
    history_without_event: int = 0  # awarded before the run started and still without an event
    level_mismatch_count: int = 0  # levels that do not match XP (fixed by the next assignment)
    ledger_difference_users: int = 0  # users whose total_points != sum of their PointsHistory
    ledger_difference_points: int = 0  # ... and the net points involved (carried over unless disabled)

    @property
    def ok(self) -> bool:
        return not (self.xp_mismatch_count or self.users_without_profile or self.history_without_event)


@dataclass
class BackfillPlan:
    """What a run would change now (`--dry-run`)."""

    levels_to_load: int
    profiles_to_create: int
    events_to_backfill: int
    points_to_backfill: int
    carry_over_users: int
    carry_over_points: int
    assignment_week: date
    week_has_circles: bool
    report: ValidationReport  # the current state: mismatches here would survive the run


@dataclass
class BackfillResult:
    levels_loaded: int = 0
    profiles_created: int = 0
    events_created: int = 0
    points_backfilled: int = 0
    carry_over_users: int = 0
    carry_over_points: int = 0
    run: CircleAssignmentRun | None = None
    report: ValidationReport = field(default_factory=ValidationReport)


# ---------------------------------------------------------------------------------------------
# Reads. Aggregates are GROUP BY derived tables joined once (one pass over the history and the
# events), not correlated subqueries per user; each read is one statement, so a live award
# committing meanwhile is either wholly in it or wholly out of it (no false alarms).
# ---------------------------------------------------------------------------------------------


def _carry_marker_sql(alias: str) -> str:
    if connection.vendor == "postgresql":
        return f"({alias}.metadata ->> '{CARRY_OVER_KEY}') = '{CARRY_OVER_VALUE}'"
    return f"json_extract({alias}.metadata, '$.{CARRY_OVER_KEY}') = '{CARRY_OVER_VALUE}'"


def _ledger_sql(start: int | None = None, end: int | None = None, *, carried: bool) -> tuple[str, list]:
    """Per user: `amount` = total_points - sum of PointsHistory (- carry-over events if `carried`),
    only where it is not zero, with `joined` = date_joined. Users start <= id < end, or all."""
    users, history, events = get_user_model()._meta.db_table, PointsHistory._meta.db_table, XPEvent._meta.db_table
    ranged = start is not None
    bounds = [start, end] if ranged else []

    def in_range(column: str) -> str:
        return f"{column} >= %s AND {column} < %s AND " if ranged else ""

    params = list(bounds)  # the history aggregate
    carried_join = carried_term = ""
    if carried:
        carried_join = (
            f"LEFT JOIN (SELECT c.user_id, SUM(c.amount) AS s FROM {events} c "
            f"WHERE {in_range('c.user_id')}c.points_history_id IS NULL AND {_carry_marker_sql('c')} "
            "GROUP BY c.user_id) c ON c.user_id = u.id"
        )
        carried_term = " - COALESCE(c.s, 0)"
        params += bounds
    params += bounds  # the users
    sql = f"""
        SELECT u.id AS user_id, u.total_points - COALESCE(h.s, 0){carried_term} AS amount, u.date_joined AS joined
        FROM {users} u
        LEFT JOIN (SELECT h.user_id, SUM(h.points_awarded) AS s FROM {history} h
                   WHERE {in_range('h.user_id')}1 = 1 GROUP BY h.user_id) h ON h.user_id = u.id
        {carried_join}
        WHERE {in_range('u.id')}u.total_points - COALESCE(h.s, 0){carried_term} <> 0
    """
    return sql, params


def _ledger_totals(*, carried: bool) -> tuple[int, int]:
    sql, params = _ledger_sql(carried=carried)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM ({sql}) d", params)
        users, points = cursor.fetchone()
    return users, int(points)


def _xp_mismatches(limit: int) -> tuple[int, list[XPMismatch]]:
    """Profiles whose total_xp is not the sum of their events: how many, and the first `limit`."""
    profiles, users, events = (
        UserThriveProfile._meta.db_table, get_user_model()._meta.db_table, XPEvent._meta.db_table
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT p.user_id, u.username, p.total_xp, COALESCE(e.s, 0), COUNT(*) OVER ()
            FROM {profiles} p JOIN {users} u ON u.id = p.user_id
            LEFT JOIN (SELECT user_id, SUM(amount) AS s FROM {events} GROUP BY user_id) e ON e.user_id = p.user_id
            WHERE p.total_xp <> COALESCE(e.s, 0)
            ORDER BY p.user_id
            LIMIT %s
            """,
            [max(limit, 1)],
        )
        rows = cursor.fetchall()
    count = rows[0][4] if rows else 0
    return count, [XPMismatch(r[0], r[1], r[2], int(r[3])) for r in rows[:limit]]


def _level_mismatch_count() -> int:
    """Profiles whose level is not the one their XP reaches (levels.level_for_xp)."""
    profile = UserThriveProfile._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {profile} p JOIN {LEVEL_BANDS_SQL} band ON {in_band_sql('band', 'p.total_xp')} "
            "WHERE p.current_level_id <> band.id"
        )
        return cursor.fetchone()[0]


def validate(*, started_at: datetime | None = None, limit: int = 20) -> ValidationReport:
    """Check the invariants a migration promises (see ValidationReport)."""
    started_at = started_at or timezone.now()
    with _tuned_session():
        mismatch_count, mismatches = _xp_mismatches(limit)
        ledger_users, ledger_points = _ledger_totals(carried=False)
        return ValidationReport(
            xp_mismatch_count=mismatch_count,
            xp_mismatches=mismatches,
            users_without_profile=get_user_model()
            .objects.filter(thrive_profile__isnull=True, date_joined__lt=started_at)
            .count(),
            history_without_event=PointsHistory.objects.filter(
                xp_event__isnull=True, created_at__lt=started_at
            ).count(),
            level_mismatch_count=_level_mismatch_count(),
            ledger_difference_users=ledger_users,
            ledger_difference_points=ledger_points,
        )


def plan_backfill(*, now: datetime | None = None, carry_over: bool = True) -> BackfillPlan:
    """What `migrate_to_thrive_circles` would change now, without writing anything."""
    now = now or timezone.now()
    with _tuned_session():
        missing = PointsHistory.objects.filter(xp_event__isnull=True).aggregate(
            n=Count("pk"), points=Coalesce(Sum("points_awarded"), 0)
        )
        carry_users, carry_points = _ledger_totals(carried=True) if carry_over else (0, 0)
        week = weeks.assignment_week(now)
        return BackfillPlan(
            levels_to_load=0 if ThriveCircleLevel.objects.exists() else len(INITIAL_LEVELS),
            profiles_to_create=get_user_model().objects.filter(thrive_profile__isnull=True).count(),
            events_to_backfill=missing["n"],
            points_to_backfill=missing["points"],
            carry_over_users=carry_users,
            carry_over_points=carry_points,
            assignment_week=week,
            week_has_circles=ThriveCircle.objects.filter(week_start=week).exists(),
            report=validate(started_at=now),
        )


@contextmanager
def _tuned_session() -> Iterator[None]:
    """PostgreSQL: no JIT for these statements. Their large row estimates trigger JIT compilation,
    which costs more (about a second per statement) than the set-based statements themselves."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        previous = cursor.fetchone()[0]
        cursor.execute("SET jit = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('jit', %s, false)", [previous])


# ---------------------------------------------------------------------------------------------
# Writes
# ---------------------------------------------------------------------------------------------


def migrate_to_thrive_circles(
    *,
    batch_size: int = DEFAULT_BATCH_USERS,
    carry_over: bool = True,
    assign_circles: bool = True,
    progress: Progress | None = None,
    report_limit: int = 20,
) -> BackfillResult:
    """Profiles, XP events and first circles for an existing community; safe to rerun.

    Runs alongside live traffic: each batch of `batch_size` users is one transaction, and
    another run at the same time is refused (BackfillAlreadyRunning). The circles come from
    `CircleAssignmentService.assign_weekly_circles(trigger="migration")`, which is idempotent.
    """
    started_at = timezone.now()
    result = BackfillResult()
    with _single_run(), _tuned_session():
        if not ThriveCircleLevel.objects.exists():
            result.levels_loaded = load_default_levels()
        User = get_user_model()
        bounds = User.objects.order_by().aggregate(lo=Coalesce(Min("pk"), 0), hi=Coalesce(Max("pk"), -1))
        lo, hi = bounds["lo"], bounds["hi"]
        total = max(0, hi - lo + 1)
        if progress:
            progress("users", 0, total)
        for start in range(lo, hi + 1, batch_size):
            end = min(start + batch_size, hi + 1)
            _migrate_batch(start, end, carry_over=carry_over, result=result)
            if progress:
                progress("users", end - lo, total)
        # Users who signed up while the batches ran (ids past `hi`) have profiles from their own
        # first request or award; any legacy rows they have are picked up by a rerun.
    if assign_circles:
        result.run = CircleAssignmentService.assign_weekly_circles(trigger="migration")
    result.report = validate(started_at=started_at, limit=report_limit)
    logger.info(
        "Thrive Circles migration: %d profiles, %d events (%d XP), %d carry-overs (%d XP)",
        result.profiles_created, result.events_created, result.points_backfilled,
        result.carry_over_users, result.carry_over_points,
    )
    return result


@contextmanager
def _single_run() -> Iterator[None]:
    """One migration at a time (PostgreSQL session advisory lock; SQLite has one writer anyway)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [_BACKFILL_LOCK])
        if not cursor.fetchone()[0]:
            raise BackfillAlreadyRunning("Another Thrive Circles migration is running; try again when it ends.")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_BACKFILL_LOCK])


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _uuid_sql() -> str:
    return "gen_random_uuid()" if connection.vendor == "postgresql" else "lower(hex(randomblob(16)))"


def _json_param_sql() -> str:
    return "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"


def _case_sql(column: str, mapping: dict[str, str], default_sql: str) -> tuple[str, list]:
    whens = " ".join("WHEN %s THEN %s" for _ in mapping)
    params = [value for pair in mapping.items() for value in pair]
    return f"CASE {column} {whens} ELSE {default_sql} END", params


def _migrate_batch(start: int, end: int, *, carry_over: bool, result: BackfillResult) -> None:
    """Users with start <= id < end: profiles, backfilled events, carry-over, counters. One transaction."""
    User = get_user_model()
    users, profiles, events = User._meta.db_table, UserThriveProfile._meta.db_table, XPEvent._meta.db_table
    history = PointsHistory._meta.db_table
    now = timezone.now()
    week = weeks.week_start_for(now)
    week_start_at, week_end_at = weeks.week_bounds(week)
    ops = connection.ops
    entry_level = ThriveCircleLevel.objects.order_by("order").values_list("id", flat=True).first()

    with transaction.atomic(), connection.cursor() as cursor:
        writes.open_batch(cursor)

        # 1. The history rows of these users that have no event yet. A live award commits its
        #    row and its event together, so it is never selected here.
        pending = (
            PointsHistory.objects.filter(user_id__gte=start, user_id__lt=end, xp_event__isnull=True)
            .order_by()
            .values_list("pk", "user_id", "points_awarded", "created_at")
        )
        sql, params = pending.query.sql_with_params()
        cursor.execute(f"INSERT INTO {writes.BATCH_TABLE} (history_id, user_id, amount, ts) {sql}", params)

        # 2. Points no history row explains (and no earlier carry-over event covers), dated when
        #    the user joined so they count as history, not as this week's XP.
        if carry_over:
            sql, params = _ledger_sql(start, end, carried=True)
            cursor.execute(f"INSERT INTO {writes.BATCH_TABLE} (user_id, amount, ts) {sql}", params)

        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {writes.BATCH_TABLE}")  # temporary tables get no autovacuum statistics

        # 3. Profiles for every user of the range (the batch holds only these users).
        #    Last activity: the later of joining and the last sign-in; events raise it below.
        cursor.execute(
            f"""
            INSERT INTO {profiles} (user_id, current_level_id, weekly_xp, weekly_xp_week, total_xp,
                                    current_circle_id, weekly_reset_at, last_activity_at, created_at)
            SELECT u.id, %s, 0, %s, 0, NULL, %s,
                   CASE WHEN u.last_login IS NOT NULL AND u.last_login > u.date_joined
                        THEN u.last_login ELSE u.date_joined END,
                   %s
            FROM {users} u LEFT JOIN {profiles} p ON p.user_id = u.id
            WHERE p.id IS NULL AND u.id >= %s AND u.id < %s
            ON CONFLICT (user_id) DO NOTHING
            """,
            [
                entry_level,
                ops.adapt_datefield_value(week),
                ops.adapt_datetimefield_value(week_end_at),
                ops.adapt_datetimefield_value(now),
                start,
                end,
            ],
        )
        result.profiles_created += max(cursor.rowcount, 0)

        # 4. The events themselves.
        source_sql, source_params = _case_sql(
            "h.activity_type", {str(k): str(v) for k, v in rules.XP_SOURCES.items()}, "%s"
        )
        description_sql, description_params = _case_sql(
            "h.activity_type", {str(k): v for k, v in rules.DESCRIPTIONS.items()}, "h.activity_type"
        )
        cursor.execute(
            f"""
            INSERT INTO {events} (id, user_id, amount, source, description, metadata, {_q("timestamp")}, points_history_id)
            SELECT {_uuid_sql()}, h.user_id, h.points_awarded, {source_sql},
                   CASE WHEN h.description <> '' THEN h.description ELSE {description_sql} END,
                   h.metadata, h.created_at, h.id
            FROM {history} h JOIN {writes.BATCH_TABLE} b ON b.history_id = h.id
            ORDER BY h.user_id, h.created_at
            """,
            [*source_params, str(XPSource.OTHER), *description_params],
        )
        if carry_over:
            cursor.execute(
                f"""
                INSERT INTO {events} (id, user_id, amount, source, description, metadata, {_q("timestamp")}, points_history_id)
                SELECT {_uuid_sql()}, b.user_id, b.amount, %s, %s, {_json_param_sql()}, b.ts, NULL
                FROM {writes.BATCH_TABLE} b WHERE b.history_id IS NULL
                """,
                [str(XPSource.OTHER), CARRY_OVER_DESCRIPTION, json.dumps({CARRY_OVER_KEY: CARRY_OVER_VALUE})],
            )

        # 5. Move each profile by exactly what was inserted for it, through the ledger.
        writes.add_batch_to_counters(cursor, now=now)
        rebuild_days(Q(user_id__gte=start, user_id__lt=end))
        cursor.execute(
            f"""
            SELECT COALESCE(SUM(CASE WHEN history_id IS NOT NULL THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN history_id IS NOT NULL THEN amount ELSE 0 END), 0),
                   COUNT(DISTINCT CASE WHEN history_id IS NULL THEN user_id END),
                   COALESCE(SUM(CASE WHEN history_id IS NULL THEN amount ELSE 0 END), 0)
            FROM {writes.BATCH_TABLE}
            """
        )
        rows, points, carried_users, carried_points = cursor.fetchone()
        result.events_created += rows
        result.points_backfilled += points
        result.carry_over_users += carried_users
        result.carry_over_points += carried_points
        cursor.execute(f"DELETE FROM {writes.BATCH_TABLE}")

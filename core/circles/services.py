"""Writes for Thrive Circles: XP awards and weekly circle assignment."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from . import grouping, selectors, weeks, xp_writes
from .signals import send_on_commit, xp_recorded
from .levels import level_by_id, load_default_levels
from .locks import lock_circle_membership
from .models import CircleAssignmentRun, ThriveCircle, ThriveCircleLevel, UserThriveProfile, XPEvent, XPSource

logger = logging.getLogger(__name__)


def _entry_level() -> ThriveCircleLevel:
    """The lowest level; loads the default levels when an operator has not yet done so."""
    level = ThriveCircleLevel.objects.order_by("order").first()
    if level is None:
        logger.warning("No Thrive Circle levels were loaded; loading the defaults.")
        load_default_levels()
        level = ThriveCircleLevel.objects.order_by("order").first()
    return level


def get_or_create_profile(user) -> UserThriveProfile:
    profile = UserThriveProfile.objects.select_related("current_circle").filter(user=user).first()
    if profile is None:
        # get_or_create survives a concurrent insert for the same user (it re-reads on conflict).
        profile, _ = UserThriveProfile.objects.get_or_create(user=user, defaults={"current_level": _entry_level()})
    return profile


def ensure_profile(user) -> UserThriveProfile:
    """The user's profile. Creating one is joining: the newcomer is seated in this week's circles."""
    profile = UserThriveProfile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    now = timezone.now()
    week = weeks.week_start_for(now)
    with transaction.atomic():
        has_circles = ThriveCircle.objects.filter(week_start=week).exists()
        if has_circles:
            lock_circle_membership()
        profile = get_or_create_profile(user)
        if has_circles:
            CircleAssignmentService.seat_newcomers(week, now=now, profile_ids=[profile.pk])
    return profile


def _has_circle_this_week(profile: UserThriveProfile, week) -> bool:
    return profile.current_circle_id is not None and profile.current_circle.week_start >= week


class XPService:
    """Service for managing XP operations."""

    @staticmethod
    def add_xp(user, amount, source=None, description=None, *, metadata=None, points_history=None) -> XPEvent:
        """Record `amount` XP (negative for a correction) for `user` and return the event.

        The counters move in one UPDATE computed by the database, which holds the profile's row
        lock until commit: concurrent awards to one user queue instead of overwriting each other.
        `weekly_xp` counts the week of the event's own timestamp, so an award made around the
        reset lands in exactly one week. A user without a circle this week is seated in one.
        """
        amount = int(amount)
        now = timezone.now()
        week = weeks.week_start_for(now)
        event = XPEvent(
            user=user,
            amount=amount,
            source=source or XPSource.OTHER,
            description=description or f"Earned {amount} XP",
            metadata=metadata or {},
            points_history=points_history,
            timestamp=now,
        )
        profile_id, seated = xp_writes.find_profile(user.pk, week)
        if profile_id is None:
            profile = get_or_create_profile(user)
            profile_id, seated = profile.pk, _has_circle_this_week(profile, week)
        if seated or not ThriveCircle.objects.filter(week_start=week).exists():
            xp_writes.record(profile_id, event, week)
        else:
            with transaction.atomic():
                # Taken before the row lock, in the same order as the weekly job, so the two cannot deadlock.
                lock_circle_membership()
                xp_writes.record(profile_id, event, week)
                CircleAssignmentService.seat_newcomers(week, now=now, profile_ids=[profile_id])
        send_on_commit(xp_recorded, event=event)
        return event

    @staticmethod
    def get_next_monday() -> datetime:
        """The next weekly reset: Monday 00:00 in the configured time zone."""
        return weeks.next_reset()

    @staticmethod
    def get_circle_activity(circle, limit=20):
        """Recent XP events of the circle's members during the circle's week."""
        return selectors.circle_activity(circle, limit=limit)


class CircleAssignmentService:
    """Service for weekly circle assignments."""

    @staticmethod
    def assign_weekly_circles(*, now: datetime | None = None, trigger: str = "command") -> CircleAssignmentRun:
        """Build the circles of the week `weeks.assignment_week(now)` and seat every eligible user.

        Idempotent per week: if the week already has circles, only eligible users without one are
        seated. Concurrent runs serialise on the membership lock, and a run is one transaction, so
        a failure leaves no half-built week. Every run leaves a CircleAssignmentRun record.
        """
        now = now or timezone.now()
        week = weeks.assignment_week(now)
        run = CircleAssignmentRun.objects.create(week_start=week, trigger=trigger, started_at=now)
        try:
            with transaction.atomic():
                lock_circle_membership()
                if ThriveCircle.objects.filter(week_start=week).exists():
                    run.status = CircleAssignmentRun.Status.ALREADY_DONE
                    run.users_placed, run.circles_created = CircleAssignmentService.seat_newcomers(week, now=now)
                else:
                    run.status = CircleAssignmentRun.Status.SUCCEEDED
                    run.users_placed, run.circles_created = CircleAssignmentService._assign_week(week, now=now)
        except Exception as exc:
            run.status, run.error = CircleAssignmentRun.Status.FAILED, f"{type(exc).__name__}: {exc}"
            run.finished_at = timezone.now()
            run.save()
            logger.exception("Thrive Circle assignment for %s failed", week)
            raise
        run.finished_at = timezone.now()
        run.save()
        logger.info("Thrive Circles for %s: %s, %d placed, %d circles", week, run.status, run.users_placed, run.circles_created)
        return run

    @staticmethod
    def _assign_week(week, *, now: datetime) -> tuple[int, int]:
        """Set-based: a constant number of queries whatever the number of users. Lock held."""
        CircleAssignmentService._sync_levels()
        levels = list(ThriveCircleLevel.objects.order_by("order"))
        per_level = dict(
            selectors.eligible_profiles(now).values_list("current_level").annotate(n=Count("id")).order_by()
        )
        buckets = grouping.plan_circles(
            [grouping.LevelCount(level.id, per_level.get(level.id, 0)) for level in levels],
            target=settings.THRIVE_CIRCLE_SIZE,
            min_size=settings.THRIVE_CIRCLE_MIN_SIZE,
            max_size=settings.THRIVE_CIRCLE_MAX_SIZE,
            min_level_size=settings.THRIVE_MIN_LEVEL_SIZE,
        )
        names = {level.id: level.name for level in levels}
        circles = [
            _new_circle(bucket.circle_level_id, names[bucket.circle_level_id], week, sequence)
            for bucket in buckets
            for sequence in range(len(bucket.circle_sizes))
        ]
        ThriveCircle.objects.bulk_create(circles)
        _refresh_circle_statistics()
        placed = _seat_by_rank(buckets, week, active_since=selectors.active_since(now)) if buckets else 0
        _recount_members(ThriveCircle.objects.filter(week_start=week))
        return placed, len(circles)

    @staticmethod
    def _sync_levels() -> None:
        """Move profiles whose level no longer matches their XP (after an operator edits thresholds)."""
        levels = list(ThriveCircleLevel.objects.order_by("min_xp"))
        for index, level in enumerate(levels):
            wrong = UserThriveProfile.objects.exclude(current_level=level)
            if index > 0:
                wrong = wrong.filter(total_xp__gte=level.min_xp)
            if index + 1 < len(levels):
                wrong = wrong.filter(total_xp__lt=levels[index + 1].min_xp)
            wrong.update(current_level=level)

    @staticmethod
    def seat_newcomers(week, *, now: datetime, profile_ids: list[int] | None = None) -> tuple[int, int]:
        """Seat eligible users (or just `profile_ids`) who have no circle of `week` into circles with room.

        Caller holds the membership lock inside a transaction. Returns (seated, circles created).
        """
        newcomers_qs = selectors.eligible_profiles(now).exclude(current_circle__week_start=week)
        if profile_ids is not None:
            newcomers_qs = newcomers_qs.filter(pk__in=profile_ids)
        newcomers = [
            grouping.Newcomer(pk, level_id, order)
            for pk, level_id, order in newcomers_qs.order_by("-total_xp", "pk").values_list(
                "pk", "current_level_id", "current_level__order"
            )
        ]
        if not newcomers:
            return 0, 0
        seats, to_create = grouping.fill_seats(
            newcomers, _seat_candidates(week, newcomers), max_size=settings.THRIVE_CIRCLE_MAX_SIZE
        )
        names = dict(ThriveCircleLevel.objects.values_list("id", "name"))
        created = {plan.key: _new_circle(plan.level_id, names[plan.level_id], week, plan.sequence) for plan in to_create}
        ThriveCircle.objects.bulk_create(created.values())
        reset_at = weeks.week_bounds(week)[1]
        chosen = {pk: created[key].id if key in created else key for pk, key in seats.items()}
        UserThriveProfile.objects.bulk_update(
            [UserThriveProfile(pk=pk, current_circle_id=circle_id, weekly_reset_at=reset_at) for pk, circle_id in chosen.items()],
            ["current_circle", "weekly_reset_at"],
        )
        _recount_members(ThriveCircle.objects.filter(pk__in=set(chosen.values())))
        return len(seats), len(created)


def _seat_candidates(week, newcomers: list[grouping.Newcomer]) -> list[grouping.SeatCircle]:
    """The circles `grouping.fill_seats` needs to seat `newcomers` exactly as it would with all of them.

    Each newcomer takes the emptiest circle with room, so k newcomers only ever reach the k
    emptiest circles of a level; each level's last circle comes too, to number a new one. At 1M
    users a week has ~28k circles, so this reads a few rows per level instead of every member.
    Only the newcomers' levels, unless one of them has no circle this week and borrows a neighbour's.
    """
    levels = {person.level_id for person in newcomers}
    circles = ThriveCircle.objects.filter(week_start=week)
    if set(circles.filter(level_id__in=levels).values_list("level_id", flat=True).distinct()) == levels:
        circles = circles.filter(level_id__in=levels)
    by_level = F("level_id")
    circles = circles.annotate(
        emptiest=Window(RowNumber(), partition_by=by_level, order_by=[F("member_count").asc(), F("sequence").asc()]),
        latest=Window(RowNumber(), partition_by=by_level, order_by=F("sequence").desc()),
    ).filter(Q(emptiest__lte=len(newcomers)) | Q(latest=1))
    rows = list(circles.only("id", "level_id", "sequence", "member_count"))
    order = {level_id: level_by_id(level_id).order for level_id in {c.level_id for c in rows}}
    return [grouping.SeatCircle(c.id, c.level_id, order[c.level_id], c.sequence, c.member_count) for c in rows]


def _recount_members(circles) -> None:
    """Store each circle's member count, counted from the profiles (one UPDATE)."""
    members = UserThriveProfile.objects.filter(current_circle=OuterRef("pk")).order_by().values("current_circle")
    circles.update(member_count=Coalesce(Subquery(members.annotate(n=Count("pk")).values("n")), 0))


def _new_circle(level_id: int, level_name: str, week, sequence: int) -> ThriveCircle:
    return ThriveCircle(
        level_id=level_id,
        week_start=week,
        week_end=week + timedelta(days=6),
        sequence=sequence,
        name=f"{level_name} Circle {grouping.circle_suffix(sequence)}",
    )


def _refresh_circle_statistics() -> None:
    """Let PostgreSQL see the circles just inserted in this transaction.

    Without fresh statistics it estimates a handful of circles for the week and joins them to
    700k profiles with a nested comparison (minutes at 1M users, bench/assignment.py); ANALYZE
    inside the transaction sees the new rows and the seating UPDATE gets a hash join.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ThriveCircle._meta.db_table}")
            cursor.execute("SET LOCAL work_mem = '64MB'")  # the ranking sort spilled to disk at 1M


def _seat_by_rank(buckets: list[grouping.Bucket], week, *, active_since: datetime) -> int:
    """One UPDATE seats every eligible user: rank by XP within the bucket, then the circle
    index of `grouping.circle_index` (balanced sizes q+1 for the first r circles, q after)."""
    rows = []
    for bucket in buckets:
        q, r = divmod(bucket.size, len(bucket.circle_sizes))
        rows += [(level_id, bucket.circle_level_id, q, r) for level_id in bucket.level_ids]
    values = ", ".join(["(CAST(%s AS INTEGER), CAST(%s AS INTEGER), CAST(%s AS INTEGER), CAST(%s AS INTEGER))"] * len(rows))
    profile, circle = UserThriveProfile._meta.db_table, ThriveCircle._meta.db_table
    ops = connection.ops
    sql = f"""
        WITH bucket(level_id, circle_level_id, q, r) AS (VALUES {values}),
        ranked AS (
            SELECT p.id AS profile_id, b.circle_level_id, b.q, b.r,
                   ROW_NUMBER() OVER (PARTITION BY b.circle_level_id ORDER BY p.total_xp DESC, p.id) - 1 AS rnk
            FROM {profile} p JOIN bucket b ON b.level_id = p.current_level_id
            WHERE p.last_activity_at >= %s
        ),
        seated AS (
            SELECT profile_id, circle_level_id,
                   CASE WHEN rnk < r * (q + 1) THEN rnk / (q + 1) ELSE r + (rnk - r * (q + 1)) / q END AS seq
            FROM ranked
        )
        UPDATE {profile} SET current_circle_id = c.id, weekly_reset_at = %s
        FROM seated s JOIN {circle} c
          ON c.level_id = s.circle_level_id AND c.sequence = s.seq AND c.week_start = %s
        WHERE {profile}.id = s.profile_id
    """
    params = [value for row in rows for value in row] + [
        ops.adapt_datetimefield_value(active_since),
        ops.adapt_datetimefield_value(weeks.week_bounds(week)[1]),
        ops.adapt_datefield_value(week),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    # sqlite3 reports no rowcount for a statement that starts with WITH, so count instead.
    return UserThriveProfile.objects.filter(current_circle__week_start=week).count()

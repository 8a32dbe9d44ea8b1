"""The weekly job: build a week's circles and seat every eligible person, in one transaction."""

import logging
from collections import Counter
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from .. import weeks
from ..ledger.levels import LEVEL_BANDS_SQL, in_band_sql
from ..models import CircleAssignmentRun, CircleMembership, ThriveCircle, ThriveCircleLevel, UserThriveProfile
from ..signals import circle_seated, send_on_commit
from . import grouping, ranking, seating
from .eligibility import active_since, eligible_profiles
from .locks import lock_circle_membership
from .publishing import publish_week

logger = logging.getLogger(__name__)


class CircleAssignmentService:
    """Service for weekly circle assignments."""

    @staticmethod
    def assign_weekly_circles(*, now: datetime | None = None, trigger: str = "command") -> CircleAssignmentRun:
        """Build the circles of the week `weeks.assignment_week(now)` and seat every eligible user.

        Idempotent per week: if the week already has circles, only eligible users without one are
        seated. Concurrent runs serialise on the week's membership lock. The week's circles and
        memberships are one transaction that locks no profile row, so a failure leaves no
        half-built week and awards never wait for it; `current_circle` follows afterwards in
        short batches (publishing.py), which the next run finishes if this one stops half way.
        Every run leaves a CircleAssignmentRun record.
        """
        now = now or timezone.now()
        week = weeks.assignment_week(now)
        run = CircleAssignmentRun.objects.create(week_start=week, trigger=trigger, started_at=now)
        try:
            if not ThriveCircle.objects.filter(week_start=week).exists():
                sync_levels()  # its own short statement: a threshold edit moves few rows
            with transaction.atomic():
                lock_circle_membership(week)
                if ThriveCircle.objects.filter(week_start=week).exists():
                    run.status = CircleAssignmentRun.Status.ALREADY_DONE
                    run.users_placed, run.circles_created = seating.seat_newcomers(week, now=now)
                else:
                    run.status = CircleAssignmentRun.Status.SUCCEEDED
                    run.users_placed, run.circles_created = CircleAssignmentService._assign_week(week, now=now)
            publish_week(week)
            run.published_at = timezone.now()
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
        buckets, created = create_circles(week, now=now)
        seats = ranking.seat_by_rank(buckets, week, active_since=active_since(now)) if buckets else Counter()
        refresh_statistics(CircleMembership)
        placed = sum(seats.values())
        # A bucket seats at most its planned people (a rank past them has no circle), so if all of
        # them came every circle holds its planned size, the count create_circles stored. Someone
        # whose level or activity changed since the plan leaves a bucket short.
        if placed != sum(bucket.size for bucket in buckets):
            seating.correct_member_counts(week, seats)
        send_on_commit(circle_seated, week=week, profile_ids=None)
        return placed, created


def create_circles(week, *, now: datetime) -> tuple[list[grouping.Bucket], int]:
    """Plan the week from the eligible people per level and insert its circles, empty but counted
    at their planned sizes. Lock held. Returns the buckets to seat and how many circles were created."""
    levels = list(ThriveCircleLevel.objects.order_by("order"))
    per_level = dict(eligible_profiles(now, week=week).values_list("current_level").annotate(n=Count("id")).order_by())
    buckets = grouping.plan_circles(
        [grouping.LevelCount(level.id, per_level.get(level.id, 0)) for level in levels],
        target=settings.THRIVE_CIRCLE_SIZE,
        min_size=settings.THRIVE_CIRCLE_MIN_SIZE,
        max_size=settings.THRIVE_CIRCLE_MAX_SIZE,
        min_level_size=settings.THRIVE_MIN_LEVEL_SIZE,
    )
    names = {level.id: level.name for level in levels}
    plans = [
        (bucket.circle_level_id, names[bucket.circle_level_id], sequence, size)
        for bucket in buckets
        for sequence, size in enumerate(bucket.circle_sizes)
    ]
    seating.insert_circles(week, plans)
    refresh_statistics(ThriveCircle)
    _sort_in_memory()
    return buckets, len(plans)


def sync_levels() -> None:
    """Move profiles whose level no longer matches their XP (after an operator edits thresholds)."""
    profile = UserThriveProfile._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {profile} SET current_level_id = band.id FROM {LEVEL_BANDS_SQL} band "
            f"WHERE {in_band_sql('band', f'{profile}.total_xp')} AND {profile}.current_level_id <> band.id"
        )


def refresh_statistics(model) -> None:
    """Let PostgreSQL see the rows of `model` just inserted in this transaction (autovacuum
    cannot before commit; ANALYZE inside the transaction counts them, and others see the new
    statistics with the rows, at commit).

    Circles: without it PostgreSQL estimates a handful of circles for the week and joins them to
    700k profiles with a nested comparison (minutes at 1M users, bench/assignment.py).
    Memberships: every week is in the statistics' common values, so a week not in them is
    estimated at one row; a person's membership of the new week was then found by reading all
    700k of it (0.6 s per award and page after the run, with 26 weeks kept).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {model._meta.db_table}")


def _sort_in_memory() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL work_mem = '64MB'")  # the ranking sort spilled to disk at 1M

"""Seating people in a week's circles after the weekly job: newcomers, returning people and
anyone the job missed. Each takes the emptiest circle of their level with room."""

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from .. import weeks
from ..signals import circle_seated, send_on_commit
from ..ledger.levels import level_by_id
from ..models import CircleMembership, ThriveCircle, ThriveCircleLevel, UserThriveProfile, time_ordered_uuid
from . import grouping
from .eligibility import eligible_profiles


def seat_newcomers(week, *, now: datetime, profile_ids: list[int] | None = None) -> tuple[int, int]:
    """Seat eligible users (or just `profile_ids`) who have no circle of `week` into circles with room.

    Caller holds the membership lock inside a transaction. Returns (seated, circles created).
    """
    newcomers_qs = eligible_profiles(now, week=week).exclude(memberships__week_start=week)
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
        newcomers,
        _seat_candidates(week, newcomers),
        target=settings.THRIVE_CIRCLE_SIZE,
        max_size=settings.THRIVE_CIRCLE_MAX_SIZE,
        min_new=settings.THRIVE_NEW_CIRCLE_MIN_SIZE,
    )
    names = dict(ThriveCircleLevel.objects.values_list("id", "name"))
    created = {plan.key: new_circle(plan.level_id, names[plan.level_id], week, plan.sequence) for plan in to_create}
    ThriveCircle.objects.bulk_create(created.values())
    chosen = {pk: created[key].id if key in created else key for pk, key in seats.items()}
    CircleMembership.objects.bulk_create(
        CircleMembership(week_start=week, profile_id=pk, circle_id=circle_id) for pk, circle_id in chosen.items()
    )
    # current_circle names the latest week's circle: leave it on a later week's, if built already.
    later = set(UserThriveProfile.objects.filter(pk__in=chosen, current_circle__week_start__gt=week).values_list("pk", flat=True))
    reset_at = weeks.week_bounds(week)[1]
    UserThriveProfile.objects.bulk_update(
        [UserThriveProfile(pk=pk, current_circle_id=circle, weekly_reset_at=reset_at) for pk, circle in chosen.items() if pk not in later],
        ["current_circle", "weekly_reset_at"],
    )
    recount_members(ThriveCircle.objects.filter(pk__in=set(chosen.values())))
    send_on_commit(circle_seated, week=week, profile_ids=sorted(chosen))
    return len(seats), len(created)


def _seat_candidates(week, newcomers: list[grouping.Newcomer]) -> list[grouping.SeatCircle]:
    """The circles `grouping.fill_seats` needs to seat `newcomers` exactly as it would with all of them.

    Each newcomer takes the emptiest circle with room of the nearest level, so k newcomers only
    ever reach the k emptiest circles of a level; each level's last circle comes too, to number a
    new one. At 1M users a week has ~28k circles, so this reads a few rows per level instead of
    every member.
    """
    circles = ThriveCircle.objects.filter(week_start=week)
    by_level = F("level_id")
    circles = circles.annotate(
        emptiest=Window(RowNumber(), partition_by=by_level, order_by=[F("member_count").asc(), F("sequence").asc()]),
        latest=Window(RowNumber(), partition_by=by_level, order_by=F("sequence").desc()),
    ).filter(Q(emptiest__lte=len(newcomers)) | Q(latest=1))
    rows = list(circles.only("id", "level_id", "sequence", "member_count"))
    order = {level_id: level_by_id(level_id).order for level_id in {c.level_id for c in rows}}
    return [grouping.SeatCircle(c.id, c.level_id, order[c.level_id], c.sequence, c.member_count) for c in rows]


def recount_members(circles) -> None:
    """Store each circle's member count, counted from its memberships (one UPDATE)."""
    members = CircleMembership.objects.filter(circle=OuterRef("pk")).order_by().values("circle")
    circles.update(member_count=Coalesce(Subquery(members.annotate(n=Count("pk")).values("n")), 0))


def correct_member_counts(week, seats: Counter) -> None:
    """Store the member count of each circle of `week` whose planned count `seats` contradicts."""
    wrong = [
        ThriveCircle(pk=pk, member_count=seats[pk])
        for pk, planned in ThriveCircle.objects.filter(week_start=week).values_list("pk", "member_count")
        if seats[pk] != planned
    ]
    ThriveCircle.objects.bulk_update(wrong, ["member_count"], batch_size=1_000)


def new_circle(level_id: int, level_name: str, week, sequence: int, *, member_count: int = 0) -> ThriveCircle:
    return ThriveCircle(
        level_id=level_id,
        week_start=week,
        week_end=week + timedelta(days=6),
        sequence=sequence,
        name=circle_name(level_name, sequence),
        member_count=member_count,
    )


def circle_name(level_name: str, sequence: int) -> str:
    return f"{level_name} Circle {grouping.circle_suffix(sequence)}"


def insert_circles(week, plans: list[tuple[int, str, int, int]]) -> None:
    """Insert `week`'s circles, one per (level id, level name, sequence, member count).

    On PostgreSQL one INSERT from arrays: 28k circles (1M profiles) as model instances cost
    1.2 s of the weekly job (instances, then 200k bound parameters), from arrays 0.3 s.
    """
    if connection.vendor != "postgresql":
        ThriveCircle.objects.bulk_create(
            new_circle(level_id, name, week, sequence, member_count=members) for level_id, name, sequence, members in plans
        )
        return
    if not plans:
        return
    level_ids, level_names, sequences, members = map(list, zip(*plans))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {ThriveCircle._meta.db_table}
                (id, level_id, week_start, week_end, name, sequence, member_count, created_at)
            SELECT plan.id, plan.level_id, %s, %s, plan.name, plan.sequence, plan.members, %s
            FROM unnest(%s::uuid[], %s::integer[], %s::integer[], %s::integer[], %s::text[])
                AS plan(id, level_id, sequence, members, name)
            """,
            [
                week, week + timedelta(days=6), timezone.now(),
                [time_ordered_uuid() for _ in plans], level_ids, sequences, members,
                [circle_name(name, sequence) for name, sequence in zip(level_names, sequences)],
            ],
        )

"""Writes of notifications: creating them once per key, reading them, opt-outs, and the evening nudge.

Every notification is created through `notify_many`: rows for people who opted out of the kind are
not created; the unique (user, dedupe_key) constraint makes a repeat (a receiver run twice, a task
retried, two workers) create nothing; new ones reach the person's open pages after commit.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime

from django.db import connection, transaction
from django.utils import timezone

from core.circles.models import CircleMembership, ThriveCircle, UserThriveProfile
from core.live import groups
from core.live.services import relay_on_commit

from . import selectors
from .kinds import PREFERENCE_FIELDS, Kind
from .models import Notification, NotificationPreferences
from .serializers import NotificationSerializer

logger = logging.getLogger(__name__)

# Above this many new notifications in one call (a whole week's circles), pages are not told live:
# they see them at their next poll of the bell rather than a burst of messages in the channel layer.
LIVE_FANOUT_LIMIT = 500
BATCH = 2_000


@dataclass(frozen=True)
class Item:
    user_id: int
    payload: dict
    dedupe_key: str


def notify(user_id: int, kind: Kind, payload: dict, *, dedupe_key: str, now: datetime | None = None) -> Notification | None:
    """One notification; returns it when created now, None when it existed or was opted out of."""
    created = notify_many(kind, [Item(user_id, payload, dedupe_key)], now=now)
    return created[0] if created else None


@transaction.atomic
def notify_many(kind: Kind, items: list[Item], *, now: datetime | None = None) -> list[Notification]:
    """Create the notifications of `items` that do not exist yet; returns those created by this call.

    Idempotent by (user, dedupe_key). Runs in a transaction; each new one is sent to the person's
    socket group (`{"type": "notification", "notification": {...}}`) after commit. Under a race two
    callers may both think they created a row (only one exists): at worst a page is told twice,
    which only refreshes its bell.
    """
    now = now or timezone.now()
    skip = selectors.opted_out({item.user_id for item in items}, kind)
    wanted = {(item.user_id, item.dedupe_key): item for item in items if item.user_id not in skip}
    if not wanted:
        return []
    existing = set(
        Notification.objects.filter(user_id__in={u for u, _ in wanted}, dedupe_key__in={k for _, k in wanted}).values_list(
            "user_id", "dedupe_key"
        )
    )
    new = [key for key in wanted if key not in existing]
    Notification.objects.bulk_create(
        [Notification(user_id=u, kind=kind, payload=wanted[(u, k)].payload, dedupe_key=k, created_at=now) for u, k in new],
        ignore_conflicts=True,
    )
    new_keys = set(new)
    created = [
        row
        for row in Notification.objects.filter(user_id__in={u for u, _ in new}, dedupe_key__in={k for _, k in new})
        if (row.user_id, row.dedupe_key) in new_keys
    ]
    if len(created) <= LIVE_FANOUT_LIMIT:
        for row in created:
            relay_on_commit(groups.user_group(row.user_id), live_message(row))
    return created


def live_message(notification: Notification) -> dict:
    return {"type": "notification", "notification": dict(NotificationSerializer(notification).data)}


def mark_read(user, *, ids: list[int] | None = None, now: datetime | None = None) -> int:
    """Mark the person's notifications `ids` (all of them when None) read; returns how many were
    unread. Ids of other people's notifications are ignored (they are not the person's to mark)."""
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read_at=now or timezone.now())


def update_preferences(user, changes: dict[str, bool]) -> dict[str, bool]:
    """Apply `changes` (preference field: on) and return every preference."""
    changes = {field: value for field, value in changes.items() if field in PREFERENCE_FIELDS}
    NotificationPreferences.objects.update_or_create(user=user, defaults=changes)
    return selectors.preferences_of(user)


# --- From other apps' events ------------------------------------------------------------------------
def notify_circle_seated(week: date, profile_ids: list[int] | None, *, now: datetime | None = None) -> int:
    """"You're in <circle> this week" for the people seated in `week` (everyone in it when
    `profile_ids` is None). Idempotent per person and week. Returns how many were created."""
    now = now or timezone.now()
    if profile_ids is None:
        return _notify_whole_week(week, now=now)
    seats = CircleMembership.objects.filter(week_start=week, profile_id__in=profile_ids).values_list("profile__user_id", "circle__name")
    items = [Item(user_id, {"week": week.isoformat(), "circle_name": name}, f"circle:{week.isoformat()}") for user_id, name in seats]
    created = 0
    for start in range(0, len(items), BATCH):
        created += len(notify_many(Kind.CIRCLE_ASSIGNED, items[start : start + BATCH], now=now))
    return created


def _notify_whole_week(week: date, *, now: datetime) -> int:
    """Everyone seated in `week`, in one set-based statement (the weekly job seats up to millions;
    row by row this would hold up the job). Skips opt-outs; ON CONFLICT makes a rerun a no-op. Not
    sent live: pages see them at their next poll."""
    membership, profile = CircleMembership._meta.db_table, UserThriveProfile._meta.db_table
    circle, notification = ThriveCircle._meta.db_table, Notification._meta.db_table
    preferences = NotificationPreferences._meta.db_table
    payload = (
        "json_build_object('week', %s::text, 'circle_name', c.name)::jsonb"
        if connection.vendor == "postgresql"
        else "json_object('week', %s, 'circle_name', c.name)"
    )
    ops = connection.ops
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {notification} (user_id, kind, payload, created_at, read_at, dedupe_key)
            SELECT p.user_id, %s, {payload}, %s, NULL, %s
            FROM {membership} m
            JOIN {profile} p ON p.id = m.profile_id
            JOIN {circle} c ON c.id = m.circle_id
            WHERE m.week_start = %s
              AND NOT EXISTS (SELECT 1 FROM {preferences} np WHERE np.user_id = p.user_id AND np.circle_assigned = %s)
            ON CONFLICT (user_id, dedupe_key) DO NOTHING
            """,
            [
                Kind.CIRCLE_ASSIGNED.value,
                week.isoformat(),
                ops.adapt_datetimefield_value(now),
                f"circle:{week.isoformat()}",
                ops.adapt_datefield_value(week),
                False,
            ],
        )
        return max(cursor.rowcount, 0)


def nudge_streaks_at_risk(*, now: datetime | None = None) -> int:
    """The evening reminder: once per person and local day (the key holds the date). Safe to run
    any number of times an hour. Returns how many were created."""
    now = now or timezone.now()
    items = [
        Item(n.user_id, {"streak": n.streak, "date": n.local_date.isoformat()}, f"streak:{n.local_date.isoformat()}")
        for n in selectors.people_to_nudge(now)
    ]
    created = 0
    for start in range(0, len(items), BATCH):
        created += len(notify_many(Kind.STREAK_AT_RISK, items[start : start + BATCH], now=now))
    return created

"""Writes of notifications: creating them once per key, reading them, opt-outs, and the evening nudge.

Every notification is created through `notify_many`: rows for people who opted out of the kind are
not created; the unique (user, dedupe_key) constraint makes a repeat (a receiver run twice, a task
retried, two workers) create nothing; new ones reach the person's open pages after commit.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core.circles import weeks

from core.circles.models import CircleMembership
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
    """"You're in <circle> this week" for people seated in `week` one by one (newcomers, people
    back from a rest). Idempotent per person and week. Returns how many were created.

    The weekly job's whole week (`profile_ids` None) creates nothing here: written in its run, up to
    a million rows held the job up by ~19 s at 1M people (bench/assignment.py), and a week built
    ahead would be announced before its reset. Each person's is written when they first look at
    their notifications in the week (`catch_up_on_this_week`).
    """
    if profile_ids is None:
        return 0
    seats = CircleMembership.objects.filter(week_start=week, profile_id__in=profile_ids).values_list("profile__user_id", "circle__name")
    items = [_circle_item(user_id, week, name) for user_id, name in seats]
    created = 0
    for start in range(0, len(items), BATCH):
        created += len(notify_many(Kind.CIRCLE_ASSIGNED, items[start : start + BATCH], now=now))
    return created


def catch_up_on_this_week(user, *, now: datetime | None = None) -> None:
    """Before reading a person's notifications: their "new circle" of the running week, once.

    Remembered in the cache per person and week, so the bell's polls cost nothing after the first.
    """
    now = now or timezone.now()
    week = weeks.week_start_for(now)
    remembered = f"notifications:week-seen:{user.pk}:{week.isoformat()}"
    if cache.get(remembered):
        return
    name = CircleMembership.objects.filter(week_start=week, profile__user=user).values_list("circle__name", flat=True).first()
    if name is not None:
        notify_many(Kind.CIRCLE_ASSIGNED, [_circle_item(user.pk, week, name)], now=weeks.week_bounds(week)[0])
    cache.set(remembered, True, timeout=7 * 24 * 3600)


def _circle_item(user_id: int, week: date, circle_name: str) -> Item:
    return Item(user_id, {"week": week.isoformat(), "circle_name": circle_name}, f"circle:{week.isoformat()}")


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

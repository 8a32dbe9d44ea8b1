"""Joining Thrive Circles: a person's first visit or first award of the week gives them a seat.

An award is the ledger's, but a person without a circle this week is seated by it, so the award
that the plan calls `XPService.add_xp` is composed here: the ledger writes, seating seats.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .. import weeks
from ..ledger import awards
from ..ledger.levels import entry_level
from ..ledger.writes import find_profile
from ..models import CircleMembership, ThriveCircle, UserThriveProfile, XPEvent
from .locks import lock_circle_membership
from .seating import seat_newcomers


def add_xp(user, amount, source=None, description=None, *, metadata=None, points_history=None) -> XPEvent:
    """Record `amount` XP (negative for a correction) for `user` and return the event.

    The counters move in one UPDATE computed by the database, which holds the profile's row
    lock until commit: concurrent awards to one user queue instead of overwriting each other.
    `weekly_xp` counts the week of the event's own timestamp, so an award made around the
    reset lands in exactly one week. A user without a circle this week is seated in one, after
    the award has set their level.
    """
    now = timezone.now()
    week = weeks.week_start_for(now)
    event = awards.new_event(
        user, amount, source, description, metadata=metadata, points_history=points_history, now=now
    )
    profile_id, seated, level_id = find_profile(user.pk, week)
    if profile_id is None:
        profile = _get_or_create_profile(user)
        profile_id, level_id = profile.pk, profile.current_level_id
        seated = CircleMembership.objects.filter(profile=profile, week_start=week).exists()
    if seated or not ThriveCircle.objects.filter(week_start=week).exists():
        return awards.record_award(profile_id, event, week, level_before=level_id)
    with transaction.atomic():
        # Taken before the row lock, in the same order as seating, so the two cannot deadlock.
        lock_circle_membership(week)
        awards.record_award(profile_id, event, week, level_before=level_id)
        seat_newcomers(week, now=now, profile_ids=[profile_id])
    return event


def join_thrive_circles(user, *, now: datetime | None = None) -> UserThriveProfile:
    """The user's profile; creating one is joining, so a newcomer is seated in this week's circles."""
    profile = UserThriveProfile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    now = now or timezone.now()
    week = weeks.week_start_for(now)
    with transaction.atomic():
        has_circles = ThriveCircle.objects.filter(week_start=week).exists()
        if has_circles:
            lock_circle_membership(week)
        profile = _get_or_create_profile(user)
        if has_circles:
            seat_newcomers(week, now=now, profile_ids=[profile.pk])
    return profile


def _get_or_create_profile(user) -> UserThriveProfile:
    """The profile, created at the entry level if missing; nobody is seated here."""
    profile = UserThriveProfile.objects.filter(user=user).first()
    if profile is None:
        # get_or_create survives a concurrent insert for the same user (it re-reads on conflict).
        profile, _ = UserThriveProfile.objects.get_or_create(user=user, defaults={"current_level": entry_level()})
    return profile

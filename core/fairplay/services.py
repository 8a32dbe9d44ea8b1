"""Fair-play writes: deciding what an award is worth, flagging XP spikes, and the review decisions."""

import logging
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.circles import weeks
from core.circles.models import UserThriveProfile, XPSource
from core.circles.services import XPService
from core.exceptions import NotFound

from . import explain, limits, selectors, spikes
from .defaults import DEFAULT_RULES
from .exceptions import ReviewAlreadyDecided
from .models import FairPlayRule, SpikeReview

logger = logging.getLogger(__name__)


def lock_user(user_id: int) -> None:
    """Lock the user's row until the transaction ends: awards to one person queue here.

    FOR NO KEY UPDATE, not FOR UPDATE: inserting an XPEvent or PointsHistory row that points at
    the user takes a KEY SHARE lock, which FOR UPDATE would block (and could deadlock with an
    XPService.add_xp call that already holds the profile row).
    """
    list(get_user_model().objects.select_for_update(no_key=True).filter(pk=user_id).values_list("pk", flat=True))


def load_default_rules() -> int:
    """Create the default rule of every activity type that has none; edited rules are kept.

    Safe to call concurrently (conflicting inserts are ignored). Returns how many were missing.
    """
    existing = set(FairPlayRule.objects.values_list("activity_type", flat=True))
    missing = [
        FairPlayRule(
            activity_type=activity_type,
            full_points_per_day=full,
            repeat_decay_percent=decay,
            daily_xp_cap=cap,
            cooldown_seconds=cooldown,
        )
        for activity_type, (full, decay, cap, cooldown) in DEFAULT_RULES.items()
        if activity_type not in existing
    ]
    FairPlayRule.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def limits_for(activity_type: str) -> limits.Limits | None:
    """The activity's limits, or None (no limits) when its rule is switched off or deleted.

    An empty rules table (a fresh database whose data migration was flushed, e.g. in tests) is
    seeded with the defaults on first use, so limits never vanish by accident.
    """
    rule = FairPlayRule.objects.filter(activity_type=activity_type).first()
    if rule is None and not FairPlayRule.objects.exists():
        logger.warning("No fair-play rules found; loading the defaults.")
        load_default_rules()
        rule = FairPlayRule.objects.filter(activity_type=activity_type).first()
    return rule.as_limits() if rule is not None and rule.is_active else None


def assess_award(user, activity_type: str, base_points: int, *, now: datetime) -> limits.Decision:
    """What an award of `base_points` is worth now under the activity's rule.

    Precondition: runs in the award's transaction with the user's row locked
    (select_for_update), so concurrent awards to one user are counted one after the other.
    """
    rule = limits_for(activity_type)
    if rule is None:
        return limits.Decision(base_points, base_points)
    usage = selectors.usage_today(user, activity_type, now=now, cooldown_seconds=rule.cooldown_seconds)
    return limits.decide(base_points, rule, usage)


def explain_award(activity_type: str, decision: limits.Decision, *, now: datetime) -> str:
    """The person's message for an award that earned less ("" for full points): why, and when it counts fully again."""
    tomorrow = weeks.day_start(now) + timedelta(days=1)
    return explain.friendly_message(activity_type, decision, seconds_to_tomorrow=(tomorrow - now).total_seconds())


def fair_play_in_words() -> list[dict]:
    """Every active rule in plain words, for the help page: [{"activity_type", "rules": [sentences]}]."""
    rows = []
    for rule in FairPlayRule.objects.filter(is_active=True).order_by("activity_type"):
        words = explain.limits_in_words(rule.as_limits(), rule.activity_type)
        if words:
            rows.append({"activity_type": rule.activity_type, "rules": words})
    return rows


def _spike_settings() -> dict:
    return {"multiplier": settings.THRIVE_SPIKE_MULTIPLIER, "floor": settings.THRIVE_SPIKE_FLOOR_XP}


def _new_review(user_id: int, week: date, week_xp: int, prior: list[int], now: datetime) -> SpikeReview:
    return SpikeReview(
        user_id=user_id,
        week_start=week,
        weekly_xp=week_xp,
        baseline_xp=spikes.baseline(prior),
        threshold_xp=spikes.threshold(prior, **_spike_settings()),
        prior_weeks_xp=prior,
        flagged_at=now,
    )


# --- XP spikes: weeks far above a person's own pattern, and a reviewer's decision ---------------


def check_spike_after_award(user, *, now: datetime | None = None) -> SpikeReview | None:
    """Flag the running week if the award just made pushed it over the spike threshold.

    Cheap for almost every award: one read of the profile's weekly XP; the history is read
    only above the floor and only until the week has a review. Precondition: inside the
    award's transaction with the user's row locked. Returns the new review, if any.
    """
    now = now or timezone.now()
    week = weeks.week_start_for(now)
    week_xp = (
        UserThriveProfile.objects.filter(user=user, weekly_xp_week=week).values_list("weekly_xp", flat=True).first()
    )
    if week_xp is None or week_xp <= settings.THRIVE_SPIKE_FLOOR_XP:
        return None
    if SpikeReview.objects.filter(user=user, week_start=week).exists():
        return None
    prior = selectors.weekly_xp_before([user.pk], week, lookback=settings.THRIVE_SPIKE_LOOKBACK_WEEKS)[user.pk]
    if not spikes.is_spike(week_xp, prior, **_spike_settings()):
        return None
    review = _new_review(user.pk, week, week_xp, prior, now)
    review, created = SpikeReview.objects.get_or_create(
        user=user, week_start=week, defaults={f.attname: getattr(review, f.attname) for f in _REVIEW_FIELDS}
    )
    if created:
        logger.info("XP spike flagged for review: user %s, week of %s, %s XP", user.pk, week, week_xp)
    return review if created else None


@transaction.atomic
def detect_spikes(week: date | None = None, *, now: datetime | None = None) -> int:
    """Flag every spike of `week` (default: the running week) that has no review yet.

    The backstop for XP granted outside PointsService. Set-based: one query finds the weeks
    above the floor, one reads those people's previous weeks. Idempotent (one review per
    person and week). Returns how many reviews were created.
    """
    now = now or timezone.now()
    week = week or weeks.week_start_for(now)
    above = selectors.weeks_above(settings.THRIVE_SPIKE_FLOOR_XP, week)
    reviewed = set(SpikeReview.objects.filter(week_start=week, user_id__in=above).values_list("user_id", flat=True))
    candidates = [user_id for user_id in above if user_id not in reviewed]
    if not candidates:
        return 0
    prior = selectors.weekly_xp_before(candidates, week, lookback=settings.THRIVE_SPIKE_LOOKBACK_WEEKS)
    new = [
        _new_review(user_id, week, above[user_id], prior[user_id], now)
        for user_id in candidates
        if spikes.is_spike(above[user_id], prior[user_id], **_spike_settings())
    ]
    created = SpikeReview.objects.bulk_create(new, ignore_conflicts=True)
    logger.info("XP spike sweep for the week of %s: %d flagged", week, len(created))
    return len(created)


@transaction.atomic
def approve_review(review_id: int, *, reviewer, note: str = "") -> SpikeReview:
    """The XP stands; the flag is cleared. Only a pending review can be decided."""
    review = _pending(review_id)
    review.status, review.decided_at, review.decided_by, review.note = (
        SpikeReview.Status.APPROVED, timezone.now(), reviewer, note
    )
    review.save(update_fields=["status", "decided_at", "decided_by", "note"])
    return review


@transaction.atomic
def reject_review(review_id: int, *, reviewer, note: str = "") -> SpikeReview:
    """Take back the week's XP above the person's usual week with a visible correcting event.

    The correction goes through XPService.add_xp, so total XP, level and the history stay in
    step; it is dated now (it lands in the week of the decision). The user's row is locked
    while the week's XP is read, so an award at the same moment cannot slip between.
    """
    review = _pending(review_id)
    lock_user(review.user_id)
    week_xp = selectors.week_xp(review.user_id, review.week_start)
    amount = spikes.excess(week_xp, review.baseline_xp)
    if amount:
        review.correction_event = XPService.add_xp(
            review.user,
            -amount,
            XPSource.OTHER,
            f"Correction after review: {amount} XP above your usual week "
            f"(week of {review.week_start:%d %b %Y}) taken back",
            metadata={"spike_review_id": review.pk, "week_start": review.week_start.isoformat()},
        )
    review.status, review.decided_at, review.decided_by, review.note = (
        SpikeReview.Status.REJECTED, timezone.now(), reviewer, note
    )
    review.reversed_xp = amount
    review.save(update_fields=["status", "decided_at", "decided_by", "note", "reversed_xp", "correction_event"])
    return review


_REVIEW_FIELDS = [
    f for f in SpikeReview._meta.concrete_fields
    if f.attname in {"weekly_xp", "baseline_xp", "threshold_xp", "prior_weeks_xp", "flagged_at"}
]


def _pending(review_id: int) -> SpikeReview:
    review = SpikeReview.objects.select_for_update(of=("self",)).select_related("user").filter(pk=review_id).first()
    if review is None:
        raise NotFound(f"No spike review {review_id}.")
    if review.status != SpikeReview.Status.PENDING:
        raise ReviewAlreadyDecided(f"This review was already {review.get_status_display().lower()}.")
    return review

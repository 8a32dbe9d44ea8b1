"""Points awards: the platform's existing ledger, which also feeds Thrive Circles XP."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from core.alerts.counters import AWARD_FAILURES, count_event
from core.circles.services import XPService
from core.db import retry_if_locked
from core.exceptions import ApplicationError, Conflict
from core.fairplay.services import assess_award, check_spike_after_award, explain_award, lock_user
from core.users.zones import zone_of

from . import rules, streaks
from .exceptions import SelfAwardRefused, UnknownActivityType
from .models import ActivityType, PointsHistory


def _activity_type(value) -> ActivityType:
    try:
        return ActivityType(value)
    except ValueError:
        choices = ", ".join(ActivityType.values)
        raise UnknownActivityType(f"Unknown activity type {value!r}; expected one of: {choices}.") from None


class PointsService:
    @staticmethod
    def award_points(
        user, activity_type, metadata=None, *, idempotency_key: str | None = None, awarded_by=None
    ) -> PointsHistory:
        """Award the activity's points and record the same amount as Thrive Circles XP."""
        history, _ = PointsService.award_points_once(
            user, activity_type, metadata, idempotency_key=idempotency_key, awarded_by=awarded_by
        )
        return history

    @staticmethod
    def award_points_once(
        user, activity_type, metadata=None, *, idempotency_key: str | None = None, awarded_by=None,
        points: int | None = None,
    ) -> tuple[PointsHistory, bool]:
        """Like award_points, returning (history, created).

        The fair-play rules (core/fairplay) decide what the award is worth: full points, fewer
        (a repeat of the day, the daily cap) or none (the cooldown). Every award is recorded
        all the same, PointsHistory and XPEvent alike, with the points actually granted, the
        plan's `base_points` and the `fair_play_rule` that applied, so history and audit agree.
        The user's row is locked before today's awards are counted: concurrent awards to one
        person are decided one after the other. A week far above the person's usual XP is
        flagged for review here (fair play's check_spike_after_award).

        With an idempotency key a retry returns the first award and changes nothing, also when
        two retries race: the unique key lets exactly one insert win and the other reads it.
        Reusing a key for a different user or activity is a Conflict.

        `points` replaces the plan's value as the award's base (the quest engine's authored
        rewards); the fair-play rules apply to it all the same.

        On SQLite a transaction that found the database locked is run again from the start
        (core/db.py): it wrote nothing, so the retry cannot award twice.

        `awarded_by` is the caller who asked for an award on someone's behalf (the ingestion API's
        staff user or service account); it is recorded, and may not be the person awarded.

        An award that fails with an unexpected error (not a domain error, which is the caller's
        mistake) is counted for the award-error alert (core/alerts) and re-raised; a locked
        SQLite database counts once, after its retries.
        """
        try:
            return _award_points_once(
                user, activity_type, metadata, idempotency_key=idempotency_key, awarded_by=awarded_by, points=points
            )
        except ApplicationError:
            raise
        except Exception:
            count_event(AWARD_FAILURES)
            raise

    @staticmethod
    @retry_if_locked
    @transaction.atomic
    def record_daily_login(user, *, today: date | None = None) -> list[PointsHistory]:
        """Count today's login once: daily points, the streak, and streak bonuses at 7 and 30 days.

        `today` is the person's own calendar day (their zone, core.users.zones), so a streak
        follows their midnights; fair play's daily caps stay on the platform's day. A missed day
        is forgiven by a streak freeze, and days of a rest week are not missed (streaks.py); the
        freezes spent are remembered (`freeze_used_on`, `freeze_kept_streak`) for the page.

        Idempotent per user and day: a day already counted returns []
        after one unlocked read, so every later page load of the day locks nothing. Otherwise the
        user row is locked and the day checked again, so two tabs or sign-ins at the same moment
        award once. Returns the awards made now.
        """
        today = today or timezone.localtime(timezone.now(), zone_of(user)).date()
        users = get_user_model().objects
        if users.filter(pk=user.pk, last_login_date=today).exists():
            return []
        lock_user(user.pk)
        locked = users.get(pk=user.pk)
        if locked.last_login_date == today:
            return []
        day = streaks.count_login(
            last=locked.last_login_date, today=today, streak=locked.current_streak,
            freezes=locked.streak_freezes, rest=streaks.Rest(locked.resting_week, locked.rest_ended_on),
        )
        streak = day.streak
        kept = {"freeze_used_on": today, "freeze_kept_streak": locked.current_streak, "freezes_used": day.freezes_used}
        users.filter(pk=user.pk).update(
            current_streak=streak, max_streak=Greatest("max_streak", Value(streak)), last_login_date=today,
            streak_freezes=day.freezes, **(kept if day.freezes_used else {}),
        )
        awards = [PointsService.award_points(locked, ActivityType.DAILY_LOGIN, {"streak": streak})]
        if streak % 7 == 0:
            awards.append(PointsService.award_points(locked, ActivityType.WEEK_STREAK, {"streak": streak}))
        if streak % 30 == 0:
            awards.append(PointsService.award_points(locked, ActivityType.MONTH_STREAK, {"streak": streak}))
        return awards


@retry_if_locked
@transaction.atomic
def _award_points_once(
    user, activity_type, metadata, *, idempotency_key: str | None, awarded_by, points: int | None = None
) -> tuple[PointsHistory, bool]:
    """award_points_once's work, in one transaction (see there)."""
    activity_type = _activity_type(activity_type)
    if awarded_by is not None and awarded_by.pk == user.pk:
        raise SelfAwardRefused("You cannot award points to yourself; another account must make the award.")
    metadata = dict(metadata or {})
    if idempotency_key:
        existing = PointsHistory.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return _replayed(existing, user, activity_type), False
    lock_user(user.pk)
    now = timezone.now()
    base_points = rules.points_for(activity_type, metadata, points=points)
    decision = assess_award(user, activity_type, base_points, now=now)
    description = rules.describe(activity_type, metadata, note=decision.note)
    try:
        with transaction.atomic():
            history = PointsHistory.objects.create(
                user=user,
                activity_type=activity_type,
                points_awarded=decision.points,
                base_points=base_points,
                fair_play_rule=decision.rule,
                description=description,
                metadata=metadata,
                created_at=now,
                idempotency_key=idempotency_key or None,
                awarded_by=awarded_by,
            )
    except IntegrityError:
        if not idempotency_key:
            raise
        return _replayed(PointsHistory.objects.get(idempotency_key=idempotency_key), user, activity_type), False
    if decision.points:
        new_total = F("total_points") + decision.points
        get_user_model().objects.filter(pk=user.pk).update(total_points=new_total, level=new_total / 100 + 1)
    # The ledger keeps the note in the description (it is the person's own history); the XP
    # event, which circle members see, keeps it in private metadata.
    xp_metadata = rules.xp_metadata(metadata, base_points=base_points, rule=decision.rule, note=decision.note)
    XPService.add_xp(
        user, decision.points, rules.XP_SOURCES[activity_type], rules.describe(activity_type, metadata),
        metadata=xp_metadata, points_history=history,
    )
    if decision.points > 0:
        check_spike_after_award(user, now=now)
    history.fair_play_note = decision.note  # "" for full points
    # For the activity pages: why it earned less and when it counts fully again ("" for full points).
    history.fair_play_message = explain_award(activity_type, decision, now=now)
    return history, True


def _replayed(existing: PointsHistory, user, activity_type: ActivityType) -> PointsHistory:
    if existing.user_id != user.pk or existing.activity_type != activity_type:
        raise Conflict(
            "This idempotency key was already used for a different award.", code="idempotency_key_reused"
        )
    return existing

"""A demo XP spike: one generated Seedling farms quizzes, battles and milestones over last weekend,
so the admin has a pending review to approve or reject. Awards pass through the fair-play rules
(as the live service would apply them), so the records show caps and diminishing returns too."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.circles import weeks
from core.circles.models import UserThriveProfile, XPEvent
from core.circles.services import record_past_events
from core.points import rules
from core.points.models import ActivityType, PointsHistory

from . import limits
from .models import FairPlayRule
from .services import detect_spikes, load_default_rules

# (activity, metadata, how many in the evening, seconds apart)
BURST = [
    (ActivityType.QUIZ_COMPLETED, {"title": "AI Basics", "score": 100}, 40, 20),
    (ActivityType.BATTLE_PARTICIPATED, {}, 10, 90),
    (ActivityType.PROJECT_MILESTONE, {}, 5, 300),
]


@transaction.atomic
def seed_demo_spike(*, now: datetime | None = None) -> int:
    """Give one quiet demo Seedling a burst on last Friday to Sunday and run the spike sweep for
    last week. Returns how many reviews the sweep opened (the burst's, plus any the history had)."""
    now = now or timezone.now()
    load_default_rules()
    profile = (
        UserThriveProfile.objects.select_related("user")
        .filter(total_xp__range=(150, 450), user__is_staff=False)
        .exclude(user__username__in=["seedling_sam"])
        .order_by("user__username")
        .first()
    )
    if profile is None:
        return 0
    user = profile.user
    rule_limits = {rule.activity_type: rule.as_limits() for rule in FairPlayRule.objects.filter(is_active=True)}
    last_week = weeks.week_start_for(now) - timedelta(days=7)
    history, events = [], []
    for day in (4, 5, 6):  # Friday, Saturday, Sunday
        evening = datetime.combine(last_week + timedelta(days=day), time(19, 0), tzinfo=weeks.time_zone())
        for kind, metadata, count, every in BURST:
            repeats, xp, last = 0, 0, None
            for index in range(count):
                at = evening + timedelta(seconds=index * every)
                base = rules.points_for(kind, metadata)
                usage = limits.Usage(repeats, xp, (at - last).total_seconds() if last else None)
                decision = limits.decide(base, rule_limits.get(kind), usage)
                if decision.rule != limits.COOLDOWN:
                    repeats, xp, last = repeats + 1, xp + decision.points, at
                description = rules.describe(kind, metadata, note=decision.note)
                ledger = PointsHistory(
                    user=user, activity_type=kind, points_awarded=decision.points, base_points=base,
                    fair_play_rule=decision.rule, description=description, metadata=metadata, created_at=at,
                )
                history.append(ledger)
                xp_metadata = rules.xp_metadata(metadata, base_points=base, rule=decision.rule, note=decision.note)
                events.append(XPEvent(
                    user=user, amount=decision.points, source=rules.XP_SOURCES[kind],
                    description=rules.describe(kind, metadata),
                    metadata=xp_metadata, timestamp=at, points_history=ledger,
                ))
    PointsHistory.objects.bulk_create(history)
    record_past_events(events, now=now)
    burst = sum(event.amount for event in events)
    new_points = F("total_points") + burst
    get_user_model().objects.filter(pk=user.pk).update(total_points=new_points, level=new_points / 100 + 1)
    return detect_spikes(last_week, now=now)

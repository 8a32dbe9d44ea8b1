"""Writes for growing together: fixing a circle's goal, paying the goal bonus exactly once, and
telling the circle live (through core/live, after commit)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.circles import weeks
from core.circles.models import ThriveCircle, XPEvent, XPSource
from core.circles.services import XPService
from core.circles.signals import send_on_commit
from core.live import groups
from core.live.services import send_to_group

from . import selectors
from .models import CircleGoal, GoalBonus
from .signals import goal_reached

logger = logging.getLogger(__name__)

BONUS_DESCRIPTION = "Your circle reached its weekly goal together"


def ensure_goal(circle: ThriveCircle) -> CircleGoal:
    """The circle's goal, fixed on first use (a concurrent first use keeps the first row)."""
    goal = CircleGoal.objects.filter(circle=circle).first()
    if goal is None:
        goal, _ = CircleGoal.objects.get_or_create(circle=circle, defaults={"target_xp": selectors.goal_target(circle)})
    return goal


def goal_payload(goal: CircleGoal, progress_xp: int) -> dict:
    return {
        "target_xp": goal.target_xp,
        "progress_xp": progress_xp,
        "reached": goal.reached_at is not None,
        "bonus_xp": settings.THRIVE_GOAL_BONUS_XP,
    }


def pay_goal_bonus(goal: CircleGoal) -> int:
    """Mark the goal reached and give every member who earned XP this week the bonus, once.

    Runs in one transaction. Only the caller that locks the unreached goal row pays; on
    PostgreSQL a concurrent caller skips the locked row and returns at once instead of waiting
    out a payment of two dozen awards (a queue of seconds behind each goal in bench/load_test.py).
    If the payment fails it rolls back whole and the next award past the goal pays. The unique
    (goal, user) constraint is the guarantee whatever happens, so a retry pays each person once.
    Returns how many bonuses this call paid.
    """
    paid = 0
    with transaction.atomic():
        unreached = CircleGoal.objects.select_for_update(skip_locked=True).filter(pk=goal.pk, reached_at__isnull=True)
        if not list(unreached.values_list("pk", flat=True)):
            return 0
        CircleGoal.objects.filter(pk=goal.pk).update(reached_at=timezone.now())
        send_on_commit(goal_reached, goal=goal, member_ids=selectors.member_ids(goal.circle))
        users = get_user_model().objects.in_bulk(selectors.earners(goal.circle))
        for user_id, user in sorted(users.items()):
            try:
                with transaction.atomic():
                    bonus = GoalBonus.objects.create(goal=goal, user=user)
            except IntegrityError:
                continue
            bonus.event = XPService.add_xp(
                user, settings.THRIVE_GOAL_BONUS_XP, XPSource.ACHIEVEMENT, BONUS_DESCRIPTION,
                metadata={"title": "Circle goal reached"},
            )
            bonus.save(update_fields=["event"])
            paid += 1
    return paid


def record_goal_progress(event: XPEvent) -> None:
    """After a committed award: reach the goal if it is now met, and tell the circle its progress."""
    if event.amount <= 0:
        return
    week = weeks.week_start_for(event.timestamp)
    circle = selectors.circle_of(event.user_id, week)
    if circle is None or week != weeks.current_week_start():
        return
    goal = ensure_goal(circle)
    progress, _ = selectors.circle_progress(circle)
    if goal.reached_at is None and progress >= goal.target_xp:
        if pay_goal_bonus(goal):
            logger.info("Circle %s reached its goal of %d XP", circle.pk, goal.target_xp)
        goal.refresh_from_db()
        progress, _ = selectors.circle_progress(circle)
    send_to_group(groups.circle_group(circle.pk, week), {"type": "live.circle_goal", "goal": goal_payload(goal, progress)})


def together(user) -> dict | None:
    """The page's "growing together" card for `user`: None without a circle this week."""
    week = weeks.current_week_start()
    circle = selectors.circle_of(user.pk, week)
    if circle is None:
        return None
    goal = ensure_goal(circle)
    progress, mine = selectors.circle_progress(circle, viewer_id=user.pk)
    members = selectors.member_ids(circle)
    return {
        "goal": {**goal_payload(goal, progress), "your_xp": mine},
        "this_week": selectors.week_totals(members, week),
        "last_week": selectors.week_totals(members, week - timedelta(days=7)),
    }

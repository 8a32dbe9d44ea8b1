"""Subscribers to the other apps' events; each runs after the event's transaction committed, and
each is safe to run twice (the dedupe key names the event)."""

from django.dispatch import receiver

from core.circles.signals import circle_seated, level_reached
from core.live.signals import kudos_given
from core.quests.signals import quest_completed
from core.together.signals import goal_reached

from . import services
from .kinds import Kind


@receiver(circle_seated, dispatch_uid="notifications.circle_seated")
def on_circle_seated(sender, *, week, profile_ids, **kwargs):
    services.notify_circle_seated(week, profile_ids)


@receiver(goal_reached, dispatch_uid="notifications.goal_reached")
def on_goal_reached(sender, *, goal, member_ids, **kwargs):
    payload = {"target_xp": goal.target_xp, "week": goal.circle.week_start.isoformat()}
    services.notify_many(Kind.GOAL_REACHED, [services.Item(user_id, payload, f"goal:{goal.pk}") for user_id in member_ids])


@receiver(kudos_given, dispatch_uid="notifications.kudos_given")
def on_kudos_given(sender, *, kudos, **kwargs):
    payload = {"from": kudos.giver.username, "reaction": kudos.reaction, "event_id": str(kudos.event_id)}
    services.notify(kudos.event.user_id, Kind.KUDOS_RECEIVED, payload, dedupe_key=f"kudos:{kudos.pk}")


@receiver(quest_completed, dispatch_uid="notifications.quest_completed")
def on_quest_completed(sender, *, user, completion, **kwargs):
    payload = {"quest_title": completion.quest.title, "xp": completion.xp_awarded}
    services.notify(user.pk, Kind.QUEST_COMPLETED, payload, dedupe_key=f"quest:{completion.pk}")


@receiver(level_reached, dispatch_uid="notifications.level_reached")
def on_level_reached(sender, *, user, level, **kwargs):
    services.notify(user.pk, Kind.LEVEL_REACHED, {"level": level.name}, dedupe_key=f"level:{level.pk}")

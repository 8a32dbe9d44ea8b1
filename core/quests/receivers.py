"""The quest engine listens to the circles' `xp_recorded`: the circles never call it.

The receiver runs after the award committed (the circles' `send_on_commit`), in its own
transactions. Progress is read from the XP event log and completions are keyed by constraint, so
running it twice, late, or for a racing award changes nothing; a failure is logged by the signal
and the next award of the person evaluates again.
"""

from django.dispatch import receiver

from core.circles.signals import xp_recorded
from core.live.groups import user_group
from core.live.services import relay_on_commit

from . import services
from .conditions import REWARD_SOURCES


@receiver(xp_recorded, dispatch_uid="quests-progress")
def progress_quests(sender, event, **kwargs) -> None:
    if event.source in REWARD_SOURCES or event.amount <= 0:
        return  # rewards never count toward quests (and end the chain of rewards here)
    outcome = services.evaluate_award(event.user, now=event.timestamp, source=event.source)
    if outcome.changed:
        # To the person's own pages only (any tab or device): the bars move, a completion refetches.
        relay_on_commit(user_group(event.user_id), {
            "type": "quest_progress",
            "quests": outcome.progress,
            "completed": bool(outcome.created),
        })

from datetime import timedelta

from django.utils import timezone

from core.battles import services
from core.circles import weeks


def make_battle(*, rounds: int = 2, week_start=None, title: str = "Sunrise"):
    """This week's battle (open until the reset) with `rounds` rounds."""
    return services.create_battle(
        title=title, challenge="Explain everyday things.", prompts=[f"Prompt {n}" for n in range(1, rounds + 1)],
        week_start=week_start,
    )


def past_close(battle):
    """A moment after the battle closes."""
    return battle.closes_at + timedelta(minutes=1)


def last_week_battle():
    return make_battle(week_start=weeks.week_start_for(timezone.now() - timedelta(days=7)), title="Last week")

from datetime import datetime, timedelta

import time_machine

from core.circles.services import XPService


def earn_in_past_weeks(user, week_start: datetime, amounts: list[int]) -> None:
    """XP earned on the Wednesday of each week before `week_start`, oldest first."""
    for back, amount in zip(range(len(amounts), 0, -1), amounts):
        with time_machine.travel(week_start - timedelta(days=7 * back) + timedelta(days=2, hours=12), tick=False):
            XPService.add_xp(user, amount, description="An ordinary week")

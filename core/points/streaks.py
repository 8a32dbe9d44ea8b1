"""Login streaks that forgive (issue 17): the pure rule over plain dates.

Days are the person's own calendar days (core.users.zones). A day between two logins is *missed*
unless it falls in the person's rest week (from its Monday up to the day they came back, if they
came back early). Each missed day costs one streak freeze; a gap with more missed days than
freezes held restarts the streak and spends none. One freeze is earned per 7 days in a row, and
a person holds at most `MAX_FREEZES`.
"""

from dataclasses import dataclass
from datetime import date, timedelta

MAX_FREEZES = 2
FREEZE_EVERY = 7


@dataclass(frozen=True)
class Rest:
    week: date | None = None  # the Monday of the week the person sits out
    ended_on: date | None = None  # the day they came back, if before the week's end

    def covers(self, day: date) -> bool:
        if self.week is None:
            return False
        end = self.week + timedelta(days=7)
        if self.ended_on is not None:
            end = min(end, self.ended_on)
        return self.week <= day < end


@dataclass(frozen=True)
class LoginDay:
    streak: int
    freezes: int  # held after this login
    freezes_used: int  # spent on this login's gap


def missed_days(last: date | None, today: date, rest: Rest) -> int:
    """Days strictly between `last` and `today` that neither a login nor the rest week covers."""
    if last is None or last >= today:
        return 0
    return sum(1 for n in range(1, (today - last).days) if not rest.covers(last + timedelta(days=n)))


def count_login(*, last: date | None, today: date, streak: int, freezes: int, rest: Rest) -> LoginDay:
    """The streak and freezes after a first login on `today` (the previous one on `last`)."""
    if last is None:
        return _earn(LoginDay(streak=1, freezes=freezes, freezes_used=0))
    missed = missed_days(last, today, rest)
    if missed > freezes:
        return _earn(LoginDay(streak=1, freezes=freezes, freezes_used=0))
    return _earn(LoginDay(streak=streak + 1, freezes=freezes - missed, freezes_used=missed))


def is_alive(*, last: date | None, today: date, freezes: int, rest: Rest) -> bool:
    """Would a login today continue the streak? (today itself is not missed yet)."""
    return last is not None and missed_days(last, today, rest) <= freezes


def _earn(day: LoginDay) -> LoginDay:
    if day.streak % FREEZE_EVERY == 0:
        return LoginDay(day.streak, min(MAX_FREEZES, day.freezes + 1), day.freezes_used)
    return day

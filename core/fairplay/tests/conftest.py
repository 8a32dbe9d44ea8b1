from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core.fairplay.services import load_default_rules

UTC = ZoneInfo("UTC")
# A Wednesday morning, well inside one day and one circle week.
WEDNESDAY_9AM = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def rules(levels):
    load_default_rules()


@pytest.fixture
def clock():
    """A stopped clock at Wednesday 09:00 UTC; `clock.shift(seconds)` moves it on."""
    with time_machine.travel(WEDNESDAY_9AM, tick=False) as traveller:
        yield traveller

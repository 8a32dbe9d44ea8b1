"""The ledger's day tally (XPDay) always equals the event log: live awards, batches, the rebuild."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db.models import Q, Sum

from core.circles import weeks
from core.circles.ledger.days import rebuild_days
from core.circles.models import XPDay, XPEvent, XPSource
from core.circles.services import XPService, record_past_events
from core.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def tally_from_log(user) -> dict:
    """(day, week, source) -> (events, xp) counted from the log with the calendar of weeks.py."""
    counts: dict = {}
    for event in XPEvent.objects.filter(user=user, amount__gt=0):
        key = (weeks.local_date(event.timestamp), weeks.week_start_for(event.timestamp), event.source)
        events, xp = counts.get(key, (0, 0))
        counts[key] = (events + 1, xp + event.amount)
    return counts


def tally_of(user) -> dict:
    return {(d.day, d.week, d.source): (d.events, d.xp) for d in XPDay.objects.filter(user=user)}


def tally_matches_log(user) -> bool:
    return tally_of(user) == tally_from_log(user)


def test_awards_count_their_day_and_source_and_leave_out_what_earned_nothing(levels):
    user = UserFactory()
    with time_machine.travel(datetime(2026, 11, 25, 9, tzinfo=UTC), tick=False):
        XPService.add_xp(user, 10, XPSource.QUIZ, "quiz")
        XPService.add_xp(user, 15, XPSource.QUIZ, "quiz")
        XPService.add_xp(user, 0, XPSource.QUIZ, "in the cooldown")
        XPService.add_xp(user, -5, XPSource.QUIZ, "correction")
        XPService.add_xp(user, 20, XPSource.PROJECT, "project")
    wednesday, monday = date(2026, 11, 25), date(2026, 11, 23)
    assert tally_of(user) == {
        (wednesday, monday, "quiz"): (2, 25),
        (wednesday, monday, "project"): (1, 20),
    }


def test_a_monday_before_the_reset_counts_in_the_week_before(levels, settings):
    settings.TIME_ZONE, settings.THRIVE_RESET_HOUR = "Asia/Tokyo", 5
    user = UserFactory()
    # Monday 30 November 2026, 04:30 and 05:30 in Tokyo.
    for hour_utc in (19, 20):
        with time_machine.travel(datetime(2026, 11, 29, hour_utc, 30, tzinfo=UTC), tick=False):
            XPService.add_xp(user, 10, XPSource.QUIZ, "quiz")
    monday = date(2026, 11, 30)
    assert tally_of(user) == {
        (monday, monday - timedelta(days=7), "quiz"): (1, 10),
        (monday, monday, "quiz"): (1, 10),
    }
    # The rebuild (migration, backfill, demo data) counts the same way in SQL.
    assert rebuild_days(Q(user_id=user.pk)) == 2
    assert tally_matches_log(user)


def test_past_events_in_a_batch_rebuild_their_people_s_tally(levels):
    user, other = UserFactory(), UserFactory()
    XPService.add_xp(user, 7, XPSource.QUIZ, "live")
    past = [
        XPEvent(user=user, amount=amount, source=XPSource.PROMPT_BATTLE, description="past", timestamp=when)
        for amount, when in [(30, datetime(2026, 10, 5, 12, tzinfo=UTC)), (-30, datetime(2026, 10, 6, 12, tzinfo=UTC))]
    ]
    XPService.add_xp(other, 9, XPSource.QUIZ, "untouched")
    record_past_events(past, now=datetime(2026, 11, 25, 12, tzinfo=UTC))
    assert tally_matches_log(user) and tally_matches_log(other)
    assert sum(d.xp for d in XPDay.objects.filter(user=user)) == 37


def test_the_rebuild_equals_what_live_awards_wrote(levels):
    users = UserFactory.create_batch(3)
    for index, user in enumerate(users):
        for amount in (5, 10 * index, 25):
            XPService.add_xp(user, amount, [XPSource.QUIZ, XPSource.PROJECT][index % 2], "award")
    live = {user.pk: tally_of(user) for user in users}
    rebuild_days()
    assert {user.pk: tally_of(user) for user in users} == live
    assert XPDay.objects.aggregate(events=Sum("events"))["events"] == XPEvent.objects.filter(amount__gt=0).count()

"""Fair-play notes ("6th today: 10 of 20 XP") are the owner's business: circle members see the plain
description of someone's reduced award, the owner sees the note in their feed and history."""

import pytest

from core.circles.services import CircleAssignmentService
from core.circles.tests.factories import ProfileFactory
from core.points.models import ActivityType
from core.points.services import PointsService
from core.testing import client_for

NOTE = "6th today: 10 of 20 XP"


@pytest.fixture
def circle(rules, clock):
    """Two members of one circle; the first has just earned a reduced award (6th quiz of the day)."""
    owner, other = (ProfileFactory(total_xp=600).user for _ in range(2))
    CircleAssignmentService.assign_weekly_circles()
    for _ in range(6):
        PointsService.award_points(owner, ActivityType.QUIZ_COMPLETED, {"title": "AI Basics"})
        clock.shift(60)
    return owner, other


def feed_of(viewer, owner) -> list[dict]:
    page = client_for(viewer).get("/api/v1/me/thrive-circle/").json()
    return [event for event in page["recent_activity"] if event["username"] == owner.username]


def test_other_members_see_the_description_without_the_note(circle):
    owner, other = circle
    events = feed_of(other, owner)
    assert len(events) == 6
    assert {event["description"] for event in events} == {"Completed a Quick Quiz: AI Basics"}
    assert all("fair_play_note" not in event["metadata"] for event in events)


def test_the_owner_sees_the_note_in_the_feed_and_in_the_history(circle):
    owner, other = circle
    feed_of(other, owner)  # the shared circle section is cached by another member's view first
    assert feed_of(owner, owner)[0]["description"] == f"Completed a Quick Quiz: AI Basics ({NOTE})"
    history = client_for(owner).get("/api/v1/me/xp-history/").json()["events"]
    assert history[0]["description"] == f"Completed a Quick Quiz: AI Basics ({NOTE})"

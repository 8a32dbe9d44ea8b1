"""GET /api/v1/me/thrive-circle/activity/: "Show more" for the circle feed, past its first 20 items."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.circles.models import XPEvent, XPSource
from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import ProfileFactory
from core.testing import client_for
from core.users.tests.factories import UserFactory

PAGE = "/api/v1/me/thrive-circle/"
MORE = "/api/v1/me/thrive-circle/activity/"


@pytest.fixture
def busy_circle(levels, midweek):
    """A viewer in a circle whose members earned 45 awards this week."""
    profiles = [ProfileFactory(total_xp=600 + i, last_activity_at=timezone.now() - timedelta(minutes=i)) for i in range(5)]
    CircleAssignmentService.assign_weekly_circles()
    for n in range(45):
        XPService.add_xp(profiles[n % 5].user, 5 + n, XPSource.QUIZ, f"Quiz number {n}")
    return profiles[0].user


def test_show_more_continues_after_the_pages_20_items_until_the_week_runs_out(busy_circle):
    client = client_for(busy_circle)
    first = client.get(PAGE).json()["recent_activity"]
    assert len(first) == 20

    second = client.get(MORE, {"before": first[-1]["id"]}).json()
    assert len(second["events"]) == 20 and second["has_more"] is True
    third = client.get(MORE, {"before": second["events"][-1]["id"]}).json()
    assert len(third["events"]) == 5 and third["has_more"] is False

    shown = [event["id"] for event in first + second["events"] + third["events"]]
    assert len(set(shown)) == 45
    assert [e["description"] for e in third["events"]][-1] == "Quiz number 0"


def test_show_more_keeps_the_feeds_privacy_and_limit(busy_circle):
    client = client_for(busy_circle)
    first = client.get(PAGE).json()["recent_activity"]
    page = client.get(MORE, {"before": first[-1]["id"], "limit": 3}).json()
    assert len(page["events"]) == 3
    for event in page["events"]:
        assert "reactions" in event
        if event["username"] != busy_circle.username:
            assert set(event["metadata"]) <= {"title", "streak"}


def test_an_item_outside_your_circles_feed_or_bad_input_is_a_400(busy_circle):
    client = client_for(busy_circle)
    stranger_event = XPEvent.objects.create(user=UserFactory(), amount=10, description="Someone else's circle")
    for params in ({"before": str(stranger_event.id)}, {"before": "not-a-uuid"}, {}, {"before": ""}):
        response = client.get(MORE, params)
        assert response.status_code == 400 and response.json()["code"] == "invalid", params
    first = client.get(PAGE).json()["recent_activity"]
    assert client.get(MORE, {"before": first[-1]["id"], "limit": 51}).status_code == 400

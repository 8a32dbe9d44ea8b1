"""The page's `why`: the facts behind a seat, in plain words, never a rank."""

import re
from datetime import timedelta

from django.utils import timezone

from core.circles.models import XPSource
from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import ProfileFactory
from core.testing import client_for

THRIVE_CIRCLE = "/api/v1/me/thrive-circle/"


def test_why_names_the_level_the_xp_range_activity_and_nearby_zones(levels, midweek):
    zones = ["Europe/Paris", "Europe/Berlin", "Africa/Lagos", "Asia/Tokyo", "America/Los_Angeles", ""]
    profiles = [
        ProfileFactory(total_xp=600 + 10 * i, last_activity_at=timezone.now() - timedelta(minutes=i), user__time_zone=zone)
        for i, zone in enumerate(zones)
    ]
    CircleAssignmentService.assign_weekly_circles()
    viewer = profiles[0].user
    XPService.add_xp(viewer, 20, XPSource.QUIZ, "Completed a Quick Quiz")
    why = client_for(viewer).get(THRIVE_CIRCLE).json()["why"]
    # The viewer (Paris, UTC+1 in November) has Berlin, Lagos and the platform's UTC within 3 hours.
    assert why == {
        "level_name": "Explorer",
        "xp_min": 610,
        "xp_max": 650,
        "active_this_week": True,
        "members_nearby": 3,
        "members_elsewhere": 2,
        "nearby_hours": 3,
        "summary": why["summary"],
    }
    assert "Explorer level" in why["summary"] and "from 610 to 650 XP" in why["summary"]
    assert "3 of the 5 others live within 3 hours of your clock." in why["summary"]
    assert not re.search(r"#\d|\brank|\bfirst\b|\btop\b|position", why["summary"], re.IGNORECASE)


def test_someone_quiet_this_week_is_told_their_recent_activity_keeps_the_seat(levels, midweek):
    profiles = [ProfileFactory(total_xp=600 + i) for i in range(5)]
    CircleAssignmentService.assign_weekly_circles()
    why = client_for(profiles[0].user).get(THRIVE_CIRCLE).json()["why"]
    assert why["active_this_week"] is False
    assert "active in the last 28 days" in why["summary"]


def test_no_circle_no_why(levels, midweek):
    profile = ProfileFactory(total_xp=600)
    assert client_for(profile.user).get(THRIVE_CIRCLE).json()["why"] is None

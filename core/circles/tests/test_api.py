from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from core.circles.models import ThriveCircle, ThriveCircleLevel, UserThriveProfile, XPEvent, XPSource
from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import ProfileFactory
from core.users.tests.factories import UserFactory
from core.testing import client_for

THRIVE_CIRCLE = "/api/v1/me/thrive-circle/"
XP_HISTORY = "/api/v1/me/xp-history/"
UTC = ZoneInfo("UTC")

PLAN_KEYS = {
    "user_profile": dict, "current_level": dict, "current_circle": dict, "circle_members": list,
    "recent_activity": list, "next_level": dict, "xp_to_next_level": int,
    "time_until_reset_seconds": int, "recommended_actions": list,
}
PROFILE_KEYS = {"username", "avatar_url", "current_level", "level_name", "level_icon", "weekly_xp", "total_xp", "last_activity_at"}
LEVEL_KEYS = {"id", "name", "order", "description", "min_xp", "color_from", "color_to", "icon"}
CIRCLE_KEYS = {"id", "level", "week_start", "week_end", "name", "member_count", "is_current_week"}
EVENT_KEYS = {"id", "username", "avatar_url", "amount", "source", "source_display", "description", "timestamp", "metadata"}


@pytest.fixture
def circle_of(levels, midweek):
    """A seated viewer in a circle of `size` Explorers, each with one event this week."""

    def build(size=6, **viewer_fields):
        profiles = [ProfileFactory(total_xp=600 + i, last_activity_at=timezone.now() - timedelta(minutes=i)) for i in range(size)]
        CircleAssignmentService.assign_weekly_circles()
        for profile in profiles:
            XPService.add_xp(profile.user, 20, XPSource.QUIZ, "Completed a Quick Quiz", metadata={"title": "AI Basics", "score": 67})
        return profiles[0].user, profiles

    return build


def test_anonymous_requests_get_a_json_401(db):
    response = APIClient().get(THRIVE_CIRCLE)
    assert response.status_code in (401, 403)
    assert response.json()["code"] == "not_authenticated"


def test_page_has_the_plans_shape(circle_of):
    viewer, _ = circle_of()
    data = client_for(viewer).get(THRIVE_CIRCLE).json()
    assert {key: type(data[key]) for key in PLAN_KEYS} == PLAN_KEYS
    assert set(data["user_profile"]) >= PROFILE_KEYS
    assert set(data["current_level"]) >= LEVEL_KEYS
    assert set(data["current_circle"]) >= CIRCLE_KEYS and set(data["current_circle"]["level"]) >= LEVEL_KEYS
    assert all(set(member) >= PROFILE_KEYS for member in data["circle_members"])
    assert all(set(event) >= EVENT_KEYS for event in data["recent_activity"])
    assert all(set(action) >= {"label", "xp", "url", "icon"} for action in data["recommended_actions"])
    assert data["circle_status"] == "active" and data["current_circle"]["member_count"] == 6


def test_members_exclude_the_viewer_and_are_not_ordered_by_xp(circle_of):
    viewer, profiles = circle_of(size=6)
    XPService.add_xp(profiles[5].user, 1)  # the member with the most XP is now the most recently active...
    XPService.add_xp(profiles[2].user, 1)  # ...until another member acts after them
    members = client_for(viewer).get(THRIVE_CIRCLE).json()["circle_members"]
    names = [m["username"] for m in members]
    assert viewer.username not in names
    assert names[:2] == [profiles[2].user.username, profiles[5].user.username]
    assert not any("rank" in key or "position" in key for m in members for key in m)


def test_other_members_events_share_no_private_metadata_or_email(circle_of):
    viewer, _ = circle_of()
    body = client_for(viewer).get(THRIVE_CIRCLE).content.decode()
    data = client_for(viewer).get(THRIVE_CIRCLE).json()
    for event in data["recent_activity"]:
        expected = {"title": "AI Basics", "score": 67} if event["username"] == viewer.username else {"title": "AI Basics"}
        assert event["metadata"] == expected
    assert "@" not in body and "email" not in body and "password" not in body


def test_feed_shows_only_the_current_circle_week(circle_of):
    viewer, profiles = circle_of()
    old = XPService.add_xp(profiles[1].user, 10, description="Last week's quiz")
    XPEvent.objects.filter(pk=old.pk).update(timestamp=timezone.now() - timedelta(days=7))
    XPEvent.objects.create(user=UserFactory(), amount=10, description="Someone else's circle")
    descriptions = {e["description"] for e in client_for(viewer).get(THRIVE_CIRCLE).json()["recent_activity"]}
    assert "Last week's quiz" not in descriptions and "Someone else's circle" not in descriptions


def test_user_with_no_circle_yet_sees_the_forming_state(levels, midweek):
    data = client_for(UserFactory()).get(THRIVE_CIRCLE).json()
    assert (data["current_circle"], data["circle_members"], data["circle_status"]) == (None, [], "forming")
    assert data["current_level"]["name"] == "Seedling" and data["next_level"]["name"] == "Explorer"


def test_user_at_the_top_level_has_no_next_level(levels, midweek):
    profile = ProfileFactory(total_xp=9000)
    data = client_for(profile.user).get(THRIVE_CIRCLE).json()
    assert (data["current_level"]["name"], data["next_level"], data["xp_to_next_level"]) == ("Luminary", None, 0)


def test_countdown_is_never_negative_when_the_weekly_job_is_late(levels):
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=UTC), tick=False):
        profile = ProfileFactory()
        CircleAssignmentService.assign_weekly_circles()
    with time_machine.travel(datetime(2026, 12, 1, 9, tzinfo=UTC), tick=False):  # Tuesday, no new circles yet
        data = client_for(profile.user).get(THRIVE_CIRCLE).json()
    assert data["circle_status"] == "ended"
    assert data["time_until_reset_seconds"] == 5 * 86400 + 15 * 3600
    assert data["reset_at"].startswith("2026-12-07T00:00:00")


def test_recommendations_lead_with_what_closes_the_gap_then_what_is_new(levels, midweek):
    profile = ProfileFactory(total_xp=478)  # 22 XP short of Explorer: only a battle closes the gap
    XPService.add_xp(profile.user, 0, XPSource.QUIZ, "warm-up")  # a quiz already done this week
    actions = client_for(profile.user).get(THRIVE_CIRCLE).json()["recommended_actions"]
    assert [(a["label"], a["reason"]) for a in actions] == [
        ("Enter a Prompt Battle", "One Prompt Battle takes you to Explorer, your next level."),
        ("Complete a Quick Quiz", "2 quizzes from your next level, Explorer."),
        ("Create a New Project", "3 new projects from your next level, Explorer."),
    ]
    assert {a["xp"] for a in actions} == {20, 25, 10}


@pytest.mark.parametrize("members, events", [(5, 10), (30, 5000)])
def test_page_uses_a_constant_number_of_queries(levels, midweek, members, events, django_assert_max_num_queries):
    profiles = [ProfileFactory(total_xp=600 + i) for i in range(members)]
    CircleAssignmentService.assign_weekly_circles()
    XPEvent.objects.bulk_create(
        XPEvent(user=profiles[i % members].user, amount=5, description="bulk", timestamp=timezone.now() - timedelta(seconds=i))
        for i in range(events)
    )
    client = client_for(profiles[0].user)
    with django_assert_max_num_queries(9):  # 8 before kudos; the feed's reactions are one more
        assert client.get(THRIVE_CIRCLE).status_code == 200


def test_history_is_newest_first_with_default_limit_fifty(levels):
    user = UserFactory()
    for amount in range(1, 61):
        XPService.add_xp(user, amount)
    data = client_for(user).get(XP_HISTORY).json()
    amounts = [e["amount"] for e in data["events"]]
    assert amounts == list(range(60, 10, -1)) and data["next_cursor"]


def test_history_pages_back_with_the_cursor_without_gaps_or_repeats(levels):
    user = UserFactory()
    for amount in range(1, 26):
        XPService.add_xp(user, amount)
    client, seen, cursor = client_for(user), [], None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        data = client.get(XP_HISTORY, params).json()
        seen += [e["amount"] for e in data["events"]]
        cursor = data["next_cursor"]
        if cursor is None:
            break
    assert seen == list(range(25, 0, -1))


def test_history_limit_is_capped_at_two_hundred(levels):
    user = UserFactory()
    XPEvent.objects.bulk_create(XPEvent(user=user, amount=1, description="x") for _ in range(205))
    assert len(client_for(user).get(XP_HISTORY, {"limit": 1000}).json()["events"]) == 200


@pytest.mark.parametrize("params, field", [({"limit": 0}, "limit"), ({"limit": -3}, "limit"), ({"limit": "ten"}, "limit"), ({"cursor": "bogus"}, "cursor")])
def test_bad_history_parameters_get_a_400_naming_the_parameter(levels, params, field):
    response = client_for(UserFactory()).get(XP_HISTORY, params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and field in body["errors"] and body["detail"].startswith(field)


def test_history_shows_only_the_viewers_own_events(levels):
    mine, theirs = UserFactory(), UserFactory()
    XPService.add_xp(mine, 5)
    XPService.add_xp(theirs, 7)
    assert [e["amount"] for e in client_for(mine).get(XP_HISTORY).json()["events"]] == [5]


@pytest.mark.parametrize("events", [10, 120])
def test_history_makes_no_query_per_event(levels, events, django_assert_max_num_queries):
    user = UserFactory()
    XPEvent.objects.bulk_create(XPEvent(user=user, amount=1, description="x") for _ in range(events))
    with django_assert_max_num_queries(2):
        client_for(user).get(XP_HISTORY, {"limit": 100})


def test_levels_are_listed_in_order(levels):
    names = [lvl["name"] for lvl in APIClient().get("/api/v1/thrive-levels/").json()["levels"]]
    assert names == ["Seedling", "Explorer", "Creator", "Catalyst", "Luminary"]


def test_requests_are_throttled_per_user_with_a_json_429(levels, monkeypatch):
    # DRF reads THRIVE_USER_THROTTLE's rate once at start-up; patch the loaded value.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"user": "3/min", "anon": "3/min"})
    client = client_for(UserFactory())
    statuses = [client.get(XP_HISTORY).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert client.get(XP_HISTORY).json()["code"] == "throttled"


def test_the_shared_circle_section_is_never_stale(circle_of):
    viewer, profiles = circle_of()
    client = client_for(viewer)
    client.get(THRIVE_CIRCLE)  # fills the cache for this circle
    XPService.add_xp(profiles[3].user, 15, XPSource.PROJECT, "Created a new project: Fresh")
    data = client.get(THRIVE_CIRCLE).json()
    assert data["recent_activity"][0]["description"] == "Created a new project: Fresh"
    assert data["circle_members"][0]["username"] == profiles[3].user.username


def test_members_of_one_circle_share_one_serialisation(circle_of, django_assert_num_queries):
    viewer, profiles = circle_of()
    client_for(viewer).get(THRIVE_CIRCLE)
    other = client_for(profiles[1].user)
    with django_assert_num_queries(4):  # profile + circle, section marker, this viewer's activity, the feed's kudos
        data = other.get(THRIVE_CIRCLE).json()
    assert viewer.username in {m["username"] for m in data["circle_members"]}
    assert profiles[1].user.username not in {m["username"] for m in data["circle_members"]}


def test_recommendations_follow_what_was_just_done(circle_of, settings):
    settings.THRIVE_PROJECTS_URL = "/projects"
    viewer, _ = circle_of()  # everyone has done a quiz this week

    def reasons():
        return {a["label"]: a["reason"] for a in client_for(viewer).get(THRIVE_CIRCLE).json()["recommended_actions"]}

    assert reasons()["Create a New Project"] == "You haven't started a project this week."
    XPService.add_xp(viewer, 10, XPSource.PROJECT, "Created a new project")
    after = reasons()  # a project not yet published: publishing it now fits better than another new one
    assert after["Publish a project"] == "You have 1 project you haven't published yet."
    assert "Create a New Project" not in after


def test_a_level_edit_shows_on_the_next_page_view(circle_of):
    viewer, _ = circle_of()  # 620 XP, an Explorer
    client = client_for(viewer)
    assert client.get(THRIVE_CIRCLE).json()["next_level"]["min_xp"] == 1500
    creator = ThriveCircleLevel.objects.get(name="Creator")
    creator.min_xp = 1400
    creator.save()
    data = client.get(THRIVE_CIRCLE).json()
    assert (data["next_level"]["min_xp"], data["xp_to_next_level"]) == (1400, 780)

from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from core.circles import weeks
from core.circles.models import XPEvent
from core.circles.services import XPService
from core.circles.tests.factories import ProfileFactory

from .conftest import seated
from core.live.models import Kudos, Reaction
from core.testing import client_for

PAGE = "/api/v1/me/thrive-circle/"


def kudos_url(event) -> str:
    return f"/api/v1/me/thrive-circle/activity/{event.pk}/kudos/"


@pytest.fixture
def ben_event(two_circles):
    return XPService.add_xp(two_circles["ben"], 20, "quiz", "Completed a Quick Quiz")


def test_first_kudos_is_created(two_circles, ben_event):
    response = client_for(two_circles["ana"]).post(kudos_url(ben_event), {"reaction": "clap"}, format="json")
    assert response.status_code == 201
    assert response.json()["reaction"] == "clap"


def test_a_repeat_changes_nothing(two_circles, ben_event):
    client = client_for(two_circles["ana"])
    client.post(kudos_url(ben_event), {"reaction": "clap"}, format="json")
    response = client.post(kudos_url(ben_event), {"reaction": "clap"}, format="json")
    assert response.status_code == 200
    assert Kudos.objects.count() == 1


def test_kudos_give_no_xp(two_circles, ben_event):
    before = XPEvent.objects.count()
    client_for(two_circles["ana"]).post(kudos_url(ben_event), {"reaction": "heart"}, format="json")
    assert XPEvent.objects.count() == before


def test_kudos_for_ones_own_activity_are_refused(two_circles, ben_event):
    response = client_for(two_circles["ben"]).post(kudos_url(ben_event), {"reaction": "clap"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "own_event"


def test_an_unknown_reaction_is_refused(two_circles, ben_event):
    response = client_for(two_circles["ana"]).post(kudos_url(ben_event), {"reaction": "trophy"}, format="json")
    assert response.status_code == 400
    assert "reaction" in response.json()["errors"]


def test_activity_of_another_circle_is_not_found(two_circles, ben_event):
    response = client_for(two_circles["cy"]).post(kudos_url(ben_event), {"reaction": "clap"}, format="json")
    assert response.status_code == 404


def test_activity_of_last_week_is_not_found(two_circles):
    old = XPEvent.objects.create(user=two_circles["ben"], amount=20, description="Quiz", timestamp=weeks.week_bounds(two_circles["one"].week_start)[0] - timedelta(days=2))
    response = client_for(two_circles["ana"]).post(kudos_url(old), {"reaction": "clap"}, format="json")
    assert response.status_code == 404


def test_kudos_past_the_rate_limit_get_429(two_circles, ben_event, settings):
    settings.THRIVE_KUDOS_RATE = "2/min"
    client = client_for(two_circles["ana"])
    statuses = [client.post(kudos_url(ben_event), {"reaction": key}, format="json").status_code for key in ("clap", "heart", "rocket")]
    assert statuses == [201, 201, 429]


def test_signed_out_kudos_are_refused(two_circles, ben_event):
    assert APIClient().post(kudos_url(ben_event), {"reaction": "clap"}, format="json").status_code in (401, 403)


def test_the_feed_carries_reactions_with_the_viewers_own(two_circles, ben_event):
    client_for(two_circles["ana"]).post(kudos_url(ben_event), {"reaction": "clap"}, format="json")
    for user in (seated("dee", two_circles["one"]).user, two_circles["ana"]):
        client_for(user).post(kudos_url(ben_event), {"reaction": "heart"}, format="json")
    feed = client_for(two_circles["ana"]).get(PAGE).json()["recent_activity"]
    assert feed[0]["reactions"] == [
        {"key": "clap", "count": 1, "mine": True},
        {"key": "heart", "count": 2, "mine": True},
    ]
    bens_view = client_for(two_circles["ben"]).get(PAGE).json()["recent_activity"]
    assert [r["mine"] for r in bens_view[0]["reactions"]] == [False, False]


def test_the_feeds_reactions_take_one_query_at_any_size(two_circles, django_assert_num_queries):
    from core.live.selectors import reactions_by_event

    for size in (1, 10):
        ids = [str(XPService.add_xp(two_circles["ben"], 5).pk) for _ in range(size)]
        with django_assert_num_queries(1):
            reactions_by_event(ids, viewer_id=two_circles["ana"].pk)


def test_the_schema_names_the_kudos_reactions_once(db):
    schema = APIClient().get("/api/schema/?format=json").json()
    assert schema["components"]["schemas"]["ReactionEnum"]["enum"] == Reaction.values

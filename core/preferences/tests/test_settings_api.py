"""GET/PATCH /api/v1/me/settings/: the person's zone and the reset shown on their clock."""

from datetime import datetime, timezone as dt_timezone

import pytest
import time_machine
from rest_framework.test import APIClient

from core.users.tests.factories import UserFactory

URL = "/api/v1/me/settings/"
WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=dt_timezone.utc)


@pytest.fixture
def client(db):
    client = APIClient()
    client.user = UserFactory()
    client.force_authenticate(client.user)
    return client


@pytest.fixture
def reset_at_one(settings):
    settings.TIME_ZONE = "UTC"
    settings.THRIVE_RESET_HOUR = 1


def test_a_new_person_follows_the_platform_zone(client, reset_at_one):
    with time_machine.travel(WEDNESDAY, tick=False):
        body = client.get(URL).json()
    assert (body["time_zone"], body["effective_time_zone"]) == ("", "UTC")
    assert body["next_reset"] == "2026-11-30T01:00:00Z"
    assert (body["next_reset_local"], body["next_reset_weekday"]) == ("2026-11-30T01:00:00+00:00", "Monday")
    assert body["rest_week"]["status"] == "none"


@pytest.mark.parametrize(
    "zone, local, weekday",
    [
        ("Asia/Tokyo", "2026-11-30T10:00:00+09:00", "Monday"),  # UTC+9
        ("America/Los_Angeles", "2026-11-29T17:00:00-08:00", "Sunday"),  # UTC-8 after the DST change
    ],
)
def test_the_reset_is_shown_on_the_persons_clock(client, reset_at_one, zone, local, weekday):
    with time_machine.travel(WEDNESDAY, tick=False):
        response = client.patch(URL, {"time_zone": zone}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert (body["time_zone"], body["effective_time_zone"]) == (zone, zone)
    assert body["next_reset"] == "2026-11-30T01:00:00Z"  # one instant for everyone
    assert (body["next_reset_local"], body["next_reset_weekday"]) == (local, weekday)
    client.user.refresh_from_db()
    assert client.user.time_zone == zone


def test_an_empty_zone_goes_back_to_the_platforms(client):
    client.patch(URL, {"time_zone": "Asia/Tokyo"}, format="json")
    body = client.patch(URL, {"time_zone": ""}, format="json").json()
    assert (body["time_zone"], body["effective_time_zone"]) == ("", "UTC")


def test_an_unknown_zone_is_a_400_that_says_so(client):
    response = client.patch(URL, {"time_zone": "Mars/Olympus_Mons"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert "Unknown time zone 'Mars/Olympus_Mons'" in body["detail"]
    assert "time_zone" in body["errors"]
    client.user.refresh_from_db()
    assert client.user.time_zone == ""


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"time_zone": 9}, "time_zone"),
        ({"time_zone": ["Asia/Tokyo"]}, "time_zone"),
        ({"time_zone": "x" * 65}, "time_zone"),
        ({"resting": "yes"}, "resting"),
        ({"resting": 1}, "resting"),
    ],
)
def test_bad_types_are_a_400_naming_the_field(client, payload, field):
    response = client.patch(URL, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_settings_need_a_signed_in_person(db):
    assert APIClient().get(URL).status_code in (401, 403)
    assert APIClient().patch(URL, {"time_zone": "Asia/Tokyo"}, format="json").status_code in (401, 403)


def test_the_schema_documents_the_settings(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/me/settings/" in schema and "SettingsUpdate" in schema


def test_the_reset_on_a_los_angeles_clock_moves_an_hour_across_the_dst_change(client, reset_at_one):
    """The reset is one UTC instant; Los Angeles leaves daylight saving on 1 November 2026."""
    client.patch(URL, {"time_zone": "America/Los_Angeles"}, format="json")
    with time_machine.travel(datetime(2026, 10, 21, 12, tzinfo=dt_timezone.utc), tick=False):
        before = client.get(URL).json()
    with time_machine.travel(datetime(2026, 10, 28, 12, tzinfo=dt_timezone.utc), tick=False):
        after = client.get(URL).json()
    assert (before["next_reset"], before["next_reset_local"]) == ("2026-10-26T01:00:00Z", "2026-10-25T18:00:00-07:00")
    assert (after["next_reset"], after["next_reset_local"]) == ("2026-11-02T01:00:00Z", "2026-11-01T17:00:00-08:00")
    assert before["next_reset_weekday"] == after["next_reset_weekday"] == "Sunday"


def test_the_reset_at_the_persons_midnight_edge(client, settings):
    """A reset at 15:00 UTC is Tuesday 00:00 in Tokyo: shown as Tuesday there, not Monday."""
    settings.TIME_ZONE = "UTC"
    settings.THRIVE_RESET_HOUR = 15
    client.patch(URL, {"time_zone": "Asia/Tokyo"}, format="json")
    with time_machine.travel(WEDNESDAY, tick=False):
        body = client.get(URL).json()
    assert (body["next_reset"], body["next_reset_local"], body["next_reset_weekday"]) == (
        "2026-11-30T15:00:00Z", "2026-12-01T00:00:00+09:00", "Tuesday",
    )

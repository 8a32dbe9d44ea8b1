"""The evening reminder comes in each person's own evening, once per their local day."""

from datetime import date, datetime, timezone

import pytest

from core.notifications.models import Notification
from core.notifications.selectors import people_to_nudge
from core.notifications.services import nudge_streaks_at_risk
from core.notifications.tasks import nudge_streaks_at_risk as nudge_task
from core.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

UTC = timezone.utc
# 11:00 UTC on Wednesday 25 November: 20:00 in Tokyo, 03:00 in Los Angeles.
TOKYO_EVENING = datetime(2026, 11, 25, 11, 0, tzinfo=UTC)
# 04:00 UTC on Thursday 26 November: 20:00 on the 25th in Los Angeles, 13:00 on the 26th in Tokyo.
LA_EVENING = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)


def person(zone: str, *, streak: int = 3, last: date = date(2026, 11, 24), **fields):
    return UserFactory(time_zone=zone, current_streak=streak, last_login_date=last, **fields)


def nudged(user) -> list[str]:
    return list(Notification.objects.filter(user=user, kind="streak_at_risk").values_list("dedupe_key", flat=True))


def test_tokyo_is_nudged_in_its_evening_and_los_angeles_in_its_own():
    tokyo, la = person("Asia/Tokyo"), person("America/Los_Angeles")
    nudge_streaks_at_risk(now=TOKYO_EVENING)
    assert (nudged(tokyo), nudged(la)) == (["streak:2026-11-25"], [])
    nudge_streaks_at_risk(now=LA_EVENING)
    assert (nudged(tokyo), nudged(la)) == (["streak:2026-11-25"], ["streak:2026-11-25"])


def test_hourly_reruns_in_one_evening_nudge_once():
    tokyo = person("Asia/Tokyo")
    assert nudge_streaks_at_risk(now=TOKYO_EVENING) == 1
    assert nudge_streaks_at_risk(now=TOKYO_EVENING.replace(hour=12)) == 0
    assert nudge_streaks_at_risk(now=TOKYO_EVENING.replace(hour=13)) == 0
    assert Notification.objects.get(user=tokyo).payload == {"streak": 3, "date": "2026-11-25"}


def test_the_next_evening_is_a_new_day():
    tokyo = person("Asia/Tokyo")
    nudge_streaks_at_risk(now=TOKYO_EVENING)
    tokyo.last_login_date = date(2026, 11, 25)
    tokyo.save()
    nudge_streaks_at_risk(now=TOKYO_EVENING.replace(day=26))
    assert sorted(nudged(tokyo)) == ["streak:2026-11-25", "streak:2026-11-26"]


def test_outside_the_evening_no_one_is_nudged():
    person("Asia/Tokyo")
    assert nudge_streaks_at_risk(now=TOKYO_EVENING.replace(hour=5)) == 0  # 14:00 in Tokyo


@pytest.mark.parametrize(
    "fields",
    [
        {"last": date(2026, 11, 25)},  # already came today (their day)
        {"last": date(2026, 11, 22)},  # the streak already ended
        {"streak": 1},  # nothing much at risk
        {"is_active": False},
        {"resting_week": date(2026, 11, 23)},  # sitting out this week: no nudges (issue 17)
    ],
    ids=["came-today", "streak-over", "streak-of-one", "inactive", "resting"],
)
def test_who_is_not_nudged(fields):
    person("Asia/Tokyo", **fields)
    assert people_to_nudge(TOKYO_EVENING) == []


def test_someone_back_from_a_rest_week_is_nudged_again():
    back = person("Asia/Tokyo", resting_week=date(2026, 11, 23), rest_ended_on=date(2026, 11, 24))
    assert [nudge.user_id for nudge in people_to_nudge(TOKYO_EVENING)] == [back.pk]


def test_an_empty_zone_means_the_platform_zone(settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    someone = person("")
    nudge_streaks_at_risk(now=TOKYO_EVENING)
    assert nudged(someone) == ["streak:2026-11-25"]


def test_an_opt_out_is_respected():
    from core.notifications.services import update_preferences

    tokyo = person("Asia/Tokyo")
    update_preferences(tokyo, {"streak_at_risk": False})
    assert nudge_streaks_at_risk(now=TOKYO_EVENING) == 0


def test_the_hourly_task_runs_the_service(time_machine):
    tokyo = person("Asia/Tokyo")
    time_machine.move_to(TOKYO_EVENING, tick=False)
    assert nudge_task.apply().get() == 1
    assert nudged(tokyo) == ["streak:2026-11-25"]

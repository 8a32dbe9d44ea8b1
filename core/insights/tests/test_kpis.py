"""Each metric on the hand-computed community of conftest.py (expected figures written out)."""

import pytest
import time_machine

from core.circles.services import XPService
from core.circles.tests.factories import ProfileFactory
from core.insights.kpis import compute_week
from core.insights.models import Feature, FeatureView
from core.points.models import ActivityType
from core.users.tests.factories import UserFactory

from .conftest import NOW, W1, W2, W3, at, award

LEVELS = ["Seedling", "Explorer", "Creator", "Catalyst", "Luminary"]


def distribution(metrics) -> dict:
    return {entry.level: entry.users for entry in metrics.level_distribution}


@pytest.fixture
def week2(community):
    return compute_week(W2, now=NOW)


def test_share_of_users_active(week2):
    # ann, cat and dan earned something; ann, bob, cat, dan and eve had joined by the week's end.
    assert (week2.active_users, week2.registered_users, week2.active_share) == (3, 5, 0.6)


def test_average_xp_per_active_user(week2):
    # ann 5 + 20 + 10, cat 20 + 0 + 50, dan 5 + 20 = 130 XP over 3 people.
    assert (week2.xp_total, week2.avg_xp_per_active_user) == (130, 43.3)


def test_activities_per_active_user_leave_out_sign_ins_and_cooldown_refusals(week2):
    # ann quiz + project, cat quiz + milestone (not the refused quiz), dan quiz.
    assert (week2.activities, week2.activities_per_active_user) == (5, 1.67)


def test_week_over_week_retention(week2):
    # Active in W1: ann and bob; of them only ann came back in W2.
    assert (week2.previous_active_users, week2.retained_users, week2.retention) == (2, 1, 0.5)


def test_page_and_feed_views(week2):
    # ann 3 + 1 page views (two days) and 1 feed view, cat 2 page views.
    assert (week2.page_views, week2.page_viewers, week2.feed_views, week2.feed_viewers) == (6, 2, 1, 1)


def test_returning_page_viewers_come_from_page_views_of_both_weeks(community):
    # W2: only bob opened the page in W1, and he did not open it in W2.
    week2 = compute_week(W2, now=NOW)
    assert (week2.previous_page_viewers, week2.returning_page_viewers, week2.page_return_rate) == (1, 0, 0.0)
    # W3: ann and cat opened it in W2; ann came back on the 23rd.
    week3 = compute_week(W3, now=NOW)
    assert (week3.previous_page_viewers, week3.returning_page_viewers, week3.page_return_rate) == (2, 1, 0.5)


def test_a_feed_view_alone_is_not_a_return_to_the_page(community):
    FeatureView.objects.create(user=community["cat"], feature=Feature.ACTIVITY_FEED, day=W3)
    assert compute_week(W3, now=NOW).returning_page_viewers == 1


def test_level_ups(week2):
    # ann 490 -> 525 (Seedling -> Explorer), cat 1450 -> 1520 (Explorer -> Creator).
    assert week2.level_ups == 2


def test_distribution_across_levels_at_the_weeks_end_ignores_later_xp(week2):
    # ann's W3 quiz (545 XP now) doesn't count; eve has no Thrive profile; fay joined later.
    assert distribution(week2) == {"Seedling": 2, "Explorer": 1, "Creator": 1, "Catalyst": 0, "Luminary": 0}


def test_fair_play_figures(week2):
    assert (week2.limited_awards, week2.spike_flags) == (1, 1)


def test_the_first_week_has_no_retention_and_earlier_levels(community):
    week1 = compute_week(W1, now=NOW)
    assert (week1.registered_users, week1.active_users, week1.active_share) == (3, 2, 0.6667)
    assert (week1.xp_total, week1.avg_xp_per_active_user, week1.activities) == (45, 22.5, 2)
    assert (week1.previous_active_users, week1.retention, week1.level_ups, week1.page_views) == (0, None, 0, 1)
    assert distribution(week1) == {"Seedling": 2, "Explorer": 1, "Creator": 0, "Catalyst": 0, "Luminary": 0}
    assert week1.is_complete


def test_the_running_week_is_marked_incomplete(community):
    week3 = compute_week(W3, now=NOW)
    assert (week3.is_complete, week3.registered_users, week3.active_users, week3.xp_total) == (False, 6, 1, 20)
    assert (week3.retained_users, week3.retention, week3.page_views) == (1, round(1 / 3, 4), 1)


def test_an_empty_week_has_no_ratios(levels):
    week = compute_week(W2, now=NOW)
    assert (week.active_share, week.avg_xp_per_active_user, week.activities_per_active_user, week.retention) == (
        None, None, None, None
    )
    assert distribution(week) == dict.fromkeys(LEVELS, 0)


def test_a_correction_that_lowers_a_level_counts_no_level_up(levels):
    user = UserFactory(date_joined=at(1, month=10))
    with time_machine.travel(at(17), tick=False):
        XPService.add_xp(user, 600)
    with time_machine.travel(at(18), tick=False):
        XPService.add_xp(user, -200)
    week = compute_week(W2, now=NOW)
    assert (week.level_ups, distribution(week)["Seedling"], week.xp_total) == (0, 1, 400)


@pytest.mark.parametrize("people", [5, 50])
def test_a_week_takes_the_same_queries_whatever_the_number_of_people(levels, people, django_assert_num_queries):
    for profile in ProfileFactory.create_batch(people, user__date_joined=at(1, month=10)):
        award(profile.user, ActivityType.QUIZ_COMPLETED, at(17))
    # users; awards; previous week with retention; XP; views; returning viewers; page-time median;
    # levels (2); spike flags
    with django_assert_num_queries(10):
        assert compute_week(W2, now=NOW).active_users == people

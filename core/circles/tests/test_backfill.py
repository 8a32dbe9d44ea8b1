"""migrate_to_thrive_circles: profiles, XP events from PointsHistory, carry-over, first circles."""

import threading
from datetime import datetime, timedelta, timezone as dt_timezone
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.models import Count, Sum
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from core.circles import weeks
from core.circles.ops import backfill
from core.circles.ledger.levels import load_default_levels
from core.circles.models import CircleAssignmentRun, ThriveCircle, ThriveCircleLevel, UserThriveProfile, XPEvent
from core.circles.tests.factories import LegacyAwardFactory, ProfileFactory
from core.points.models import PointsHistory
from core.points.services import PointsService
from core.users.tests.factories import UserFactory

MIDWEEK = datetime(2026, 11, 25, 12, 0, tzinfo=dt_timezone.utc)  # a Wednesday


@pytest.fixture
def midweek():
    with time_machine.travel(MIDWEEK, tick=True) as traveller:
        yield traveller


def legacy_user(*awards, extra_points=0, **user_fields):
    """A user of the old platform: PointsHistory rows without events, total_points to match (+ extra)."""
    user = UserFactory(password="!", **user_fields)  # unusable password: no hashing, fast
    for award in awards:
        LegacyAwardFactory(user=user, **award)
    user.total_points = sum(a.get("points_awarded", 20) for a in awards) + extra_points
    user.save(update_fields=["total_points"])
    return user


def days_ago(days, hours=0):
    from django.utils import timezone

    return timezone.now() - timedelta(days=days, hours=hours)


def migrate(*args):
    out = StringIO()
    call_command("migrate_to_thrive_circles", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def assert_consistent():
    """Every invariant the migration promises, checked directly."""
    for profile in UserThriveProfile.objects.select_related("current_level"):
        events = XPEvent.objects.filter(user_id=profile.user_id).aggregate(s=Sum("amount"))["s"] or 0
        assert profile.total_xp == events, profile.user.username
        expected = (
            ThriveCircleLevel.objects.filter(min_xp__lte=profile.total_xp).order_by("-min_xp").first()
            or ThriveCircleLevel.objects.order_by("order").first()
        )
        assert profile.current_level == expected
    assert not PointsHistory.objects.filter(xp_event__isnull=True).exists()
    assert not PointsHistory.objects.annotate(n=Count("xp_event")).filter(n__gt=1).exists()


@pytest.mark.django_db
def test_every_user_gets_a_profile_with_xp_and_level_from_their_points(levels, midweek):
    seedling = legacy_user({"points_awarded": 20})
    creator = legacy_user(*[{"points_awarded": 50, "activity_type": "project_milestone"}] * 32)  # 1600
    newcomer = UserFactory()  # never earned anything

    migrate()

    profiles = {p.user_id: p for p in UserThriveProfile.objects.select_related("current_level")}
    assert set(profiles) == {seedling.pk, creator.pk, newcomer.pk}
    assert (profiles[seedling.pk].total_xp, profiles[seedling.pk].current_level.name) == (20, "Seedling")
    assert (profiles[creator.pk].total_xp, profiles[creator.pk].current_level.name) == (1600, "Creator")
    assert (profiles[newcomer.pk].total_xp, profiles[newcomer.pk].current_level.name) == (0, "Seedling")
    assert_consistent()


@pytest.mark.django_db
def test_backfilled_events_keep_time_metadata_and_link_to_their_award(levels, midweek):
    at = days_ago(40)
    user = legacy_user(
        {"activity_type": "battle_won", "points_awarded": 20, "created_at": at,
         "description": "Won a Prompt Battle: Haiku", "metadata": {"battle_id": 7, "title": "Haiku"}},
        {"activity_type": "daily_login", "points_awarded": 5, "description": ""},
    )

    migrate()

    battle = XPEvent.objects.get(points_history__activity_type="battle_won")
    assert battle.user == user
    assert battle.timestamp == at
    assert battle.metadata == {"battle_id": 7, "title": "Haiku"}
    assert (battle.source, battle.amount, battle.description) == ("prompt_battle", 20, "Won a Prompt Battle: Haiku")
    login = XPEvent.objects.get(points_history__activity_type="daily_login")
    assert (login.source, login.description) == ("daily_login", "Daily check-in")


@pytest.mark.django_db
def test_rerun_creates_no_profile_and_no_event(levels, midweek):
    for n in range(3):
        legacy_user(*[{"points_awarded": 10 * (n + 1)}] * (n + 2), extra_points=7 * n)
    migrate()
    before = (
        list(UserThriveProfile.objects.order_by("pk").values_list("pk", "total_xp", "weekly_xp", "current_level")),
        set(XPEvent.objects.values_list("pk", flat=True)),
    )

    output = migrate()

    after = (
        list(UserThriveProfile.objects.order_by("pk").values_list("pk", "total_xp", "weekly_xp", "current_level")),
        set(XPEvent.objects.values_list("pk", flat=True)),
    )
    assert after == before
    assert "Profiles created: 0" in output and "XP events backfilled: 0" in output


@pytest.mark.django_db
def test_weekly_xp_is_the_sum_of_this_weeks_events(levels, midweek):
    user = legacy_user(
        {"points_awarded": 20, "created_at": days_ago(1)},  # Tuesday: this week
        {"points_awarded": 25, "created_at": days_ago(0, hours=2)},  # today
        {"points_awarded": 50, "created_at": days_ago(5)},  # last Friday
    )

    migrate()

    profile = UserThriveProfile.objects.get(user=user)
    assert profile.weekly_xp_week == weeks.current_week_start()
    assert profile.xp_this_week == 45
    assert profile.total_xp == 95


@pytest.mark.django_db
def test_a_live_award_before_the_migration_is_counted_once(levels, midweek):
    user = legacy_user({"points_awarded": 20, "created_at": days_ago(60)})
    PointsService.award_points(user, "project_milestone")  # live: history + linked event + profile

    migrate()

    assert XPEvent.objects.filter(user=user).count() == 2
    profile = UserThriveProfile.objects.get(user=user)
    assert profile.total_xp == 70
    assert_consistent()


@pytest.mark.django_db
def test_points_without_history_are_carried_over_once(levels, midweek):
    user = legacy_user({"points_awarded": 20}, extra_points=480, date_joined=days_ago(300))  # 480 predate the history

    output = migrate()
    migrate()

    carried = XPEvent.objects.get(user=user, points_history__isnull=True)
    assert carried.amount == 480
    assert carried.metadata == {backfill.CARRY_OVER_KEY: backfill.CARRY_OVER_VALUE}
    assert carried.timestamp == user.date_joined  # history, not this week's XP
    profile = UserThriveProfile.objects.get(user=user)
    assert (profile.total_xp, profile.current_level.name) == (500, "Explorer")
    assert profile.xp_this_week == 20
    assert "1 users have total_points that differ" in output


@pytest.mark.django_db
def test_without_carry_over_xp_is_the_history_and_the_difference_is_reported(levels, midweek):
    user = legacy_user({"points_awarded": 20}, extra_points=480)

    output = migrate("--no-carry-over")

    assert UserThriveProfile.objects.get(user=user).total_xp == 20
    assert "differ from their points history by +480 in all (not carried over)" in output
    assert_consistent()


@pytest.mark.django_db
def test_dry_run_writes_nothing_and_says_what_would_change(levels, midweek):
    legacy_user({"points_awarded": 20}, {"points_awarded": 25}, extra_points=5)
    UserFactory()

    output = migrate("--dry-run")

    assert not UserThriveProfile.objects.exists()
    assert not XPEvent.objects.exists()
    assert not ThriveCircle.objects.exists() and not CircleAssignmentRun.objects.exists()
    assert "create 2 profiles" in output
    assert "backfill 2 XP events (+45 XP)" in output
    assert "carry over points for 1 users (+5 XP" in output
    assert f"build the circles of the week of {weeks.current_week_start()}" in output


@pytest.mark.django_db
def test_dry_run_loads_no_levels_when_none_exist(midweek):
    legacy_user({"points_awarded": 20})

    output = migrate("--dry-run")

    assert "load 5 default levels" in output
    assert not ThriveCircleLevel.objects.exists()


@pytest.mark.django_db
def test_unexplained_mismatch_is_listed_and_fails_the_command(levels, midweek):
    legacy_user({"points_awarded": 20})
    broken = ProfileFactory(total_xp=300, user__username="tampered")  # XP without any event

    with pytest.raises(CommandError, match="Inconsistencies"):
        out = StringIO()
        try:
            call_command("migrate_to_thrive_circles", stdout=out, stderr=StringIO())
        finally:
            output = out.getvalue()

    assert f"tampered (user {broken.user_id}): total_xp 300, events 0, difference +300" in output
    with pytest.raises(CommandError, match="already differs"):
        call_command("migrate_to_thrive_circles", "--dry-run", stdout=StringIO())


@pytest.mark.django_db
def test_validation_flags_awards_and_users_left_behind(levels, midweek):
    legacy_user({"points_awarded": 20, "created_at": days_ago(3)}, date_joined=days_ago(10))

    report = backfill.validate()

    assert (report.users_without_profile, report.history_without_event) == (1, 1)
    assert not report.ok
    assert backfill.validate(started_at=days_ago(30)).ok  # both came after a run started then


@pytest.mark.django_db
def test_first_circles_are_built_for_active_users_only(levels, midweek):
    active = [legacy_user({"points_awarded": 20, "created_at": days_ago(3)}) for _ in range(4)]
    dormant = legacy_user({"points_awarded": 20, "created_at": days_ago(90)}, date_joined=days_ago(400))

    output = migrate()

    run = CircleAssignmentRun.objects.get()
    assert (run.trigger, run.status, run.users_placed) == ("migration", "succeeded", 4)
    seated = set(UserThriveProfile.objects.filter(current_circle__isnull=False).values_list("user_id", flat=True))
    assert seated == {u.pk for u in active}
    assert UserThriveProfile.objects.get(user=dormant).last_activity_at == PointsHistory.objects.get(user=dormant).created_at
    assert "4 users placed" in output


@pytest.mark.django_db
def test_levels_are_loaded_when_none_exist(midweek):
    legacy_user({"points_awarded": 600})

    migrate()

    assert ThriveCircleLevel.objects.count() == 5
    assert UserThriveProfile.objects.get().current_level.name == "Explorer"


@pytest.mark.django_db
def test_small_batches_give_the_same_result_as_one(levels, midweek):
    for n in range(7):
        legacy_user(*[{"points_awarded": 5 + n}] * (n + 1), extra_points=n % 3)

    result = backfill.migrate_to_thrive_circles(batch_size=2, assign_circles=False)

    assert result.events_created == sum(range(1, 8))
    assert result.carry_over_users == 4
    assert result.report.ok
    assert_consistent()


@pytest.mark.django_db
def test_progress_is_reported_up_to_the_total(levels):
    users = [legacy_user({"points_awarded": 20}) for _ in range(5)]
    calls = []

    backfill.migrate_to_thrive_circles(batch_size=2, assign_circles=False, progress=lambda *a: calls.append(a))

    total = users[-1].pk - users[0].pk + 1
    assert calls[0] == ("users", 0, total) and calls[-1] == ("users", total, total)
    assert len(calls) == 1 + 3


@pytest.mark.django_db
@pytest.mark.parametrize("users", [3, 30])
def test_one_batch_takes_the_same_queries_whatever_its_size(levels, django_assert_num_queries, users):
    for _ in range(users):
        legacy_user({"points_awarded": 20}, {"points_awarded": 5}, extra_points=1)

    # levels check, id bounds; the batch: entry level, savepoint, temp table (2), pending rows,
    # carry-over, profiles, events, carry events, counters, the day tally (clear, read, write),
    # totals, clear, release; validation (5).
    # PostgreSQL adds the advisory lock and unlock, JIT off and back twice (6) and ANALYZE.
    with django_assert_num_queries(23 + 9 * (connection.vendor == "postgresql")):
        backfill.migrate_to_thrive_circles(batch_size=1000, assign_circles=False)


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

award = st.fixed_dictionaries(
    {
        "points_awarded": st.integers(min_value=-50, max_value=400),
        "days": st.integers(min_value=0, max_value=60),
    }
)
person = st.fixed_dictionaries(
    {
        "legacy": st.lists(award, max_size=6),
        "live": st.integers(min_value=0, max_value=2),  # awards made through PointsService first
        "extra": st.integers(min_value=-30, max_value=300),
    }
)


class MigrationProperties(HypothesisTestCase):
    @hypothesis_settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(people=st.lists(person, min_size=1, max_size=5), batch_size=st.integers(min_value=1, max_value=4))
    def test_xp_equals_events_levels_match_and_a_rerun_changes_nothing(self, people, batch_size):
        load_default_levels()
        with time_machine.travel(MIDWEEK, tick=False):
            for spec in people:
                user = legacy_user(
                    *[{"points_awarded": a["points_awarded"], "created_at": days_ago(a["days"])} for a in spec["legacy"]],
                    extra_points=spec["extra"],
                )
                for _ in range(spec["live"]):
                    PointsService.award_points(user, "quiz_completed")

            first = backfill.migrate_to_thrive_circles(batch_size=batch_size)
            assert first.report.ok
            assert_consistent()
            state = (
                list(UserThriveProfile.objects.order_by("pk").values_list("total_xp", "weekly_xp", "current_circle")),
                XPEvent.objects.count(),
            )
            second = backfill.migrate_to_thrive_circles(batch_size=batch_size)

            assert (second.profiles_created, second.events_created, second.carry_over_users) == (0, 0, 0)
            assert state == (
                list(UserThriveProfile.objects.order_by("pk").values_list("total_xp", "weekly_xp", "current_circle")),
                XPEvent.objects.count(),
            )
            for profile in UserThriveProfile.objects.select_related("user"):
                assert profile.total_xp == profile.user.total_points  # everything carried over


# ---------------------------------------------------------------------------------------------
# Live traffic (PostgreSQL, real threads)
# ---------------------------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_awards_during_the_migration_are_counted_exactly_once(levels):
    users = [legacy_user(*[{"points_awarded": 10, "created_at": days_ago(d)} for d in range(1, 6)]) for _ in range(12)]
    first_batch_done = threading.Event()
    live_done = threading.Event()
    errors = []

    def live_traffic():
        try:
            first_batch_done.wait(timeout=30)
            for round_ in range(3):
                for user in users:
                    PointsService.award_points(user, "daily_login" if round_ else "quiz_completed")
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            live_done.set()
            connections.close_all()

    def progress(stage, done, total):
        if 0 < done < total and not first_batch_done.is_set():
            first_batch_done.set()
            live_done.wait(timeout=0.2)  # let the live awards interleave with the next batches

    worker = threading.Thread(target=live_traffic)
    worker.start()
    result = backfill.migrate_to_thrive_circles(batch_size=2, assign_circles=False, progress=progress)
    worker.join(timeout=60)

    assert not errors
    assert result.report.ok
    backfill.migrate_to_thrive_circles(batch_size=5, assign_circles=False)  # picks up nothing twice
    assert XPEvent.objects.count() == PointsHistory.objects.count() == 12 * (5 + 3)
    assert_consistent()
    for user in users:
        user.refresh_from_db()
        assert UserThriveProfile.objects.get(user=user).total_xp == user.total_points


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_profile_creation_racing_a_live_award_keeps_both(levels):
    """The live award creates the profile first (get_or_create) while the batch is open."""
    user = legacy_user({"points_awarded": 30, "created_at": days_ago(2)})
    started = threading.Event()

    def award():
        started.wait(timeout=30)
        PointsService.award_points(user, "project_milestone")
        connections.close_all()

    thread = threading.Thread(target=award)
    thread.start()
    backfill.migrate_to_thrive_circles(
        batch_size=1, assign_circles=False, progress=lambda s, done, total: started.set() if done == 0 else None
    )
    thread.join(timeout=30)
    backfill.migrate_to_thrive_circles(batch_size=1, assign_circles=False)

    assert UserThriveProfile.objects.get(user=user).total_xp == 80
    assert_consistent()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_second_migration_at_the_same_time_is_refused(levels):
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [backfill._BACKFILL_LOCK])
        with pytest.raises(CommandError, match="Another Thrive Circles migration is running"):
            call_command("migrate_to_thrive_circles", stdout=StringIO(), stderr=StringIO())
    finally:
        other.close()
    assert connection.vendor == "postgresql"

"""The operators' commands as a shell runs them: `manage.py assign_thrive_circles` and
`manage.py load_thrive_levels`. Output, exit status, running twice and bad arguments."""

from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from django.core.management import base as management_base
from django.utils import timezone

from core.circles.assignment import grouping
from core.circles.models import CircleAssignmentRun, ThriveCircle, ThriveCircleLevel, UserThriveProfile
from core.circles.tests.factories import ProfileFactory


def manage(*argv: str) -> tuple[int, str, str]:
    """Run `manage.py <argv>` as the shell would, in this process and its test database:
    returns (exit status, stdout, stderr)."""
    out, err = StringIO(), StringIO()
    status = 0
    # run_from_argv closes every connection when it ends; the test's database connection must stay.
    with redirect_stdout(out), redirect_stderr(err), mock.patch.object(management_base.connections, "close_all"):
        try:
            ManagementUtility(["manage.py", *argv]).execute()
        except SystemExit as exit_:
            status = exit_.code
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def community(levels, midweek):
    return [ProfileFactory(total_xp=10 * i, last_activity_at=timezone.now() - timedelta(days=1)) for i in range(6)]


# --- assign_thrive_circles -----------------------------------------------------------------------


def test_assign_prints_what_the_run_did_and_exits_0(community):
    status, out, err = manage("assign_thrive_circles")

    run = CircleAssignmentRun.objects.get()
    assert status == 0 and "Error" not in err
    assert out == (
        f"Thrive Circles for the week of {run.week_start}: Succeeded, 6 users placed, "
        f"{run.circles_created} circles created.\n"
    )
    assert run.trigger == "command" and run.circles_created == ThriveCircle.objects.count() >= 1
    assert not UserThriveProfile.objects.filter(current_circle=None).exists()


def test_assign_run_twice_builds_nothing_more_and_says_so(community):
    manage("assign_thrive_circles")
    circles = set(ThriveCircle.objects.values_list("pk", flat=True))

    status, out, _ = manage("assign_thrive_circles")

    assert status == 0 and ": Already done (topped up), 0 users placed, 0 circles created." in out
    assert set(ThriveCircle.objects.values_list("pk", flat=True)) == circles
    assert list(CircleAssignmentRun.objects.order_by("pk").values_list("status", flat=True)) == ["succeeded", "already_done"]


def test_assign_run_twice_seats_a_newcomer_only(community):
    manage("assign_thrive_circles")
    newcomer = ProfileFactory(total_xp=5, last_activity_at=timezone.now())

    status, out, _ = manage("assign_thrive_circles")

    assert status == 0 and ": Already done (topped up), 1 users placed, 0 circles created." in out
    newcomer.refresh_from_db()
    assert newcomer.current_circle is not None


def test_a_failed_assignment_exits_1_with_the_error_and_keeps_its_record(community, monkeypatch):
    def broken_planner(*args, **kwargs):
        raise RuntimeError("the planner broke")

    monkeypatch.setattr(grouping, "plan_circles", broken_planner)

    status, out, err = manage("assign_thrive_circles")

    assert (status, out) == (1, "")
    assert err.endswith("CommandError: Error assigning circles: the planner broke\n")  # after the logged traceback
    run = CircleAssignmentRun.objects.get()
    assert run.status == "failed" and run.error == "RuntimeError: the planner broke"
    assert not ThriveCircle.objects.exists()  # rolled back whole


def test_assign_refuses_unknown_arguments_with_usage_and_exit_2_before_running(community):
    status, out, err = manage("assign_thrive_circles", "--week", "2026-11-30")

    assert (status, out) == (2, "")
    assert "usage: manage.py assign_thrive_circles" in err
    assert "error: unrecognized arguments: --week 2026-11-30" in err
    assert not CircleAssignmentRun.objects.exists()


def test_assign_called_from_code_with_bad_arguments_raises_a_command_error(community):
    with pytest.raises(CommandError, match="unrecognized arguments: now"):
        call_command("assign_thrive_circles", "now")
    assert not CircleAssignmentRun.objects.exists()


# --- load_thrive_levels --------------------------------------------------------------------------


def test_load_levels_creates_the_five_levels_and_exits_0(db):
    ThriveCircleLevel.objects.all().delete()

    status, out, err = manage("load_thrive_levels")

    assert (status, out) == (0, "Thrive Circle levels ready (5 created).\n") and "Error" not in err
    assert list(ThriveCircleLevel.objects.order_by("order").values_list("name", "min_xp")) == [
        ("Seedling", 0), ("Explorer", 500), ("Creator", 1500), ("Catalyst", 3500), ("Luminary", 7500)
    ]


def test_load_levels_run_twice_creates_nothing_and_keeps_an_operators_edit(db):
    ThriveCircleLevel.objects.all().delete()
    manage("load_thrive_levels")
    ThriveCircleLevel.objects.filter(name="Explorer").update(min_xp=600, description="Edited by an operator")

    status, out, _ = manage("load_thrive_levels")

    assert (status, out) == (0, "Thrive Circle levels ready (0 created).\n")
    assert ThriveCircleLevel.objects.count() == 5
    assert ThriveCircleLevel.objects.filter(name="Explorer", min_xp=600, description="Edited by an operator").exists()


def test_load_levels_tops_up_a_missing_level(db):
    ThriveCircleLevel.objects.all().delete()
    manage("load_thrive_levels")
    ThriveCircleLevel.objects.filter(name="Luminary").delete()

    status, out, _ = manage("load_thrive_levels")

    assert (status, out) == (0, "Thrive Circle levels ready (1 created).\n")
    assert ThriveCircleLevel.objects.filter(name="Luminary").exists()


def test_load_levels_refuses_unknown_arguments_with_usage_and_exit_2(db):
    ThriveCircleLevel.objects.all().delete()

    # (not "--force": argparse would take it for the standard option --force-color)
    status, out, err = manage("load_thrive_levels", "--reset")

    assert (status, out) == (2, "")
    assert "usage: manage.py load_thrive_levels" in err and "error: unrecognized arguments: --reset" in err
    assert not ThriveCircleLevel.objects.exists()
    with pytest.raises(CommandError, match="unrecognized arguments: extra"):
        call_command("load_thrive_levels", "extra")

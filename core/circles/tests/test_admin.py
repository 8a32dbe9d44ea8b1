"""Admin pages for operators, and the staff trigger (admin action, admin button, API endpoint)."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from hypothesis import given, strategies as st
from rest_framework.test import APIClient

from core.circles.assignment import ranking
from core.circles.ledger.levels import INITIAL_LEVELS, threshold_problems
from core.circles.models import CircleAssignmentRun, ThriveCircle, ThriveCircleLevel
from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import AssignmentRunFactory, ProfileFactory
from core.users.tests.factories import UserFactory

ASSIGN_URL = "/api/v1/thrive-circles/assign/"


def profiles(count):
    return [ProfileFactory(user__password="!", total_xp=15 * i) for i in range(count)]


def changelist(model):
    return reverse(f"admin:circles_{model}_changelist")


# ---------------------------------------------------------------------------------------------
# Levels
# ---------------------------------------------------------------------------------------------


def level_form(level, **changes):
    data = {
        "name": level.name, "order": level.order, "min_xp": level.min_xp, "description": level.description,
        "icon": level.icon, "color_from": level.color_from, "color_to": level.color_to,
    }
    return {**data, **changes}


@pytest.mark.django_db
def test_an_operator_can_edit_a_level(admin_client, levels):
    explorer = levels["Explorer"]

    response = admin_client.post(
        reverse("admin:circles_thrivecirclelevel_change", args=[explorer.pk]),
        level_form(explorer, min_xp=600, description="Finding your way."),
        follow=True,
    )

    assert response.status_code == 200
    explorer.refresh_from_db()
    assert (explorer.min_xp, explorer.description) == (600, "Finding your way.")
    assert "next weekly assignment" in response.content.decode()


@pytest.mark.django_db
def test_a_threshold_out_of_order_is_refused(admin_client, levels):
    creator = levels["Creator"]

    response = admin_client.post(
        reverse("admin:circles_thrivecirclelevel_change", args=[creator.pk]),
        level_form(creator, min_xp=400),  # below Explorer's 500
    )

    assert response.status_code == 200  # the form again, with the error
    assert "Creator (order 3) must need more XP than Explorer (order 2, 500 XP), not 400." in response.content.decode()
    creator.refresh_from_db()
    assert creator.min_xp == 1500


@pytest.mark.django_db
def test_the_first_level_must_start_at_zero(admin_client, levels):
    seedling = levels["Seedling"]

    response = admin_client.post(
        reverse("admin:circles_thrivecirclelevel_change", args=[seedling.pk]), level_form(seedling, min_xp=10)
    )

    assert "The first level (Seedling) must start at 0 XP, not 10." in response.content.decode()


def test_the_default_levels_are_consistent():
    assert threshold_problems([(lvl["name"], lvl["order"], lvl["min_xp"]) for lvl in INITIAL_LEVELS]) == []


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=8, unique=True))
def test_thresholds_are_consistent_exactly_when_they_rise_from_zero_with_order(min_xps):
    levels = [(f"L{i}", i, xp) for i, xp in enumerate(min_xps)]
    consistent = min_xps[0] == 0 and all(a < b for a, b in zip(min_xps, min_xps[1:]))
    assert (threshold_problems(levels) == []) == consistent


# ---------------------------------------------------------------------------------------------
# Circles, profiles, events, runs
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_circles_list_their_week_and_member_count(admin_client, levels):
    profiles(7)
    CircleAssignmentService.assign_weekly_circles()
    circle = ThriveCircle.objects.get()

    page = admin_client.get(changelist("thrivecircle")).content.decode()

    assert circle.name in page
    assert f'<td class="field-members">7</td>' in page
    assert f'<td class="field-week_start nowrap">{date_format(circle.week_start)}</td>' in page


@pytest.mark.django_db
@pytest.mark.parametrize("users", [5, 60])
def test_the_circle_list_takes_the_same_queries_whatever_the_size(admin_client, levels, users, django_assert_num_queries):
    profiles(users)
    CircleAssignmentService.assign_weekly_circles()
    admin_client.get(changelist("thrivecircle"))  # warm the session and content types

    with django_assert_num_queries(8):
        assert admin_client.get(changelist("thrivecircle")).status_code == 200


@pytest.mark.django_db
def test_profiles_are_searchable_by_username(admin_client, levels):
    ProfileFactory(user=UserFactory(username="ada_lovelace", password="!"), total_xp=700)
    ProfileFactory(user=UserFactory(username="alan_turing", password="!"), total_xp=20)

    page = admin_client.get(changelist("userthriveprofile"), {"q": "lovelace"}).content.decode()

    assert "ada_lovelace" in page and "alan_turing" not in page


@pytest.mark.django_db
def test_xp_events_are_searchable_by_username_and_filterable_by_source_and_date(admin_client, levels):
    ada = UserFactory(username="ada_lovelace", password="!")
    alan = UserFactory(username="alan_turing", password="!")
    XPService.add_xp(ada, 20, "quiz", "Completed a Quick Quiz: Recursion")
    XPService.add_xp(ada, 25, "prompt_battle", "Entered a Prompt Battle: Haiku")
    XPService.add_xp(alan, 10, "quiz", "Completed a Quick Quiz: Enigma")
    url = changelist("xpevent")

    by_user = admin_client.get(url, {"q": "alan_turing"}).content.decode()
    by_source = admin_client.get(url, {"source__exact": "prompt_battle"}).content.decode()
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)  # the filter's "Today"
    in_range = admin_client.get(url, {"timestamp__gte": str(today), "timestamp__lt": str(today + timedelta(days=1))})
    before = admin_client.get(url, {"timestamp__lt": str(today - timedelta(days=1))}).content.decode()

    assert "Enigma" in by_user and "Recursion" not in by_user
    assert "Haiku" in by_source and "Recursion" not in by_source
    assert all(word in in_range.content.decode() for word in ("Recursion", "Haiku", "Enigma"))
    assert "Recursion" not in before


@pytest.mark.django_db
def test_xp_events_and_runs_are_read_only(admin_client, levels):
    event = XPService.add_xp(UserFactory(password="!"), 20, "quiz", "Completed a Quick Quiz")
    run = AssignmentRunFactory()

    assert admin_client.get(reverse("admin:circles_xpevent_add")).status_code == 403
    assert admin_client.get(reverse("admin:circles_circleassignmentrun_add")).status_code == 403
    assert admin_client.get(reverse("admin:circles_xpevent_change", args=[event.pk])).status_code == 200
    response = admin_client.post(reverse("admin:circles_circleassignmentrun_change", args=[run.pk]), {"status": "failed"})
    assert response.status_code == 403
    run.refresh_from_db()
    assert run.status == "succeeded"


@pytest.mark.django_db
def test_runs_list_every_field_an_operator_needs(admin_client, levels):
    AssignmentRunFactory(status="failed", error="RuntimeError: disk full", users_placed=0, circles_created=0)

    page = admin_client.get(changelist("circleassignmentrun")).content.decode()

    for column in ("week_start", "status", "trigger", "started_at", "finished_at", "users_placed", "circles_created"):
        assert f"column-{column}" in page
    assert "RuntimeError: disk full" in page
    assert "Run the weekly assignment now" in page


# ---------------------------------------------------------------------------------------------
# The staff trigger
# ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["circleassignmentrun", "thrivecircle"])
def test_the_admin_action_runs_the_assignment(admin_client, levels, model):
    profiles(4)
    selected = AssignmentRunFactory() if model == "circleassignmentrun" else None
    if model == "thrivecircle":
        CircleAssignmentService.assign_weekly_circles()
        selected = ThriveCircle.objects.get()

    response = admin_client.post(
        changelist(model), {"action": "run_assignment_now", ACTION_CHECKBOX_NAME: [selected.pk]}, follow=True
    )

    run = CircleAssignmentRun.objects.filter(trigger="admin").get()
    assert run.status in {"succeeded", "already_done"}
    assert f"Run #{run.pk} for the week of {run.week_start}" in response.content.decode()


@pytest.mark.django_db
def test_the_admin_button_runs_the_assignment_and_only_by_post(admin_client, levels):
    profiles(4)
    url = reverse("admin:circles_circleassignmentrun_assign")

    assert admin_client.get(url).status_code == 405
    response = admin_client.post(url, follow=True)

    run = CircleAssignmentRun.objects.get(trigger="admin")
    assert (run.status, run.users_placed) == ("succeeded", 4)
    assert response.redirect_chain[-1][0] == changelist("circleassignmentrun")
    assert "4 users placed" in response.content.decode()


@pytest.mark.django_db
def test_a_failed_admin_run_says_so(admin_client, levels, monkeypatch):
    profiles(4)
    monkeypatch.setattr(ranking, "seat_by_rank", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))

    response = admin_client.post(reverse("admin:circles_circleassignmentrun_assign"), follow=True)

    run = CircleAssignmentRun.objects.get(trigger="admin")
    assert run.status == "failed"
    assert f"The assignment run failed: RuntimeError. Its record has the details. (run #{run.pk})" in response.content.decode()


@pytest.mark.django_db
def test_the_admin_button_is_staff_only(client, levels):
    client.force_login(UserFactory(password="!"))

    response = client.post(reverse("admin:circles_circleassignmentrun_assign"))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not CircleAssignmentRun.objects.exists()


@pytest.mark.django_db
def test_staff_can_trigger_the_assignment_through_the_api(levels):
    profiles(6)
    client = APIClient()
    client.force_authenticate(UserFactory(password="!", is_staff=True))

    response = client.post(ASSIGN_URL)

    assert response.status_code == 200
    run = CircleAssignmentRun.objects.get()
    assert response.json() == {
        "id": run.pk, "week_start": str(run.week_start), "status": "succeeded", "trigger": "api",
        "started_at": response.json()["started_at"], "finished_at": response.json()["finished_at"],
        "users_placed": 6, "circles_created": 1, "error": "",
    }
    assert client.post(ASSIGN_URL).json()["status"] == "already_done"


@pytest.mark.django_db
@pytest.mark.parametrize("who, status, code", [("anonymous", 401, "not_authenticated"), ("member", 403, "permission_denied")])
def test_anyone_but_staff_is_refused_the_trigger(levels, who, status, code):
    client = APIClient()
    if who == "member":
        client.force_authenticate(ProfileFactory(user__password="!").user)

    response = client.post(ASSIGN_URL)

    assert (response.status_code, response.json()["code"]) == (status, code)
    assert not CircleAssignmentRun.objects.exists()


@pytest.mark.django_db
def test_a_failed_api_run_answers_500_naming_its_record(levels, monkeypatch):
    profiles(3)
    monkeypatch.setattr(ranking, "seat_by_rank", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    client = APIClient()
    client.force_authenticate(UserFactory(password="!", is_staff=True))

    response = client.post(ASSIGN_URL)

    run = CircleAssignmentRun.objects.get()
    assert response.status_code == 500
    assert response.json() == {
        "detail": "The assignment run failed: RuntimeError. Its record has the details.",
        "code": "assignment_failed",
        "run_id": run.pk,
    }
    assert (run.status, run.error) == ("failed", "RuntimeError: boom")
    assert not ThriveCircle.objects.exists()


@pytest.mark.django_db
def test_the_level_list_shows_every_level(admin_client, levels):
    page = admin_client.get(changelist("thrivecirclelevel")).content.decode()

    assert all(level.name in page for level in ThriveCircleLevel.objects.all())

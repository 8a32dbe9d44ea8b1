"""Who sees Thrive Circles: every flag state, for the page and every circle endpoint."""

from decimal import Decimal

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from rest_framework.test import APIClient
from waffle.models import Flag

from core.circles.models import UserThriveProfile, XPEvent
from core.circles.services import CircleAssignmentService, load_default_levels
from core.launch.flags import THRIVE_CIRCLES_FLAG, percent_bucket
from core.launch.tests.factories import BetaGroupFactory, soft_launch_flag
from core.users.tests.factories import UserFactory
from core.testing import client_for

SESSION = "/api/v1/auth/session/"
# Every endpoint that shows Thrive Circles to a user. /api/v1/thrive-levels/ is public reference
# data and the health and assign endpoints are for operators: none of them is gated.
CIRCLE_ENDPOINTS = [
    ("get", "/api/v1/me/thrive-circle/"),
    ("get", "/api/v1/me/xp-history/"),
    ("get", "/api/v1/thrive-circles/help/"),
    ("post", "/api/v1/me/onboarding/"),
]
NOT_FOUND = {"detail": "Not found.", "code": "not_found"}


def sees_thrive_circles(user) -> bool:
    """What the user gets everywhere: the session's answer and every circle endpoint agree."""
    client = client_for(user)
    enabled = client.get(SESSION).json()["user"]["thrive_circles_enabled"]
    for method, path in CIRCLE_ENDPOINTS:
        response = getattr(client, method)(path, format="json")
        if enabled:
            assert response.status_code in (200, 201), (path, response.json())
        else:
            assert (response.status_code, response.json()) == (404, NOT_FOUND), path
    return enabled


@pytest.fixture
def launch(levels, midweek):
    return soft_launch_flag()


def _migrate_launch_from_0001(*, before=None) -> Flag:
    """Run the launch app's data migrations for real, from 0001 to the latest, after `before()`."""
    executor = MigrationExecutor(connection)
    executor.migrate([("launch", "0001_onboarding_tour")])
    Flag.objects.filter(name=THRIVE_CIRCLES_FLAG).delete()  # as before 0002 ever ran
    if before:
        before()
    executor = MigrationExecutor(connection)  # a fresh graph, as `migrate` would load
    executor.migrate(executor.loader.graph.leaf_nodes("launch"))
    return Flag.objects.get(name=THRIVE_CIRCLES_FLAG)


@pytest.mark.django_db(transaction=True)
def test_a_fresh_migrate_leaves_thrive_circles_in_beta_for_staff_and_the_beta_group():
    get_user_model().objects.all().delete()
    flag = _migrate_launch_from_0001()

    assert flag.everyone is None  # Unknown: the fields below decide
    assert (flag.staff, flag.superusers, flag.authenticated, flag.percent) == (True, True, False, None)
    assert list(flag.groups.values_list("name", flat=True)) == ["Thrive Circles beta"]


@pytest.mark.django_db(transaction=True)
def test_a_fresh_install_shows_it_to_staff_and_beta_testers_only():
    get_user_model().objects.all().delete()
    _migrate_launch_from_0001()
    load_default_levels()
    tester = UserFactory()
    tester.groups.add(Group.objects.get(name="Thrive Circles beta"))

    with override_settings(WAFFLE_FLAG_DEFAULT=False):  # production's default for a missing flag
        assert sees_thrive_circles(UserFactory(is_staff=True)) and sees_thrive_circles(tester)
        assert not sees_thrive_circles(UserFactory())


@pytest.mark.django_db(transaction=True)
def test_upgrading_an_install_with_users_hides_nothing_from_anyone():
    flag = _migrate_launch_from_0001(before=lambda: UserFactory(username="already_here"))
    assert flag.everyone is True


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_keeps_a_flag_an_operator_already_changed():
    from importlib import import_module

    from django.apps import apps

    get_user_model().objects.all().delete()
    soft_launch_flag(everyone=False)  # the kill switch, set before the upgrade
    import_module("core.launch.migrations.0003_thrive_circles_beta_on_fresh_install").beta_on_fresh_install(apps, None)
    assert Flag.objects.get(name=THRIVE_CIRCLES_FLAG).everyone is False


def test_loading_the_demo_community_opens_thrive_circles_to_everyone(levels, midweek):
    soft_launch_flag(staff=True)  # as a fresh install leaves it
    call_command("seed_demo", users=6, stdout=StringIO())

    flag = Flag.objects.get(name=THRIVE_CIRCLES_FLAG)
    assert flag.everyone is True and flag.staff is True
    assert sees_thrive_circles(UserFactory())


def test_off_for_everyone_hides_it_from_everyone_even_staff(launch):
    launch.everyone, launch.staff, launch.superusers = False, True, True
    launch.save()
    assert not sees_thrive_circles(UserFactory(is_staff=True, is_superuser=True))


def test_staff_only(launch):
    launch.staff = True
    launch.save()
    assert sees_thrive_circles(UserFactory(is_staff=True))
    assert not sees_thrive_circles(UserFactory())


def test_beta_group_only(launch):
    launch.groups.add(BetaGroupFactory())
    tester, other = UserFactory(), UserFactory()
    tester.groups.add(Group.objects.get(name="Thrive Circles beta"))

    assert sees_thrive_circles(tester)
    assert not sees_thrive_circles(other)


def test_joining_the_beta_group_shows_it_on_the_next_request(launch):
    launch.groups.add(BetaGroupFactory())
    user = UserFactory()
    assert not sees_thrive_circles(user)
    user.groups.add(Group.objects.get(name="Thrive Circles beta"))
    assert sees_thrive_circles(user)


def test_percentage_opens_it_to_the_users_whose_stable_bucket_is_below_it(launch):
    launch.percent = Decimal("50.0")
    launch.save()
    users = UserFactory.create_batch(8)
    expected = {user.pk: percent_bucket(THRIVE_CIRCLES_FLAG, user.pk) < Decimal("50.0") for user in users}
    assert {user.pk: sees_thrive_circles(user) for user in users} == expected


def test_percentage_gives_a_user_the_same_answer_on_every_request_and_device(launch):
    launch.percent = Decimal("50.0")
    launch.save()
    for user in UserFactory.create_batch(4):
        # New clients without cookies, as on another device or an API client.
        answers = {client_for(user).get(SESSION).json()["user"]["thrive_circles_enabled"] for _ in range(5)}
        assert len(answers) == 1


def test_percentage_is_per_user_not_per_cookie(launch):
    launch.percent = Decimal("50.0")
    launch.save()
    outside = next(user for user in UserFactory.create_batch(20) if percent_bucket(THRIVE_CIRCLES_FLAG, user.pk) >= 50)
    client = client_for(outside)
    client.cookies["dwf_thrive_circles"] = "True"  # waffle's percentage cookie, set by hand
    response = client.get("/api/v1/me/thrive-circle/")
    assert response.status_code == 404 and "dwf_thrive_circles" not in response.cookies


def test_everyone(launch):
    launch.everyone = True
    launch.save()
    assert sees_thrive_circles(UserFactory())


def test_a_missing_flag_means_off_in_production(levels, settings):
    settings.WAFFLE_FLAG_DEFAULT = False  # the production setting; the test suite's default is on
    Flag.objects.filter(name=THRIVE_CIRCLES_FLAG).delete()
    assert not sees_thrive_circles(UserFactory(is_staff=True))


def test_switching_the_flag_takes_effect_on_the_next_request(launch, django_capture_on_commit_callbacks):
    user = UserFactory()
    assert not sees_thrive_circles(user)  # the flag is now cached

    # What the admin and `manage.py waffle_flag` do: save, and on commit drop the cached flag.
    with django_capture_on_commit_callbacks(execute=True):
        launch.everyone = True
        launch.save()
    assert sees_thrive_circles(user)

    with django_capture_on_commit_callbacks(execute=True):
        launch.everyone = None
        launch.save()
    assert not sees_thrive_circles(user)


def test_signed_out_callers_still_get_the_usual_auth_error(launch):
    for method, path in CIRCLE_ENDPOINTS:
        response = getattr(APIClient(), method)(path)
        assert response.status_code in (401, 403) and response.json()["code"] == "not_authenticated", path


def test_levels_stay_public_reference_data(launch):
    response = APIClient().get("/api/v1/thrive-levels/")
    assert response.status_code == 200 and len(response.json()["levels"]) == 5


def test_xp_and_circles_are_kept_for_users_outside_the_launch(launch, django_capture_on_commit_callbacks):
    user = UserFactory()
    client = client_for(user)
    client.get("/api/v1/activities/quiz/")
    answers = client.post("/api/v1/activities/quiz/", {"answers": [0, 0, 0]}, format="json")
    assert answers.status_code == 200  # the platform's activities stay open to everyone

    CircleAssignmentService.assign_weekly_circles()
    profile = UserThriveProfile.objects.get(user=user)
    assert profile.total_xp > 0 and profile.current_circle is not None
    assert client.get("/api/v1/me/xp-history/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        launch.everyone = True
        launch.save()
    history = client.get("/api/v1/me/xp-history/").json()["events"]
    assert {event["id"] for event in history} == {str(pk) for pk in XPEvent.objects.filter(user=user).values_list("pk", flat=True)}
    assert client.get("/api/v1/me/thrive-circle/").json()["current_circle"]["id"] == str(profile.current_circle_id)


def test_the_flag_is_managed_in_the_admin(launch):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client = APIClient()
    client.force_login(admin)
    changelist = client.get("/admin/waffle/flag/")
    assert changelist.status_code == 200 and THRIVE_CIRCLES_FLAG in changelist.content.decode()
    assert client.get(f"/admin/waffle/flag/{launch.pk}/change/").status_code == 200


def test_signing_in_answers_with_the_launch_state_at_once(launch):
    launch.groups.add(BetaGroupFactory())
    tester = UserFactory(username="beta_bo")
    tester.groups.add(Group.objects.get(name="Thrive Circles beta"))
    UserFactory(username="waiting_wu")

    for username, enabled in (("beta_bo", True), ("waiting_wu", False)):
        client = APIClient(enforce_csrf_checks=True)
        client.get(SESSION)
        client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
        response = client.post("/api/v1/auth/login/", {"username": username, "password": "thrive-demo"}, format="json")
        assert response.json()["user"]["thrive_circles_enabled"] is enabled

"""Staff and service accounts are not learners: they are never placed in a circle."""

import pytest
from django.contrib.auth.models import Group

from core.circles.models import UserThriveProfile
from core.circles.services import CircleAssignmentService
from core.circles.tests.factories import ProfileFactory
from core.points.models import ActivityType
from core.points.services import PointsService
from core.users.tests.factories import UserFactory


def seated(profile) -> bool:
    return UserThriveProfile.objects.get(pk=profile.pk).current_circle_id is not None


@pytest.fixture
def learners(levels, midweek):
    return ProfileFactory.create_batch(20, total_xp=100)


def test_the_weekly_run_leaves_staff_and_superusers_out(learners):
    # Ahead of every learner of their level, so a ranking that counted them would push learners out.
    staff = ProfileFactory(total_xp=120, user=UserFactory(is_staff=True))
    superuser = ProfileFactory(total_xp=110, user=UserFactory(is_superuser=True))
    run = CircleAssignmentService.assign_weekly_circles()
    assert run.users_placed == 20 and all(seated(p) for p in learners)
    assert not seated(staff) and not seated(superuser)


def test_members_of_the_not_placed_group_are_left_out(learners, settings):
    bot = UserFactory(username="importer-bot")
    bot.groups.add(Group.objects.create(name=settings.THRIVE_NOT_PLACED_GROUP))
    service = ProfileFactory(total_xp=100, user=bot)
    CircleAssignmentService.assign_weekly_circles()
    assert not seated(service)


def test_a_staff_award_mid_week_earns_no_seat(learners):
    CircleAssignmentService.assign_weekly_circles()
    staff_user = UserFactory(is_staff=True)
    PointsService.award_points(staff_user, ActivityType.QUIZ_COMPLETED)
    profile = UserThriveProfile.objects.get(user=staff_user)
    assert profile.current_circle_id is None and profile.total_xp == 20  # their own history keeps the XP


def test_staff_can_be_placed_when_the_setting_says_so(learners, settings):
    settings.THRIVE_PLACE_STAFF = True
    staff = ProfileFactory(total_xp=100, user=UserFactory(is_staff=True))
    CircleAssignmentService.assign_weekly_circles()
    assert seated(staff)

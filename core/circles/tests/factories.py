from datetime import timedelta

import factory
from django.utils import timezone

from core.circles import weeks
from core.circles.models import CircleAssignmentRun, ThriveCircle, ThriveCircleLevel, UserThriveProfile
from core.points.models import PointsHistory
from core.users.tests.factories import UserFactory


class ProfileFactory(factory.django.DjangoModelFactory):
    """A profile whose level matches its XP (levels must exist)."""

    class Meta:
        model = UserThriveProfile

    user = factory.SubFactory(UserFactory)
    total_xp = 0
    last_activity_at = factory.LazyFunction(timezone.now)
    current_level = factory.LazyAttribute(
        lambda p: ThriveCircleLevel.objects.filter(min_xp__lte=p.total_xp).order_by("-min_xp").first()
        or ThriveCircleLevel.objects.order_by("order").first()
    )


class LegacyAwardFactory(factory.django.DjangoModelFactory):
    """A PointsHistory row written before Thrive Circles: no XP event, user.total_points untouched."""

    class Meta:
        model = PointsHistory

    user = factory.SubFactory(UserFactory)
    activity_type = "quiz_completed"
    points_awarded = 20
    description = "Completed a Quick Quiz"
    metadata = factory.LazyFunction(dict)
    created_at = factory.LazyFunction(timezone.now)


class CircleFactory(factory.django.DjangoModelFactory):
    """A circle of the running week (levels must exist)."""

    class Meta:
        model = ThriveCircle

    level = factory.LazyFunction(lambda: ThriveCircleLevel.objects.order_by("order").first())
    week_start = factory.LazyFunction(weeks.current_week_start)
    week_end = factory.LazyAttribute(lambda c: c.week_start + timedelta(days=6))
    sequence = factory.Sequence(lambda n: n)
    name = factory.LazyAttribute(lambda c: f"{c.level.name} Circle {c.sequence}")


class AssignmentRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CircleAssignmentRun

    week_start = factory.LazyFunction(weeks.current_week_start)
    status = "succeeded"
    trigger = "command"
    started_at = factory.LazyFunction(timezone.now)
    finished_at = factory.LazyFunction(timezone.now)

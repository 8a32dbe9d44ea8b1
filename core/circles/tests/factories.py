import factory
from django.utils import timezone

from core.circles.models import ThriveCircleLevel, UserThriveProfile
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

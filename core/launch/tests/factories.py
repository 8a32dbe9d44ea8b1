import factory
from django.contrib.auth.models import Group
from waffle.models import Flag

from core.launch.flags import BETA_GROUP, THRIVE_CIRCLES_FLAG


def soft_launch_flag(**fields) -> Flag:
    """The `thrive_circles` flag (the data migration's row, or a new one) reset to soft-launch mode
    with nobody in it, then given `fields`."""
    defaults = {"everyone": None, "staff": False, "superusers": False, "authenticated": False, "percent": None}
    flag, _ = Flag.objects.update_or_create(name=THRIVE_CIRCLES_FLAG, defaults={**defaults, **fields})
    flag.groups.clear()
    flag.users.clear()
    return flag


class BetaGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)

    name = BETA_GROUP

"""Who sees Thrive Circles: one django-waffle flag, `thrive_circles`, managed in the admin
(django-waffle › Flags) or with `manage.py waffle_flag`."""

import copy
import hashlib
from decimal import Decimal

from waffle import get_waffle_flag_model

THRIVE_CIRCLES_FLAG = "thrive_circles"
BETA_GROUP = "Thrive Circles beta"


def percent_bucket(flag_name: str, user_pk) -> Decimal:
    """A stable 0.0-99.9 bucket for a user and a flag: the same on every device and every request,
    and independent between flags."""
    digest = hashlib.sha256(f"{flag_name}:{user_pk}".encode()).digest()
    return Decimal(int.from_bytes(digest[:8], "big") % 1000) / 10


def thrive_circles_enabled(request) -> bool:
    """Whether the viewer of `request` (a Django or DRF request) is in the Thrive Circles launch.

    Waffle decides everything but the percentage: Everyone (Yes/No overrides the rest), staff,
    superusers, authenticated, listed users and groups, testing mode. Waffle's own percentage rolls
    a die per browser and keeps it in a cookie, so one person could see Thrive Circles on their
    laptop but not on their phone, API clients would get a new answer on every request, and anyone
    could let themselves in by setting the cookie. Here a signed-in user is in the percentage when
    their stable bucket is below it instead: the same answer everywhere, and raising the percentage
    only ever adds people.

    Only visibility is gated: XP is recorded and circles are formed for everyone regardless.
    """
    flag = get_waffle_flag_model().get(THRIVE_CIRCLES_FLAG)
    without_percent = copy.copy(flag)
    without_percent.percent = None  # waffle never reads or writes its percentage cookie
    if without_percent.is_active(request, read_only=True):
        return True
    user = getattr(request, "user", None)
    return bool(
        flag.pk
        and flag.everyone is None
        and flag.percent
        and user is not None
        and user.is_authenticated
        and percent_bucket(flag.name, user.pk) < flag.percent
    )

"""Rest weeks (issue 17): a person may sit out a circle week and come back any day.

Who rests is stored on the user (`resting_week`, `rest_ended_on`) and read by eligibility.py, so
the weekly job, seating and health leave a resting person out of that week by the same rule as
staff. These two writes keep the week's seats in step when the week's circles already exist.
"""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from ..models import CircleMembership, ThriveCircle, UserThriveProfile
from .joining import join_thrive_circles
from .locks import lock_circle_membership
from .seating import recount_members, seat_newcomers


def leave_week(user, week: date) -> bool:
    """Give up the person's seat in `week` (a rest taken after the week was built). Returns
    whether a seat was freed. Runs in its own transaction under the week's membership lock."""
    with transaction.atomic():
        lock_circle_membership(week)
        seats = CircleMembership.objects.filter(profile__user=user, week_start=week)
        circles = list(seats.values_list("circle_id", flat=True))
        if not circles:
            return False
        seats.delete()
        recount_members(ThriveCircle.objects.filter(pk__in=circles))
        # current_circle names the latest week's circle: point it back at an earlier week's seat.
        earlier = (
            CircleMembership.objects.filter(profile__user=user, week_start__lt=week).order_by("-week_start")
            .values_list("circle_id", flat=True).first()
        )
        UserThriveProfile.objects.filter(user=user, current_circle_id__in=circles).update(current_circle_id=earlier)
    return True


def seat_in_week(user, week: date, *, now: datetime | None = None) -> bool:
    """Seat the person in `week`'s circles if they exist and the person has no seat in it (back
    from a rest, or a rest cancelled after the week was built): the newcomers' path, so they take
    the emptiest circle of their level with room. Coming back counts as activity, so a long rest
    does not leave them ineligible. Returns whether a seat was taken now."""
    now = now or timezone.now()
    profile = join_thrive_circles(user, now=now)
    with transaction.atomic():
        if not ThriveCircle.objects.filter(week_start=week).exists():
            return False
        lock_circle_membership(week)
        UserThriveProfile.objects.filter(pk=profile.pk, last_activity_at__lt=now).update(last_activity_at=now)
        seated, _ = seat_newcomers(week, now=now, profile_ids=[profile.pk])
    return bool(seated)

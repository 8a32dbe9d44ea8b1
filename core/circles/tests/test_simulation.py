from django.core.management import call_command

from core.circles.models import XPEvent
from core.circles.services import CircleAssignmentService
from core.circles.tests.factories import ProfileFactory


def test_simulation_awards_points_to_circle_members(levels, midweek):
    members = ProfileFactory.create_batch(6)
    CircleAssignmentService.assign_weekly_circles()
    call_command("simulate_circle_activity", iterations=4, interval=0, seed=1)
    events = XPEvent.objects.filter(points_history__isnull=False)
    assert events.count() == 4
    assert set(events.values_list("user", flat=True)) <= {m.user_id for m in members}

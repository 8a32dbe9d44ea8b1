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


def test_simulation_logs_a_failed_award_and_carries_on(levels, midweek, monkeypatch, caplog):
    from django.db import OperationalError

    from core.points.services import PointsService

    ProfileFactory.create_batch(6)
    CircleAssignmentService.assign_weekly_circles()
    real_award = PointsService.award_points
    calls = []

    def flaky_award(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("database is locked")
        return real_award(*args, **kwargs)

    monkeypatch.setattr(PointsService, "award_points", flaky_award)
    call_command("simulate_circle_activity", iterations=4, interval=0, seed=1)
    assert len(calls) == 4 and XPEvent.objects.filter(points_history__isnull=False).count() == 3
    assert "an award failed (1 in a row)" in caplog.text and "database is locked" in caplog.text

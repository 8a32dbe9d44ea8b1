import pytest

from core.circles.ledger.levels import level_by_id, level_table
from core.circles.models import ThriveCircleLevel


def test_a_level_the_cached_table_does_not_know_is_read_fresh(db):
    ThriveCircleLevel.objects.create(name="First", order=1, min_xp=0)
    assert [level.name for level in level_table().levels] == ["First"]
    (later,) = ThriveCircleLevel.objects.bulk_create([ThriveCircleLevel(name="Later", order=2, min_xp=100)])  # no signal
    assert level_by_id(later.pk).name == "Later"
    assert [level.name for level in level_table().levels] == ["First", "Later"]


def test_an_unknown_level_is_a_clear_error(db):
    with pytest.raises(ThriveCircleLevel.DoesNotExist, match="No Thrive Circle level with id 999"):
        level_by_id(999)


def test_deleting_a_level_clears_the_table(db):
    ThriveCircleLevel.objects.create(name="First", order=1, min_xp=0)
    gone = ThriveCircleLevel.objects.create(name="Gone", order=2, min_xp=100)
    assert len(level_table().levels) == 2
    gone.delete()
    assert [level.name for level in level_table().levels] == ["First"]

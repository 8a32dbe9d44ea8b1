"""Double submits and double votes at the same moment, on PostgreSQL with real threads."""

import pytest

from core.battles import services
from core.battles.exceptions import AlreadyVoted, RoundAlreadyEntered
from core.battles.models import BattleEntry, BattleVote
from core.circles.services import load_default_levels
from core.points.models import ActivityType, PointsHistory
from core.testing import run_concurrently
from core.users.tests.factories import UserFactory

from .factories import make_battle


def _attempt(action, refused):
    def run():
        try:
            action()
            return "ok"
        except refused:
            return "refused"

    return run


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_submit_enters_and_awards_the_round_once():
    load_default_levels()
    user, battle = UserFactory(), make_battle()
    submit = _attempt(
        lambda: services.submit_entry(user, battle_id=battle.pk, round_number=1, text="Racing prompt text"), RoundAlreadyEntered
    )
    assert sorted(run_concurrently(*[submit] * 4)) == ["ok", "refused", "refused", "refused"]
    assert BattleEntry.objects.filter(user=user).count() == 1
    assert PointsHistory.objects.filter(user=user, activity_type=ActivityType.BATTLE_ROUND_COMPLETED).count() == 1
    assert PointsHistory.objects.filter(user=user, activity_type=ActivityType.BATTLE_PARTICIPATED).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_vote_counts_once():
    load_default_levels()
    battle = make_battle()
    ada, bo = UserFactory(), UserFactory()
    entry = services.submit_entry(ada, battle_id=battle.pk, round_number=1, text="Ada's racing prompt").entry
    services.submit_entry(bo, battle_id=battle.pk, round_number=1, text="Bo's racing prompt")
    cast = _attempt(lambda: services.vote(bo, entry_id=entry.pk), AlreadyVoted)
    assert sorted(run_concurrently(*[cast] * 4)) == ["ok", "refused", "refused", "refused"]
    assert BattleVote.objects.count() == 1

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from core.battles import services
from core.battles.exceptions import (
    AlreadyVoted,
    BattleClosed,
    BattleStillOpen,
    EarlierRoundFirst,
    EnterBeforeVoting,
    OwnEntryVote,
    RoundAlreadyEntered,
)
from core.battles.models import BattleEntry, BattleVote, BattleWin
from core.circles.models import XPEvent
from core.points.models import ActivityType, PointsHistory
from core.users.tests.factories import UserFactory

from .factories import make_battle, past_close

TEXT = "Describe a sunrise with sounds only."


def awards(user, activity_type) -> list[int]:
    return list(PointsHistory.objects.filter(user=user, activity_type=activity_type).values_list("points_awarded", flat=True))


def enter(user, battle, number=1, text=TEXT):
    return services.submit_entry(user, battle_id=battle.pk, round_number=number, text=text)


def test_entering_round_one_earns_taking_part_and_the_round(levels):
    user, battle = UserFactory(), make_battle()
    result = enter(user, battle)
    assert result.points_awarded == 25 + 10
    assert awards(user, ActivityType.BATTLE_PARTICIPATED) == [25]
    assert awards(user, ActivityType.BATTLE_ROUND_COMPLETED) == [10]
    assert XPEvent.objects.filter(user=user, source="prompt_battle").count() == 2


def test_a_round_is_entered_and_awarded_once(levels):
    user, battle = UserFactory(), make_battle()
    enter(user, battle)
    with pytest.raises(RoundAlreadyEntered):
        enter(user, battle, text="A second try at the same round.")
    assert BattleEntry.objects.filter(user=user).count() == 1
    assert awards(user, ActivityType.BATTLE_ROUND_COMPLETED) == [10]


def test_the_database_refuses_a_second_entry_in_a_round(levels):
    user, battle = UserFactory(), make_battle()
    entry = enter(user, battle).entry
    with pytest.raises(IntegrityError):
        BattleEntry.objects.create(round=entry.round, battle=battle, user=user, text="again")


def test_rounds_are_entered_in_order_and_each_earns_its_xp_once(levels):
    user, battle = UserFactory(), make_battle(rounds=2)
    with pytest.raises(EarlierRoundFirst):
        enter(user, battle, 2)
    enter(user, battle, 1)
    assert enter(user, battle, 2).points_awarded == 10  # taking part counts once per battle
    assert awards(user, ActivityType.BATTLE_PARTICIPATED) == [25]
    assert awards(user, ActivityType.BATTLE_ROUND_COMPLETED) == [10, 10]


def test_a_vote_for_ones_own_entry_is_refused(levels):
    user, battle = UserFactory(), make_battle()
    entry = enter(user, battle).entry
    with pytest.raises(OwnEntryVote):
        services.vote(user, entry_id=entry.pk)
    assert not BattleVote.objects.exists()


def test_the_database_refuses_a_vote_for_oneself(levels):
    user, battle = UserFactory(), make_battle()
    entry = enter(user, battle).entry
    with pytest.raises(IntegrityError):
        BattleVote.objects.create(round=entry.round, entry=entry, voter=user, entry_author=user)


def test_one_vote_per_voter_and_round(levels):
    battle = make_battle()
    ada, bo, cai = UserFactory(), UserFactory(), UserFactory()
    ada_entry, bo_entry = enter(ada, battle).entry, enter(bo, battle).entry
    enter(cai, battle)
    services.vote(cai, entry_id=ada_entry.pk)
    with pytest.raises(AlreadyVoted):
        services.vote(cai, entry_id=bo_entry.pk)
    with pytest.raises(AlreadyVoted):
        services.vote(cai, entry_id=ada_entry.pk)
    assert BattleVote.objects.filter(voter=cai).count() == 1


def test_only_participants_vote(levels):
    battle = make_battle()
    entry = enter(UserFactory(), battle).entry
    with pytest.raises(EnterBeforeVoting):
        services.vote(UserFactory(), entry_id=entry.pk)


def test_votes_earn_no_xp(levels):
    battle = make_battle()
    ada, bo = UserFactory(), UserFactory()
    ada_entry = enter(ada, battle).entry
    enter(bo, battle)
    before = PointsHistory.objects.count()
    services.vote(bo, entry_id=ada_entry.pk)
    assert PointsHistory.objects.count() == before


def test_a_battle_cannot_close_before_its_time(levels):
    battle = make_battle()
    with pytest.raises(BattleStillOpen):
        services.close_battle(battle.pk)


def test_closing_awards_the_most_voted_once_even_when_run_again(levels):
    battle = make_battle()
    ada, bo, cai = UserFactory(), UserFactory(), UserFactory()
    ada_entry, bo_entry = enter(ada, battle).entry, enter(bo, battle).entry
    enter(cai, battle)
    services.vote(bo, entry_id=ada_entry.pk)
    services.vote(cai, entry_id=ada_entry.pk)
    services.vote(ada, entry_id=bo_entry.pk)

    first = services.close_battle(battle.pk, now=past_close(battle))
    again = services.close_battle(battle.pk, now=past_close(battle))

    assert first.closed_now and not again.closed_now
    assert [(win.user, win.votes, win.points_awarded) for win in first.wins] == [(ada, 2, 20)]
    assert awards(ada, ActivityType.BATTLE_WON) == [20]
    assert awards(bo, ActivityType.BATTLE_WON) == awards(cai, ActivityType.BATTLE_WON) == []


def test_a_tie_gives_every_tied_person_the_win(levels):
    battle = make_battle()
    ada, bo = UserFactory(), UserFactory()
    ada_entry, bo_entry = enter(ada, battle).entry, enter(bo, battle).entry
    services.vote(ada, entry_id=bo_entry.pk)
    services.vote(bo, entry_id=ada_entry.pk)
    services.close_battle(battle.pk, now=past_close(battle))
    assert set(BattleWin.objects.values_list("user", "votes")) == {(ada.pk, 1), (bo.pk, 1)}
    assert awards(ada, ActivityType.BATTLE_WON) == awards(bo, ActivityType.BATTLE_WON) == [20]


def test_votes_across_rounds_add_up(levels):
    battle = make_battle(rounds=2)
    ada, bo, cai = UserFactory(), UserFactory(), UserFactory()
    for user in (ada, bo, cai):
        enter(user, battle, 1)
    round_two = {user: enter(user, battle, 2).entry for user in (ada, bo, cai)}
    round_one = {entry.user: entry for entry in BattleEntry.objects.filter(round__number=1)}
    services.vote(ada, entry_id=round_one[bo].pk)
    services.vote(ada, entry_id=round_two[bo].pk)
    services.vote(cai, entry_id=round_one[ada].pk)
    result = services.close_battle(battle.pk, now=past_close(battle))
    assert [(win.user, win.votes) for win in result.wins] == [(bo, 2)]


def test_nobody_wins_a_battle_without_votes(levels):
    battle = make_battle()
    enter(UserFactory(), battle)
    result = services.close_battle(battle.pk, now=past_close(battle))
    assert result.closed_now and result.wins == []
    assert not PointsHistory.objects.filter(activity_type=ActivityType.BATTLE_WON).exists()


def test_a_closed_battle_takes_no_entries_or_votes(levels):
    battle = make_battle()
    ada, bo = UserFactory(), UserFactory()
    ada_entry = enter(ada, battle).entry
    enter(bo, battle)
    with pytest.raises(BattleClosed):
        services.submit_entry(bo, battle_id=battle.pk, round_number=2, text=TEXT, now=past_close(battle))
    with pytest.raises(BattleClosed):
        services.vote(bo, entry_id=ada_entry.pk, now=past_close(battle))


def test_the_close_command_decides_due_battles_and_is_safe_to_rerun(levels, time_machine):
    battle = make_battle()
    ada, bo = UserFactory(), UserFactory()
    enter(ada, battle)
    services.vote(ada, entry_id=enter(bo, battle).entry.pk)
    time_machine.move_to(past_close(battle))
    call_command("close_prompt_battles")
    call_command("close_prompt_battles")
    battle.refresh_from_db()
    assert battle.result_at is not None
    assert awards(bo, ActivityType.BATTLE_WON) == [20]
    assert BattleWin.objects.count() == 1


def test_the_celery_task_closes_due_battles_once(levels, time_machine):
    from core.battles.tasks import close_due_battles

    battle = make_battle()
    ada, bo = UserFactory(), UserFactory()
    enter(ada, battle)
    services.vote(ada, entry_id=enter(bo, battle).entry.pk)
    assert close_due_battles() == 0  # still open
    time_machine.move_to(past_close(battle))
    assert close_due_battles() == 1
    assert close_due_battles() == 0
    assert awards(bo, ActivityType.BATTLE_WON) == [20]

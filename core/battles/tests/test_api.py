import pytest
from rest_framework.test import APIClient

from core.battles import services
from core.battles.demo import AUTHORS, seed_demo_battle
from core.battles.models import BattleEntry, BattleVote, PromptBattle
from core.users.tests.factories import UserFactory
from core.testing import client_for

from .factories import last_week_battle, make_battle, past_close

CURRENT = "/api/v1/prompt-battles/current/"
TEXT = "Describe a sunrise with sounds only."


def entries_url(battle, number=1) -> str:
    return f"/api/v1/prompt-battles/{battle.pk}/rounds/{number}/entries/"


def vote_url(entry_id) -> str:
    return f"/api/v1/prompt-battles/entries/{entry_id}/votes/"


def test_no_battle_this_week_is_a_404_with_a_code(levels):
    last_week_battle()
    response = client_for(UserFactory()).get(CURRENT)
    assert response.status_code == 404 and response.json()["code"] == "no_battle_this_week"


def test_signed_out_is_refused(levels):
    make_battle()
    assert APIClient().get(CURRENT).status_code in (401, 403)


def test_submitting_a_round_earns_xp_and_shows_the_others_entries_anonymously(levels):
    battle = make_battle(rounds=2)
    other = UserFactory(username="other_person")
    services.submit_entry(other, battle_id=battle.pk, round_number=1, text="Someone else's prompt here.")
    me = client_for(UserFactory())

    before = me.get(CURRENT).json()
    assert before["rounds"][0]["entries"] == [] and before["rounds"][0]["entry_count"] == 1  # no peeking before entering
    assert [r["can_enter"] for r in before["rounds"]] == [True, False]
    assert before["can_vote"] is False

    response = me.post(entries_url(battle), {"text": TEXT}, format="json")
    assert response.status_code == 201 and response.json()["points_awarded"] == 35

    after = me.get(CURRENT).json()
    first = after["rounds"][0]
    assert first["your_entry"]["text"] == TEXT
    assert first["entries"] == [{"id": first["entries"][0]["id"], "text": "Someone else's prompt here.", "author": None, "votes": None}]
    assert [r["can_enter"] for r in after["rounds"]] == [False, True]
    assert after["can_vote"] is True and after["result"] is None
    assert "other_person" not in str(after)


def test_a_second_submit_of_a_round_is_a_409(levels):
    battle = make_battle()
    me = client_for(UserFactory())
    assert me.post(entries_url(battle), {"text": TEXT}, format="json").status_code == 201
    again = me.post(entries_url(battle), {"text": TEXT}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "round_already_entered"


def test_bad_entry_input_is_a_400_naming_the_field(levels):
    battle = make_battle()
    me = client_for(UserFactory())
    for body in ({"text": 1234567890123}, {"text": "short"}, {}, {"text": "x" * 501}):
        response = me.post(entries_url(battle), body, format="json")
        assert response.status_code == 400 and "text" in response.json()["errors"], body


def test_an_unknown_round_or_entry_is_a_404(levels):
    battle = make_battle(rounds=1)
    me = client_for(UserFactory())
    assert me.post(entries_url(battle, 2), {"text": TEXT}, format="json").json()["code"] == "no_such_round"
    assert me.post(vote_url(999999)).status_code == 404
    assert me.get("/api/v1/prompt-battles/999999/result/").status_code == 404


def test_voting_for_your_own_entry_is_a_403_json_error(levels):
    battle = make_battle()
    user = UserFactory()
    me = client_for(user)
    entry_id = me.post(entries_url(battle), {"text": TEXT}, format="json").json()["entry"]["id"]
    response = me.post(vote_url(entry_id))
    assert response.status_code == 403
    assert response.json()["code"] == "own_entry_vote" and response.json()["detail"]
    assert not BattleVote.objects.exists()


def test_one_vote_per_round_through_the_api(levels):
    battle = make_battle()
    others = [services.submit_entry(UserFactory(), battle_id=battle.pk, round_number=1, text=TEXT).entry for _ in range(2)]
    me = client_for(UserFactory())
    me.post(entries_url(battle), {"text": TEXT}, format="json")
    first = me.post(vote_url(others[0].pk))
    assert first.status_code == 201 and first.json()["round"] == 1
    second = me.post(vote_url(others[1].pk))
    assert second.status_code == 409 and second.json()["code"] == "already_voted"
    assert me.get(CURRENT).json()["rounds"][0]["your_vote_entry_id"] == others[0].pk


def test_the_result_names_the_winners_and_what_you_won(levels):
    battle = make_battle()
    winner, voter = UserFactory(username="winner_wyn"), UserFactory()
    entry = services.submit_entry(winner, battle_id=battle.pk, round_number=1, text=TEXT).entry
    services.submit_entry(voter, battle_id=battle.pk, round_number=1, text=TEXT)
    services.vote(voter, entry_id=entry.pk)
    result_url = f"/api/v1/prompt-battles/{battle.pk}/result/"
    assert client_for(winner).get(result_url).json()["is_closed"] is False

    services.close_battle(battle.pk, now=past_close(battle))

    mine = client_for(winner).get(result_url).json()
    assert mine["is_closed"] and mine["you_won"] and mine["points_awarded"] == 20 and mine["your_votes"] == 1
    assert mine["winners"] == [{"username": "winner_wyn", "votes": 1}]
    theirs = client_for(voter).get(CURRENT).json()
    assert theirs["result"]["you_won"] is False and theirs["is_open"] is False
    assert theirs["rounds"][0]["entries"][0]["author"] == "winner_wyn" and theirs["rounds"][0]["entries"][0]["votes"] == 1


def test_the_demo_seeds_this_weeks_battle_once(levels):
    for username in AUTHORS:
        UserFactory(username=username)
    assert seed_demo_battle() == len(AUTHORS)
    assert seed_demo_battle() == 0
    assert PromptBattle.objects.count() == 1 and BattleEntry.objects.count() == len(AUTHORS)
    assert BattleVote.objects.count() == 4
    viewer = client_for(UserFactory()).get(CURRENT).json()
    assert len(viewer["rounds"]) == 3 and viewer["rounds"][0]["entry_count"] == len(AUTHORS)


@pytest.mark.parametrize("others", [2, 12])
def test_the_battle_page_reads_a_fixed_number_of_queries(levels, django_assert_num_queries, others):
    battle = make_battle()
    viewer = UserFactory()
    services.submit_entry(viewer, battle_id=battle.pk, round_number=1, text=TEXT)
    for _ in range(others):
        services.submit_entry(UserFactory(), battle_id=battle.pk, round_number=1, text=TEXT)
    client = client_for(viewer)
    # The battle, its rounds, the entries with their authors, your votes: whatever the number of entries.
    with django_assert_num_queries(4):
        assert len(client.get(CURRENT).json()["rounds"][0]["entries"]) == others


def test_an_id_too_large_for_the_database_is_a_404_not_a_500(levels):
    me = client_for(UserFactory())
    huge = "643424600811874137581380708513873920"
    assert me.post(f"/api/v1/prompt-battles/{huge}/rounds/1/entries/", {"text": TEXT}, format="json").status_code == 404
    assert me.post(f"/api/v1/prompt-battles/entries/{huge}/votes/").status_code == 404
    assert me.get(f"/api/v1/prompt-battles/{huge}/result/").status_code == 404

from hypothesis import given
from hypothesis import strategies as st

from core.battles.rules import winners


def test_the_person_with_the_most_votes_wins():
    assert winners({1: 3, 2: 1, 3: 0}) == {1}


def test_a_tie_makes_every_tied_person_a_winner():
    assert winners({1: 2, 2: 2, 3: 1}) == {1, 2}


def test_nobody_wins_without_votes():
    assert winners({}) == set()
    assert winners({1: 0, 2: 0}) == set()


@given(st.dictionaries(st.integers(min_value=1, max_value=50), st.integers(min_value=0, max_value=20)))
def test_the_winners_are_exactly_everyone_with_the_most_votes(votes):
    won = winners(votes)
    top = max(votes.values(), default=0)
    assert won == ({person for person, n in votes.items() if n == top} if top > 0 else set())

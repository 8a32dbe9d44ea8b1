from core.battles.rules import winners


def test_the_person_with_the_most_votes_wins():
    assert winners({1: 3, 2: 1, 3: 0}) == {1}


def test_a_tie_makes_every_tied_person_a_winner():
    assert winners({1: 2, 2: 2, 3: 1}) == {1, 2}


def test_nobody_wins_without_votes():
    assert winners({}) == set()
    assert winners({1: 0, 2: 0}) == set()

"""The battle's result as a pure function over plain values."""

from collections.abc import Mapping


def winners(votes_by_person: Mapping[int, int]) -> set[int]:
    """Everyone with the most votes wins: a tie makes every tied person a winner (each earns the
    win XP). Nobody wins a battle without a single vote."""
    top = max(votes_by_person.values(), default=0)
    if top <= 0:
        return set()
    return {person for person, votes in votes_by_person.items() if votes == top}

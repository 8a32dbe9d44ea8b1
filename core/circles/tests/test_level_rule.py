"""The level rule is written for Python and for SQL (ledger/levels.py); both must agree."""

from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.circles.ledger.levels import level_for_xp, level_for_xp_sql
from core.circles.models import ThriveCircleLevel

thresholds = st.lists(st.integers(min_value=-1_000, max_value=100_000), min_size=1, max_size=7, unique=True)
totals = st.lists(st.integers(min_value=-5_000, max_value=200_000), min_size=1, max_size=20)


class LevelRuleTests(TestCase):
    @settings(max_examples=40, deadline=None)
    @given(min_xps=thresholds, xps=totals)
    def test_sql_and_python_give_every_total_the_same_level(self, min_xps, xps):
        levels = [
            ThriveCircleLevel.objects.create(name=f"L{i}", order=i, min_xp=min_xp)
            for i, min_xp in enumerate(sorted(min_xps), start=1)
        ]
        with connection.cursor() as cursor:
            for xp in xps + [min_xp for min_xp in min_xps] + [min_xp - 1 for min_xp in min_xps]:
                cursor.execute(f"SELECT {level_for_xp_sql('x.xp')} FROM (SELECT CAST(%s AS INTEGER) AS xp) x", [xp])
                assert cursor.fetchone()[0] == level_for_xp(xp, levels).id, xp


def test_a_total_takes_the_highest_level_it_reaches_and_below_zero_the_lowest():
    seedling, explorer, creator = (
        ThriveCircleLevel(id=1, name="Seedling", order=1, min_xp=0),
        ThriveCircleLevel(id=2, name="Explorer", order=2, min_xp=500),
        ThriveCircleLevel(id=3, name="Creator", order=3, min_xp=1500),
    )
    levels = [creator, seedling, explorer]  # any order
    assert level_for_xp(-40, levels) == seedling
    assert level_for_xp(499, levels) == seedling
    assert level_for_xp(500, levels) == explorer
    assert level_for_xp(10**9, levels) == creator

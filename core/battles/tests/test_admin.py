from datetime import date

from core.battles.models import PromptBattle
from core.circles import weeks


def _form(week_start: str, **extra) -> dict:
    return {
        "title": "Bread week",
        "challenge": "Make everyday smells come alive.",
        "week_start": week_start,
        "closes_at_0": "",
        "closes_at_1": "",
        "rounds-TOTAL_FORMS": "2",
        "rounds-INITIAL_FORMS": "0",
        "rounds-MIN_NUM_FORMS": "1",
        "rounds-MAX_NUM_FORMS": "1000",
        "rounds-0-number": "1",
        "rounds-0-prompt": "Describe fresh bread.",
        "rounds-1-number": "2",
        "rounds-1-prompt": "Describe rain on a warm street.",
        **extra,
    }


def test_staff_author_a_battle_that_closes_at_its_weeks_reset(admin_client, levels):
    monday = date(2026, 12, 7)
    response = admin_client.post("/admin/battles/promptbattle/add/", _form(monday.isoformat()))
    assert response.status_code == 302, response.content.decode()[:2000]
    battle = PromptBattle.objects.get()
    assert battle.closes_at == weeks.week_bounds(monday)[1]
    assert list(battle.rounds.values_list("number", "prompt")) == [(1, "Describe fresh bread."), (2, "Describe rain on a warm street.")]


def test_a_battle_starts_on_a_monday(admin_client, levels):
    response = admin_client.post("/admin/battles/promptbattle/add/", _form("2026-12-08"))
    assert response.status_code == 200 and "Pick the Monday" in response.content.decode()
    assert not PromptBattle.objects.exists()


def test_rounds_are_numbered_without_gaps(admin_client, levels):
    response = admin_client.post("/admin/battles/promptbattle/add/", _form("2026-12-07", **{"rounds-1-number": "3"}))
    assert response.status_code == 200 and "without gaps" in response.content.decode()
    assert not PromptBattle.objects.exists()

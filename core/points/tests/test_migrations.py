"""0005 moves fair-play notes already written into XP event descriptions into private metadata."""

import importlib

import pytest
from django.apps import apps

from core.circles.models import XPEvent
from core.users.tests.factories import UserFactory

migration = importlib.import_module("core.points.migrations.0005_fair_play_notes_private")


@pytest.mark.django_db
def test_old_notes_move_from_the_description_to_private_metadata():
    user = UserFactory()
    limited = [
        ("Completed a Quick Quiz: AI Basics (6th today: 10 of 20 XP)", "6th today: 10 of 20 XP"),
        ("Daily check-in (daily limit of 5 XP reached: 0 of 5 XP)", "daily limit of 5 XP reached: 0 of 5 XP"),
        ("Completed a Quick Quiz (no XP: 10 s after the previous one, the cooldown is 30 s)",
         "no XP: 10 s after the previous one, the cooldown is 30 s"),
    ]
    events = [XPEvent.objects.create(user=user, amount=0, description=text, metadata={"fair_play_rule": "x"})
              for text, _ in limited]
    untouched = XPEvent.objects.create(user=user, amount=5, description="Created a new project: Robots (v2)", metadata={})

    migration.move_notes(apps, None)
    migration.move_notes(apps, None)  # a rerun changes nothing

    for event, (text, note) in zip(events, limited):
        event.refresh_from_db()
        assert event.description == text.removesuffix(f" ({note})")
        assert event.metadata == {"fair_play_rule": "x", "fair_play_note": note}
    untouched.refresh_from_db()
    assert untouched.description == "Created a new project: Robots (v2)"

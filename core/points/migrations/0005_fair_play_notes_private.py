"""Move fair-play notes out of XP event descriptions, which circle members see, into the events'
private metadata (`fair_play_note`), as awards now record them. The points ledger keeps its
descriptions: it is the person's own history. Safe to rerun: a moved note is no longer matched."""

import re

from django.db import migrations

# The three notes core/fairplay/limits.py writes, at the end of a description.
NOTE = re.compile(
    r" \((\w+ today: \d+ of \d+ XP|daily limit of \d+ XP reached: \d+ of \d+ XP"
    r"|no XP: \d+ s after the previous one, the cooldown is \d+ s)\)$"
)
BATCH = 2000


def move_notes(apps, schema_editor):
    XPEvent = apps.get_model("circles", "XPEvent")
    changed = []
    for event in XPEvent.objects.filter(metadata__has_key="fair_play_rule").only("id", "description", "metadata").iterator(BATCH):
        match = NOTE.search(event.description)
        if match is None:
            continue
        event.description = event.description[: match.start()]
        event.metadata = {**event.metadata, "fair_play_note": match.group(1)}
        changed.append(event)
        if len(changed) == BATCH:
            XPEvent.objects.bulk_update(changed, ["description", "metadata"])
            changed = []
    XPEvent.objects.bulk_update(changed, ["description", "metadata"])


def restore_notes(apps, schema_editor):
    XPEvent = apps.get_model("circles", "XPEvent")
    for event in XPEvent.objects.filter(metadata__has_key="fair_play_note").iterator(BATCH):
        note = event.metadata.pop("fair_play_note")
        event.description = f"{event.description} ({note})"
        event.save(update_fields=["description", "metadata"])


class Migration(migrations.Migration):
    dependencies = [
        ("points", "0004_award_made_by"),
        ("circles", "0004_circle_member_count"),
    ]

    operations = [migrations.RunPython(move_notes, restore_notes)]

"""Seed the default fair-play rules, so operators find them in the admin right after migrate.

The values are frozen here (a migration must not change when core/fairplay/defaults.py does);
rules that already exist are left alone, and unapplying removes nothing.
"""

from django.db import migrations

# activity type: (full points per day, decay %, daily XP cap, cooldown seconds)
RULES = {
    "quiz_completed": (5, 50, 150, 30),
    "battle_participated": (4, 50, 150, 60),
    "battle_won": (3, 50, 100, 0),
    "battle_round_completed": (10, 50, 100, 0),
    "project_created": (3, 50, 50, 60),
    "project_published": (3, 50, 60, 0),
    "project_milestone": (2, 50, 150, 0),
    "daily_login": (None, 50, 5, 0),
    "week_streak": (None, 50, 25, 0),
    "month_streak": (None, 50, 100, 0),
    "achievement_earned": (5, 50, 150, 0),
}


def seed(apps, schema_editor):
    FairPlayRule = apps.get_model("fairplay", "FairPlayRule")
    existing = set(FairPlayRule.objects.values_list("activity_type", flat=True))
    FairPlayRule.objects.bulk_create(
        [
            FairPlayRule(
                activity_type=activity_type, full_points_per_day=full, repeat_decay_percent=decay,
                daily_xp_cap=cap, cooldown_seconds=cooldown,
            )
            for activity_type, (full, decay, cap, cooldown) in RULES.items()
            if activity_type not in existing
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("fairplay", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

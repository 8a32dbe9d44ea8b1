"""The Thrive Circles launch flag (django-waffle) and its beta group.

A fresh install (and the demo) shows Thrive Circles to everyone, and so does an upgrade: nothing
disappears for anyone on deploy. For a soft launch set the flag's "Everyone" to "Unknown" in the
admin (django-waffle › Flags › thrive_circles): then staff, superusers and the "Thrive Circles beta"
group see it, plus any percentage of users you set (docs/operations.md).
"""

from django.db import migrations

FLAG = "thrive_circles"
BETA_GROUP = "Thrive Circles beta"


def create_launch_flag(apps, schema_editor):
    Flag = apps.get_model("waffle", "Flag")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=BETA_GROUP)
    flag, created = Flag.objects.get_or_create(
        name=FLAG,
        defaults={
            "everyone": True,
            "staff": True,
            "superusers": True,
            "note": "Who sees Thrive Circles. Everyone=Unknown for the soft launch: staff, superusers, the "
            f'"{BETA_GROUP}" group and the percentage (per user, stable across devices). '
            "XP and circles are kept for everyone regardless. See docs/operations.md.",
        },
    )
    if created:
        flag.groups.add(group)


class Migration(migrations.Migration):
    dependencies = [
        ("launch", "0001_onboarding_tour"),
        ("waffle", "0004_update_everyone_nullbooleanfield"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_launch_flag, migrations.RunPython.noop)]

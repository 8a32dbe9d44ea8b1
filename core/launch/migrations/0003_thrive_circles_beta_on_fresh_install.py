"""A fresh install starts Thrive Circles in beta: staff, superusers, the "Thrive Circles beta" group
(and a percentage, if one is set later), as the plan's soft launch says.

0002 created the flag open to everyone. Editing it would change nothing for installs that already
ran it, so this migration decides instead, with one rule: an install with no users yet is fresh
(nobody can lose anything), so its flag goes to beta mode (Everyone = Unknown). An install with
users is an upgrade: its flag is left exactly as it is, so nobody who saw Thrive Circles before the
deploy loses it. A flag an operator already changed (Everyone = No or Unknown) is never touched.

The demo (`manage.py seed_demo`) opens the flag to everyone as part of loading its community.
"""

from django.db import migrations

FLAG = "thrive_circles"


def beta_on_fresh_install(apps, schema_editor):
    User = apps.get_model("users", "User")
    Flag = apps.get_model("waffle", "Flag")
    if User.objects.exists():
        return  # an upgrade: keep whatever the community has today
    Flag.objects.filter(name=FLAG, everyone=True).update(everyone=None)


class Migration(migrations.Migration):
    dependencies = [
        ("launch", "0002_thrive_circles_flag"),
        ("users", "0001_initial"),
    ]

    operations = [migrations.RunPython(beta_on_fresh_install, migrations.RunPython.noop)]

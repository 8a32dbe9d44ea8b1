import core.circles.models
from django.db import migrations, models


class Migration(migrations.Migration):
    """A new week's memberships go in at the end of their indexes, however many weeks the table
    keeps: the unique index leads with the week, and circle ids sort by creation time (UUIDv7),
    so the circle index grows at its end too. Existing circles keep their ids."""

    dependencies = [
        ('circles', '0010_circles_without_redundant_level_indexes'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='circlemembership',
            name='one_circle_per_week',
        ),
        migrations.AddConstraint(
            model_name='circlemembership',
            constraint=models.UniqueConstraint(fields=('week_start', 'profile'), name='one_circle_per_week'),
        ),
        migrations.AlterField(
            model_name='thrivecircle',
            name='id',
            field=models.UUIDField(default=core.circles.models.time_ordered_uuid, editable=False, primary_key=True, serialize=False),
        ),
    ]

from django.db import migrations


def leave_room_for_hot_updates(apps, schema_editor):
    # Space on each page for the new version of a row whose change touches no index (the weekly
    # copy of current_circle): PostgreSQL then writes no index entries for it. Existing pages keep
    # their fill until rewritten (VACUUM FULL or pg_repack at a quiet hour; docs/operations.md).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE circles_userthriveprofile SET (fillfactor = 80)")


def full_pages_again(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE circles_userthriveprofile RESET (fillfactor)")


class Migration(migrations.Migration):

    dependencies = [
        ('circles', '0005_circle_membership'),
    ]

    # Nothing reads profiles by circle any more (memberships do): the index only cost every
    # weekly copy of current_circle an index write.
    operations = [
        migrations.RemoveIndex(
            model_name='userthriveprofile',
            name='circles_use_current_fb4e8f_idx',
        ),
        migrations.RunPython(leave_room_for_hot_updates, full_pages_again),
    ]

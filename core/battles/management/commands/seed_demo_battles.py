from django.core.management.base import BaseCommand

from core.battles.demo import seed_demo_battle


class Command(BaseCommand):
    help = "Create this week's demo Prompt Battle with a few demo members' entries and votes; skipped if one exists."

    def handle(self, *args, **options):
        created = seed_demo_battle()
        self.stdout.write(
            f"Seeded this week's Prompt Battle with {created} entries." if created else "This week's Prompt Battle already exists; nothing to do."
        )

from django.core.management.base import BaseCommand

from core.quests.demo import seed_demo_quests


class Command(BaseCommand):
    help = "Load the demo's quests (one of each kind, every week) and the 'Prompt Week' theme; skipped if present."

    def handle(self, *args, **options):
        created = seed_demo_quests()
        self.stdout.write(f"Seeded {created} demo quests." if created else "Demo quests already present; nothing to do.")

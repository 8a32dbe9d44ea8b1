from django.core.management.base import BaseCommand

from core.circles.demo import DEMO_PASSWORD, FEATURED, seed_demo_community


class Command(BaseCommand):
    help = "Seed the demo community (about 300 users with ten weeks of XP history). Skips if present."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=300)
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, **options):
        created = seed_demo_community(count=options["users"], seed=options["seed"])
        if created:
            self.stdout.write(self.style.SUCCESS(f"Seeded {created} demo users."))
        else:
            self.stdout.write("Demo community already present; nothing to do.")
        self.stdout.write(f"Sign in as any of {', '.join(FEATURED)} with password '{DEMO_PASSWORD}'.")

from django.core.management.base import BaseCommand

from core.circles.ops.demo import DEMO_PASSWORD, FEATURED, seed_demo_community
from core.fairplay.demo import seed_demo_spike
from core.insights.demo import DEMO_STAFF, ensure_demo_staff, seed_demo_views
from core.launch.services import open_thrive_circles_to_everyone


class Command(BaseCommand):
    help = (
        "Seed the demo community (about 300 users with ten weeks of XP history; skipped if present) and "
        "open Thrive Circles to everyone (a fresh install starts in beta)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=300)
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, **options):
        created = seed_demo_community(count=options["users"], seed=options["seed"])
        if created:
            self.stdout.write(self.style.SUCCESS(f"Seeded {created} demo users."))
            views = seed_demo_views(seed=options["seed"])
            reviews = seed_demo_spike()
            self.stdout.write(f"Seeded {views} days of page and feed views; {reviews} XP spike(s) waiting for review.")
        else:
            self.stdout.write("Demo community already present; nothing to do.")
        ensure_demo_staff(DEMO_PASSWORD)
        # The demo shows the launched product; a fresh install starts in beta (docs/operations.md).
        open_thrive_circles_to_everyone()
        self.stdout.write("Thrive Circles is open to everyone (the launch flag's Everyone = Yes).")
        self.stdout.write(f"Sign in as any of {', '.join(FEATURED)} with password '{DEMO_PASSWORD}'.")
        self.stdout.write(f"Staff (success metrics dashboard, admin): {DEMO_STAFF} / {DEMO_PASSWORD}.")

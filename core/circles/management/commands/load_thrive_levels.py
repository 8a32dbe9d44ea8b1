from django.core.management.base import BaseCommand

from core.circles.services import load_default_levels


class Command(BaseCommand):
    help = "Load the five Thrive Circle levels (creates missing ones; safe to re-run)."

    def handle(self, *args, **options):
        created = load_default_levels()
        self.stdout.write(self.style.SUCCESS(f"Thrive Circle levels ready ({created} created)."))

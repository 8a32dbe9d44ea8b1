from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError

from core.circles import weeks
from core.fairplay.services import detect_spikes


class Command(BaseCommand):
    help = "Flag weeks whose XP is far above the person's usual week for review (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--week", help="Any date in the week to check (YYYY-MM-DD); default: the running week.")

    def handle(self, *args, week=None, **options):
        try:
            day = date.fromisoformat(week) if week else None
        except ValueError:
            raise CommandError("--week must be a date, YYYY-MM-DD") from None
        monday = day - timedelta(days=day.weekday()) if day else weeks.current_week_start()
        created = detect_spikes(monday)
        self.stdout.write(f"Week of {monday}: {created} new spike review(s).")

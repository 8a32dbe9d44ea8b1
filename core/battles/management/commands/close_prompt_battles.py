from django.core.management.base import BaseCommand

from core.battles import services


class Command(BaseCommand):
    help = "Decide every Prompt Battle whose time is up: the most-voted people (ties: all) earn the win XP. Safe to re-run."

    def handle(self, *args, **options):
        results = services.close_due_battles()
        for result in results:
            names = ", ".join(win.user.username for win in result.wins) or "nobody (no votes)"
            self.stdout.write(f"{result.battle}: won by {names}.")
        self.stdout.write(f"Closed {len(results)} battle(s).")

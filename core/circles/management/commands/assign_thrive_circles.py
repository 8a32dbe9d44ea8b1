from django.core.management.base import BaseCommand, CommandError

from core.circles.services import CircleAssignmentService


class Command(BaseCommand):
    help = "Assign users to weekly Thrive Circles (safe to re-run: a rerun only seats newcomers)."

    def handle(self, *args, **options):
        try:
            run = CircleAssignmentService.assign_weekly_circles(trigger="command")
        except Exception as exc:
            raise CommandError(f"Error assigning circles: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Thrive Circles for the week of {run.week_start}: {run.get_status_display()}, "
                f"{run.users_placed} users placed, {run.circles_created} circles created."
            )
        )

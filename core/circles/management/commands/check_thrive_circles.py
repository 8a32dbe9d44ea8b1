import json

from django.core.management.base import BaseCommand, CommandError
from rest_framework.utils.encoders import JSONEncoder

from core.circles.ops import alerts, health


class Command(BaseCommand):
    help = (
        "Check the weekly Thrive Circles job: this week's circles exist (after THRIVE_ASSIGNMENT_GRACE_HOURS), "
        "the last run did not fail or get stuck, and every eligible user has a circle. Exits 1 when unhealthy."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the report as JSON (as the health endpoint).")
        parser.add_argument(
            "--alert", action="store_true",
            help="Also run the alert checks and send new alerts (what beat's check_thrive_alerts does; for cron).",
        )

    def handle(self, *args, **options):
        if options["alert"]:
            for alert in alerts.check_alerts():
                self.stderr.write(f"Alert sent: {alert.event} ({alert.key})")
        report = health.circles_health()
        if options["json"]:
            self.stdout.write(json.dumps(health.as_dict(report), cls=JSONEncoder, indent=2))
        else:
            for check in report.checks:
                mark = self.style.SUCCESS("OK  ") if check.ok else self.style.ERROR("FAIL")
                self.stdout.write(f"{mark} {check.name}: {check.message}")
                if check.name == "last_run" and not check.ok and report.last_run.error:
                    self.stdout.write(f"     error: {report.last_run.error}")  # operators only, not the endpoint
        if not report.healthy:
            names = ", ".join(check.name for check in report.problems)
            raise CommandError(f"Thrive Circles are unhealthy ({names}).")
        if not options["json"]:
            self.stdout.write(self.style.SUCCESS("Thrive Circles are healthy."))

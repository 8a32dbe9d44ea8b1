import csv
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.insights.services import weekly_kpis

SCALARS = [
    "week_start", "week_end", "is_complete", "registered_users", "active_users", "active_share", "xp_total",
    "avg_xp_per_active_user", "activities", "activities_per_active_user", "previous_active_users", "retained_users",
    "retention", "page_views", "page_viewers", "feed_views", "feed_viewers", "level_ups", "limited_awards", "spike_flags",
]


class Command(BaseCommand):
    help = "The Thrive Circles success metrics of the last N circle weeks (oldest first), as CSV or JSON."

    def add_arguments(self, parser):
        parser.add_argument("--weeks", type=int, default=12, help="Circle weeks to report, ending with the running one (1-52).")
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--refresh", action="store_true", help="Recompute the stored figures of finished weeks.")

    def handle(self, *args, weeks, format, refresh, **options):
        if not 1 <= weeks <= 52:
            raise CommandError("--weeks must be between 1 and 52")
        now = timezone.now()
        rows = weekly_kpis(weeks_back=weeks, now=now, refresh=refresh)
        if format == "json":
            self.stdout.write(json.dumps({"generated_at": now.isoformat(), "weeks": rows}, indent=2))
            return
        levels = [entry["level"] for entry in rows[-1]["level_distribution"]] if rows else []
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(SCALARS + [f"level_{name.lower()}" for name in levels])
        for row in rows:
            by_level = {entry["level"]: entry["users"] for entry in row["level_distribution"]}
            writer.writerow(["" if row[key] is None else row[key] for key in SCALARS] + [by_level.get(name, 0) for name in levels])

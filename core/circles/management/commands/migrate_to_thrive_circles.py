from django.core.management.base import BaseCommand, CommandError

from core.circles.ops import backfill
from core.exceptions import ApplicationError


class _ProgressBar:
    """A one-line bar on a terminal; a line per tenth elsewhere (logs stay short)."""

    WIDTH = 30

    def __init__(self, stream):
        self.stream = stream
        self.is_tty = hasattr(stream, "isatty") and stream.isatty()
        self.last_tenth = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        if self.is_tty:
            filled = int(self.WIDTH * fraction)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(f"\r  {stage} [{bar}] {fraction:6.1%} {done:,}/{total:,}", ending="")
            if done >= total:
                self.stream.write("")
            self.stream.flush()
            return
        tenth = int(fraction * 10)
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(f"  {stage}: {fraction:.0%} ({done:,}/{total:,} ids)")


class Command(BaseCommand):
    help = (
        "Move an existing community into Thrive Circles: a profile for every user, an XP event for every "
        "PointsHistory row (original time and metadata kept), points without history carried over, then the "
        "first circles and a validation report. Safe to re-run and to run alongside live traffic. Exits "
        "non-zero when it fails or finds inconsistencies it cannot explain."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")
        parser.add_argument(
            "--batch-size", type=int, default=backfill.DEFAULT_BATCH_USERS,
            help="Users per batch (one transaction each). Default %(default)s.",
        )
        parser.add_argument(
            "--no-carry-over", action="store_true",
            help="Do not add an event for points that no PointsHistory row explains; only report them.",
        )
        parser.add_argument("--no-circles", action="store_true", help="Skip the first circle assignment.")
        parser.add_argument("--show", type=int, default=20, help="Inconsistent users to list (default 20).")

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        carry_over = not options["no_carry_over"]
        if options["dry_run"]:
            return self._dry_run(carry_over=carry_over, show=options["show"])

        self.stdout.write("Migrating to Thrive Circles...")
        try:
            result = backfill.migrate_to_thrive_circles(
                batch_size=options["batch_size"],
                carry_over=carry_over,
                assign_circles=not options["no_circles"],
                progress=_ProgressBar(self.stderr),
                report_limit=options["show"],
            )
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        except Exception as exc:
            raise CommandError(f"Migration failed: {type(exc).__name__}: {exc}. It is safe to run it again.") from exc

        if result.levels_loaded:
            self.stdout.write(f"Loaded {result.levels_loaded} default levels.")
        self.stdout.write(f"Profiles created: {result.profiles_created:,}")
        self.stdout.write(f"XP events backfilled: {result.events_created:,} ({result.points_backfilled:+,} XP)")
        if carry_over:
            self.stdout.write(
                f"Carried over: {result.carry_over_users:,} users ({result.carry_over_points:+,} XP not in the points history)"
            )
        if result.run is not None:
            run = result.run
            self.stdout.write(
                f"Circles for the week of {run.week_start}: {run.get_status_display()}, "
                f"{run.users_placed:,} users placed, {run.circles_created:,} circles created (run #{run.pk})."
            )
        self._report(result.report, carry_over=carry_over)
        if not result.report.ok:
            raise CommandError("Inconsistencies found (listed above); nothing explains them.")
        self.stdout.write(self.style.SUCCESS("Migration complete: every user's XP equals the sum of their events."))

    def _dry_run(self, *, carry_over: bool, show: int) -> None:
        plan = backfill.plan_backfill(carry_over=carry_over)
        self.stdout.write("Dry run: nothing is written. A run now would:")
        if plan.levels_to_load:
            self.stdout.write(f"  load {plan.levels_to_load} default levels")
        self.stdout.write(f"  create {plan.profiles_to_create:,} profiles")
        self.stdout.write(f"  backfill {plan.events_to_backfill:,} XP events ({plan.points_to_backfill:+,} XP)")
        if carry_over:
            self.stdout.write(
                f"  carry over points for {plan.carry_over_users:,} users ({plan.carry_over_points:+,} XP not in the points history)"
            )
        action = "seat users without a circle in" if plan.week_has_circles else "build"
        self.stdout.write(f"  {action} the circles of the week of {plan.assignment_week}")
        self.stdout.write("Current state:")
        self._report(plan.report, carry_over=carry_over, dry_run=True)
        if plan.report.xp_mismatch_count:
            raise CommandError(
                "Profiles whose total_xp already differs from their events: a run keeps that difference."
            )

    def _report(self, report: backfill.ValidationReport, *, carry_over: bool, dry_run: bool = False) -> None:
        write = self.stdout.write
        write("Validation:")
        if report.ledger_difference_users:
            explanation = (
                "carried over as one event each" if carry_over and not dry_run
                else "not carried over" if not carry_over
                else "a run carries them over"
            )
            write(
                f"  {report.ledger_difference_users:,} users have total_points that differ from their points history "
                f"by {report.ledger_difference_points:+,} in all ({explanation})."
            )
        if report.level_mismatch_count:
            write(f"  {report.level_mismatch_count:,} profiles have a level that does not match their XP "
                  "(the next circle assignment moves them).")
        if not dry_run:
            if report.users_without_profile:
                write(self.style.ERROR(f"  {report.users_without_profile:,} users still have no profile."))
            if report.history_without_event:
                write(self.style.ERROR(f"  {report.history_without_event:,} points awards still have no XP event."))
        if report.xp_mismatch_count:
            write(self.style.ERROR(
                f"  {report.xp_mismatch_count:,} profiles have a total_xp that differs from the sum of their events:"
            ))
            for m in report.xp_mismatches:
                write(f"    {m.username} (user {m.user_id}): total_xp {m.total_xp:,}, events {m.events_xp:,}, "
                      f"difference {m.difference:+,}")
            if report.xp_mismatch_count > len(report.xp_mismatches):
                write(f"    ... and {report.xp_mismatch_count - len(report.xp_mismatches):,} more")
        elif report.ok:
            write("  every profile's total_xp equals the sum of its events.")

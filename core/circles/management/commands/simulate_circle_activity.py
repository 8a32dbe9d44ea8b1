import logging
import random
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from core.circles import weeks
from core.circles.ops.demo import FEATURED, TITLES
from core.circles.models import CircleMembership, UserThriveProfile
from core.points.models import ActivityType
from core.points.services import PointsService

ACTIVITIES = [ActivityType.QUIZ_COMPLETED, ActivityType.BATTLE_PARTICIPATED, ActivityType.PROJECT_CREATED]
# After this many failures in a row the simulator waits longer between tries, but never gives up:
# the demo's feeds should start moving again as soon as the database answers.
BACKOFF_AFTER = 3

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Make demo circle members earn XP over time so feeds move (awards go through PointsService)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=15.0, help="Seconds between awards.")
        parser.add_argument(
            "--iterations", type=int, default=0, help="Stop after this many tries, failed ones included (0: run until stopped)."
        )
        parser.add_argument("--seed", type=int, default=None)

    def handle(self, *args, interval, iterations, seed, **options):
        rng = random.Random(seed)
        count = failures_in_a_row = 0
        while not iterations or count < iterations:
            count += 1
            try:
                if not self._award_one(rng):
                    return
                failures_in_a_row = 0
            except Exception:  # noqa: BLE001 - one failed award must not stop every circle's feed
                failures_in_a_row += 1
                logger.exception("simulate_circle_activity: an award failed (%d in a row); carrying on", failures_in_a_row)
                self.stderr.write(f"An award failed ({failures_in_a_row} in a row); see the log. Carrying on.")
                if not connection.in_atomic_block:  # (a caller's transaction, as in tests, keeps its connection)
                    close_old_connections()  # a broken connection is replaced on the next query
            if not iterations or count < iterations:
                time.sleep(interval * (4 if failures_in_a_row >= BACKOFF_AFTER else 1))

    def _award_one(self, rng: random.Random) -> bool:
        """One demo award; False when there are no circles to simulate."""
        member = self._member(rng)
        if member is None:
            self.stderr.write("No circles this week yet: run assign_thrive_circles first.")
            return False
        kind = rng.choice(ACTIVITIES)
        metadata = {"title": rng.choice(TITLES[kind])} if kind in TITLES else {}
        if kind == ActivityType.QUIZ_COMPLETED:
            metadata["score"] = rng.choice([67, 100])
        history = PointsService.award_points(member.user, kind, metadata)
        self.stdout.write(f"{member.user.username}: {history.description} (+{history.points_awarded} XP)")
        return True

    @staticmethod
    def _member(rng: random.Random) -> UserThriveProfile | None:
        """A member of this week's circles, half the time one who shares a circle with a demo account."""
        week = weeks.current_week_start()
        this_week = UserThriveProfile.objects.filter(memberships__week_start=week)
        pools = [this_week.select_related("user").order_by("?")]
        if rng.random() < 0.5:
            featured = CircleMembership.objects.filter(week_start=week, profile__user__username__in=FEATURED)
            pools.insert(0, pools[0].filter(memberships__circle__in=featured.values("circle")).exclude(user__username__in=FEATURED))
        return next((member for pool in pools if (member := pool.first())), None)

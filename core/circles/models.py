import os
import time
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from . import weeks


class ThriveCircleLevel(models.Model):
    """Progression levels for Thrive Circles."""

    id = models.AutoField(primary_key=True)
    name = models.CharField(max_length=50, unique=True)
    order = models.IntegerField(unique=True)
    description = models.TextField(blank=True, default="")
    min_xp = models.IntegerField(unique=True)
    color_from = models.CharField(max_length=20, default="blue-500")
    color_to = models.CharField(max_length=20, default="blue-600")
    icon = models.CharField(max_length=50, default="faSeedling")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return f"{self.name} (Level {self.order})"


def time_ordered_uuid() -> uuid.UUID:
    """A version 7 UUID (RFC 9562): the time in milliseconds, then random bits. Each week's circles
    sort after every earlier week's, so the memberships' circle index grows at its end rather
    than at random places across every week it holds."""
    milliseconds = time.time_ns() // 1_000_000
    random_bits = int.from_bytes(os.urandom(10), "big")
    value = (milliseconds & (2**48 - 1)) << 80 | 0x7 << 76 | (random_bits >> 62) << 64 | 0b10 << 62 | random_bits & (2**62 - 1)
    return uuid.UUID(int=value)


class ThriveCircle(models.Model):
    """Weekly grouping of users with similar XP."""

    id = models.UUIDField(primary_key=True, default=time_ordered_uuid, editable=False)
    # Not indexed alone: the unique (level, week, sequence) index leads with it (migration 0010).
    level = models.ForeignKey(ThriveCircleLevel, on_delete=models.PROTECT, related_name="circles", db_index=False)
    week_start = models.DateField()  # Monday of the week this circle is active
    week_end = models.DateField()  # Sunday of the week this circle is active
    name = models.CharField(max_length=100, blank=True)  # "Explorer Circle A"
    # Position of the circle among its level's circles this week; names derive from it.
    sequence = models.PositiveIntegerField(default=0)
    # Members seated here, recounted by the seating code after every change it makes, so that
    # seating a newcomer reads a few circles, not the members of every circle of their level.
    # Only seating reads it; a deleted profile leaves it one too high until the next recount.
    member_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-week_start", "level__order", "sequence"]
        indexes = [
            models.Index(fields=["week_start", "week_end"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["level", "name", "week_start"], name="circle_unique_name_per_week"),
            models.UniqueConstraint(fields=["level", "week_start", "sequence"], name="circle_unique_sequence_per_week"),
        ]

    def __str__(self):
        return f"{self.name} ({self.week_start} to {self.week_end})"

    @property
    def is_current_week(self) -> bool:
        return self.week_start == weeks.current_week_start()


def _next_reset():
    return weeks.next_reset()


class UserThriveProfile(models.Model):
    """User's Thrive Circle profile and XP tracking."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thrive_profile")
    current_level = models.ForeignKey(ThriveCircleLevel, on_delete=models.PROTECT, related_name="users_at_level")
    # XP earned in the week starting `weekly_xp_week`; read it through `xp_this_week`,
    # which treats a counter from an earlier week as 0 (the ledger's counter rule, ledger/writes.py).
    weekly_xp = models.IntegerField(default=0)
    weekly_xp_week = models.DateField(default=weeks.current_week_start)
    total_xp = models.IntegerField(default=0)  # all-time, never resets
    # Not indexed: the page, the feed and seating read CircleMembership, and the weekly job
    # rewrites this field for every member; unindexed, that rewrite is a HOT update (no index
    # entries, migration 0006) in the room the table's fillfactor leaves on each page. No database
    # foreign key either (migration 0009): only publishing writes it, copying circle ids from
    # memberships, and checking 700k keys at the publishing commits took ~4 s of a 1M-profile run.
    current_circle = models.ForeignKey(
        ThriveCircle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        db_index=False,
        db_constraint=False,
    )
    weekly_reset_at = models.DateTimeField(default=_next_reset)
    last_activity_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-total_xp"]
        # Every award rewrites the profile row and so every one of its indexes: keep only those
        # a query uses (the plan's (current_level, -weekly_xp) leaderboard index served none).
        indexes = [
            models.Index(fields=["-total_xp"]),
        ]

    def __str__(self):
        return f"{self.user.username} - {self.current_level.name} ({self.total_xp} XP)"

    @property
    def xp_this_week(self) -> int:
        return self.weekly_xp if self.weekly_xp_week == weeks.current_week_start() else 0


class CircleMembership(models.Model):
    """Who sits in which circle, week by week: the page, the feed and seating read the running
    week's row, so a week built ahead of its reset shows only from the reset on.

    The weekly job INSERTs a whole week of these without touching a profile row, so awards never
    wait for it; `UserThriveProfile.current_circle` (the plan's field: the latest week's circle)
    follows in short batches afterwards (assignment/publishing.py). No database foreign keys:
    rows are written only by the assignment code from rows it has just read (integrity by
    construction), and checking 700k keys at commit took about 10 s of a 1M-profile run.
    """

    week_start = models.DateField()
    profile = models.ForeignKey(
        UserThriveProfile, on_delete=models.CASCADE, related_name="memberships", db_constraint=False, db_index=False
    )
    circle = models.ForeignKey(ThriveCircle, on_delete=models.CASCADE, related_name="memberships", db_constraint=False)

    class Meta:
        # Week first: a new week's rows go in at the end of the index, whatever the table's history
        # (profile first, they were spread over every page of it: 13.5 s at 1M with 26 weeks kept).
        constraints = [models.UniqueConstraint(fields=["week_start", "profile"], name="one_circle_per_week")]

    def __str__(self):
        return f"{self.profile_id} in {self.circle_id} ({self.week_start})"


class XPSource(models.TextChoices):
    """Sources that can award XP."""

    SIDE_QUEST = "side_quest", "Side Quest"
    WEEKLY_CHALLENGE = "weekly_challenge", "Weekly Challenge"
    SCAVENGER_HUNT = "scavenger_hunt", "Scavenger Hunt"
    PROMPT_BATTLE = "prompt_battle", "Prompt Battle"
    QUIZ = "quiz", "Quiz"
    PROJECT = "project", "Project"
    DAILY_LOGIN = "daily_login", "Daily Login"
    STREAK = "streak", "Streak Bonus"
    ACHIEVEMENT = "achievement", "Achievement"
    OTHER = "other", "Other"


class XPEvent(models.Model):
    """Log of XP-earning actions; the sum of a user's events is their total_xp."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Indexed by (user, -timestamp) below, which also serves lookups by user alone.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xp_events", db_index=False)
    amount = models.IntegerField()  # negative for corrections
    source = models.CharField(max_length=30, choices=XPSource.choices, default=XPSource.OTHER)
    description = models.TextField()
    metadata = models.JSONField(default=dict, blank=True)
    # A default rather than auto_now_add: backfilled events keep their original time.
    timestamp = models.DateTimeField(default=timezone.now)
    # The points award this event records, if any: one event per award, so backfills can rerun.
    points_history = models.OneToOneField(
        "points.PointsHistory", on_delete=models.PROTECT, null=True, blank=True, related_name="xp_event"
    )

    class Meta:
        ordering = ["-timestamp", "-id"]
        indexes = [
            models.Index(fields=["user", "-timestamp"]),
            models.Index(fields=["source", "-timestamp"]),
            models.Index(fields=["-timestamp"]),
        ]

    def __str__(self):
        return f"{self.user.username} {self.amount:+d} XP - {self.description}"


class XPDay(models.Model):
    """What a person earned in one day (platform calendar) from one source: how many events with
    more than 0 XP and their XP. Written with each award in its statement (ledger/writes.py), so it
    always equals the log; features that measure days and sources (quests, streaks) read a few of
    these rows instead of every event. `week` is the circle week of the events: before the reset
    hour a Monday's events belong to the week before.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xp_days", db_index=False)
    day = models.DateField()
    week = models.DateField()
    source = models.CharField(max_length=30, choices=XPSource.choices)
    events = models.PositiveIntegerField(default=0)
    xp = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day", "week", "source"], name="xpday_one_row")]

    def __str__(self):
        return f"{self.user_id} {self.day} {self.source}: {self.events} events, {self.xp} XP"


class CircleAssignmentRun(models.Model):
    """One run of the weekly assignment, kept for operators."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        ALREADY_DONE = "already_done", "Already done (topped up)"
        FAILED = "failed", "Failed"

    week_start = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    trigger = models.CharField(max_length=30, default="command")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    users_placed = models.IntegerField(default=0)
    circles_created = models.IntegerField(default=0)
    error = models.TextField(blank=True, default="")
    # When every member's current_circle named the week's circle (publishing.py).
    published_at = models.DateTimeField(null=True, blank=True)
    # A run split across workers (assignment/parallel.py): its bands, so the next run can finish it.
    bands = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["week_start", "-started_at"])]

    def __str__(self):
        return f"{self.week_start} {self.status}"

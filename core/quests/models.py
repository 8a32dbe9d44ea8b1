"""Quests authored in the admin, and the records that make each reward happen exactly once."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from core.circles.models import ThriveCircleLevel, XPSource

from .conditions import REWARD_SOURCES

# Sources a quest's condition may name: everything people earn XP for, never a reward.
COUNTABLE_SOURCES = [(value, label) for value, label in XPSource.choices if value not in REWARD_SOURCES]


class QuestKind(models.TextChoices):
    SIDE_QUEST = "side_quest", "Side quest"
    WEEKLY_CHALLENGE = "weekly_challenge", "Weekly challenge"
    SCAVENGER_HUNT = "scavenger_hunt", "Scavenger hunt"


class Measure(models.TextChoices):
    EVENTS = "events", "Number of XP events"
    XP = "xp", "XP earned"
    DAYS = "days", "Different days with an event"


WEEKDAYS = [(0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"), (4, "Friday"), (5, "Saturday"), (6, "Sunday")]


class Quest(models.Model):
    """One quest: what to do (a condition on the XP event log, or a hunt's steps), for whom, when.

    The period is a circle week: `week_start` (a Monday) for one week, or empty to run every week.
    Within it a quest may run for a few days only (`first_day`, `days`: "a weekend sprint").
    Progress and completion are counted per person and week, from the events of its days.
    """

    kind = models.CharField(max_length=20, choices=QuestKind.choices)
    title = models.CharField(max_length=100)
    description = models.TextField(help_text="What to do, in the person's words.")
    reward_xp = models.PositiveIntegerField(help_text="XP on completion (the fair-play caps still apply).")
    levels = models.ManyToManyField(
        ThriveCircleLevel, blank=True, related_name="quests", help_text="Offered to these levels; none: every level."
    )
    week_start = models.DateField(
        null=True, blank=True, help_text="The Monday of the week it runs; empty: every week."
    )
    first_day = models.PositiveSmallIntegerField(
        default=0, choices=WEEKDAYS, help_text="The day of the week its window opens (Monday: with the week)."
    )
    days = models.PositiveSmallIntegerField(
        default=7, help_text="How many days its window lasts: 7 for the whole week, fewer for a quest of a few days."
    )
    sources = models.JSONField(
        default=list, blank=True, help_text="XP sources that count; empty: every source except rewards. Not for hunts."
    )
    measure = models.CharField(max_length=10, choices=Measure.choices, default=Measure.EVENTS)
    target = models.PositiveIntegerField(
        default=1, help_text="How many events, XP or days complete it (hunts: ignored, every step counts)."
    )
    is_active = models.BooleanField(default=True)
    display_order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["display_order", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(target__gte=1), name="quest_target_at_least_1"),
            models.CheckConstraint(
                condition=models.Q(days__gte=1, first_day__lte=6) & models.Q(first_day__lte=7 - models.F("days")),
                name="quest_window_within_the_week",
            ),
        ]
        indexes = [models.Index(fields=["is_active", "week_start"], name="quest_active_week_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def is_hunt(self) -> bool:
        return self.kind == QuestKind.SCAVENGER_HUNT

    def clean(self):
        errors = {}
        if self.week_start is not None and self.week_start.weekday() != 0:
            errors["week_start"] = "A quest week starts on a Monday."
        allowed = {value for value, _ in COUNTABLE_SOURCES}
        if not isinstance(self.sources, list) or not set(self.sources) <= allowed:
            errors["sources"] = f"Choose among: {', '.join(sorted(allowed))} (rewards never count)."
        if not 1 <= self.days <= 7 - self.first_day:
            errors["days"] = "The window must end by the end of the week: at most 7 days from Monday."
        if errors:
            raise ValidationError(errors)


class QuestLevelTarget(models.Model):
    """A level's own target for a quest: the weekly challenge is fair for a Seedling and a Luminary."""

    quest = models.ForeignKey(Quest, on_delete=models.CASCADE, related_name="level_targets")
    level = models.ForeignKey(ThriveCircleLevel, on_delete=models.CASCADE, related_name="+")
    target = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["quest", "level"], name="quest_level_target_once"),
            models.CheckConstraint(condition=models.Q(target__gte=1), name="quest_level_target_at_least_1"),
        ]

    def __str__(self):
        return f"{self.quest_id} at level {self.level_id}: {self.target}"


class HuntStep(models.Model):
    """One clue of a scavenger hunt; the answer is found where `link` points."""

    quest = models.ForeignKey(Quest, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(help_text="1 for the first clue, 2 for the next...")
    clue = models.TextField()
    answer = models.CharField(max_length=200, help_text="Compared ignoring case and spaces.")
    link = models.CharField(max_length=200, blank=True, default="", help_text="Where to look: a path such as /help/thrive-circles.")

    class Meta:
        ordering = ["quest", "order"]
        constraints = [
            models.UniqueConstraint(fields=["quest", "order"], name="hunt_step_order_once"),
            models.CheckConstraint(condition=models.Q(order__gte=1), name="hunt_step_order_from_1"),
        ]

    def __str__(self):
        return f"{self.quest_id} step {self.order}"


class QuestCompletion(models.Model):
    """A person completed a quest in a period (the week's Monday): at most once, by constraint."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quest_completions")
    quest = models.ForeignKey(Quest, on_delete=models.CASCADE, related_name="completions")
    period = models.DateField()
    completed_at = models.DateTimeField(default=timezone.now)
    xp_awarded = models.IntegerField(default=0, help_text="After the fair-play rules.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "quest", "period"], name="quest_completed_once_per_period")]
        indexes = [models.Index(fields=["user", "period"], name="quest_completion_user_period")]

    def __str__(self):
        return f"{self.user_id} completed {self.quest_id} ({self.period})"


class HuntStepSolve(models.Model):
    """A person solved one hunt step in a period."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hunt_solves")
    step = models.ForeignKey(HuntStep, on_delete=models.CASCADE, related_name="solves")
    period = models.DateField()
    solved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "step", "period"], name="hunt_step_solved_once")]


class CircleTheme(models.Model):
    """A week's theme for the circles of a level ("Prompt Week"): colours, an icon, a themed side quest.

    The most specific theme wins: this week and this level, then this week, then every week.
    """

    name = models.CharField(max_length=60)
    week_start = models.DateField(null=True, blank=True, help_text="The Monday of its week; empty: every week.")
    level = models.ForeignKey(
        ThriveCircleLevel, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        help_text="Circles of this level; empty: every circle.",
    )
    color_from = models.CharField(max_length=20, default="violet-700", help_text="A Tailwind colour the front end knows (lib/levelTheme.ts), e.g. violet-700; white text sits on it.")
    color_to = models.CharField(max_length=20, default="fuchsia-700")
    icon = models.CharField(max_length=8, default="✨", help_text="An emoji shown on the circle card.")
    side_quest = models.ForeignKey(
        Quest, on_delete=models.SET_NULL, null=True, blank=True, related_name="themes",
        limit_choices_to={"kind": QuestKind.SIDE_QUEST},
    )

    class Meta:
        ordering = ["-week_start", "id"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.week_start is not None and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": "A theme week starts on a Monday."})


class QuizStreakBonus(models.Model):
    """A quiz streak bonus, once per person, milestone and the day the run reached it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_streak_bonuses")
    days = models.PositiveSmallIntegerField()
    reached_on = models.DateField()
    xp_awarded = models.IntegerField(default=0)
    awarded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "days", "reached_on"], name="quiz_streak_bonus_once")]

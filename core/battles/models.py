from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

MAX_ROUNDS = 5


class PromptBattle(models.Model):
    """The week's Prompt Battle, authored in the admin: a challenge in rounds, open until `closes_at`."""

    title = models.CharField(max_length=100)
    challenge = models.TextField(help_text="What the battle is about; shown above the rounds.")
    week_start = models.DateField(unique=True, help_text="The Monday of the circle week it runs in: one battle a week.")
    closes_at = models.DateTimeField(help_text="Entries and votes are accepted until then; the result follows.")
    # Set once by close_battle, in the transaction that records the winners: a closed battle is final.
    result_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-week_start"]
        indexes = [models.Index(fields=["closes_at"], condition=Q(result_at__isnull=True), name="battles_open_by_close")]

    def __str__(self):
        return f"{self.title} ({self.week_start})"


class BattleRound(models.Model):
    """One round of a battle: a prompt to answer. Rounds are entered in order, each once per person."""

    battle = models.ForeignKey(PromptBattle, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(MAX_ROUNDS)])
    prompt = models.CharField(max_length=300, help_text="The round's task, e.g. 'Describe a sunrise to someone who has never seen one.'")

    class Meta:
        ordering = ["battle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["battle", "number"], name="battles_round_number_once"),
            models.CheckConstraint(condition=Q(number__gte=1) & Q(number__lte=MAX_ROUNDS), name="battles_round_number_range"),
        ]

    def __str__(self):
        return f"Round {self.number}: {self.prompt}"


class BattleEntry(models.Model):
    """A person's prompt for one round. One per person and round (the constraint, not a check)."""

    round = models.ForeignKey(BattleRound, on_delete=models.CASCADE, related_name="entries")
    # The round's battle, kept on the row so votes and results read one table.
    battle = models.ForeignKey(PromptBattle, on_delete=models.CASCADE, related_name="entries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="battle_entries")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="battles_one_entry_per_round")]
        indexes = [models.Index(fields=["battle", "user"])]
        verbose_name_plural = "battle entries"

    def __str__(self):
        return f"{self.user} in {self.round}"


class BattleVote(models.Model):
    """A participant's vote for someone else's entry: one per voter and round, never one's own.

    `entry_author` repeats the entry's author so the database itself refuses a vote for oneself."""

    round = models.ForeignKey(BattleRound, on_delete=models.CASCADE, related_name="votes")
    entry = models.ForeignKey(BattleEntry, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="battle_votes")
    entry_author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "voter"], name="battles_one_vote_per_round"),
            models.CheckConstraint(condition=~Q(voter=F("entry_author")), name="battles_no_vote_for_oneself"),
        ]

    def __str__(self):
        return f"{self.voter} -> entry {self.entry_id}"


class BattleWin(models.Model):
    """A winner of a closed battle (ties: every tied person). Recorded once per battle and person."""

    battle = models.ForeignKey(PromptBattle, on_delete=models.CASCADE, related_name="wins")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="battle_wins")
    votes = models.PositiveIntegerField()
    points_awarded = models.IntegerField(default=0, help_text="The win XP granted, after fair play.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["battle", "user"]
        constraints = [models.UniqueConstraint(fields=["battle", "user"], name="battles_win_once")]

    def __str__(self):
        return f"{self.user} won {self.battle}"

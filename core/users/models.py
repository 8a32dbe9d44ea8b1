from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """The platform's user, with the points fields the plan lists as already implemented."""

    avatar_url = models.URLField(blank=True, default="")
    total_points = models.IntegerField(default=0)
    level = models.IntegerField(default=1)  # platform level: 1 + total_points // 100
    current_streak = models.IntegerField(default=0)
    max_streak = models.IntegerField(default=0)
    last_login_date = models.DateField(null=True, blank=True)
    # The person's IANA time zone ("" until they or their browser set one: the platform's zone).
    time_zone = models.CharField(max_length=64, blank=True, default="", db_default="")
    # Forgiveness (issue 17): streak freezes held (one earned per 7 days in a row, at most
    # THRIVE_MAX_STREAK_FREEZES), and the last time freezes kept a streak alive, for the page.
    streak_freezes = models.PositiveSmallIntegerField(default=0, db_default=0)
    freeze_used_on = models.DateField(null=True, blank=True)
    freeze_kept_streak = models.IntegerField(default=0, db_default=0)
    freezes_used = models.PositiveSmallIntegerField(default=0, db_default=0)  # how many that last time
    # A rest week: the Monday of the circle week the person sits out (not placed by the weekly
    # job; its days do not break the streak). `rest_ended_on` is the day they came back early.
    resting_week = models.DateField(null=True, blank=True)
    rest_ended_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["-total_points"], name="user_points_idx"),
            models.Index(fields=["level", "-total_points"], name="user_level_points_idx"),
            # Small indexes for the few people the weekly job leaves out (circles/assignment/eligibility.py).
            models.Index(fields=["id"], condition=models.Q(is_staff=True) | models.Q(is_superuser=True), name="user_not_learner_idx"),
            models.Index(fields=["resting_week"], condition=models.Q(resting_week__isnull=False), name="user_resting_week_idx"),
        ]

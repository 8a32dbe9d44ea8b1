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

    class Meta:
        indexes = [
            models.Index(fields=["-total_points"], name="user_points_idx"),
            models.Index(fields=["level", "-total_points"], name="user_level_points_idx"),
        ]

from django.conf import settings
from django.db import models
from django.utils import timezone


class Feature(models.TextChoices):
    """What the success metrics count views of."""

    THRIVE_CIRCLE_PAGE = "thrive_circle_page", "Your Thrive Circle page"
    ACTIVITY_FEED = "activity_feed", "Circle activity feed"


class FeatureView(models.Model):
    """How often a person opened a feature on one day: one row per person, feature and day.

    The page reports a view when it opens (the feed when it scrolls into sight), through
    POST /api/v1/me/views/. A counter per day keeps the table small; the row itself says the
    person was a viewer that day.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feature_views")
    feature = models.CharField(max_length=30, choices=Feature.choices)
    day = models.DateField(help_text="The day in the platform time zone.")
    count = models.PositiveIntegerField(default=1)
    last_viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "feature", "day"], name="insights_one_row_per_user_feature_day")]
        indexes = [models.Index(fields=["day", "feature"])]

    def __str__(self):
        return f"{self.user_id} {self.feature} {self.day} x{self.count}"


class WeeklyKPISnapshot(models.Model):
    """The success metrics of one finished week, computed once (core/insights/kpis.py).

    A finished week's figures don't change, so the dashboard reads them from here and computes
    only the running week live. `thrive_circles_report --refresh` recomputes them.
    """

    week_start = models.DateField(unique=True)
    computed_at = models.DateTimeField(default=timezone.now)
    metrics = models.JSONField()

    class Meta:
        ordering = ["-week_start"]

    def __str__(self):
        return f"KPIs for the week of {self.week_start}"


class PageTime(models.Model):
    """How long a person had Your Thrive Circle visible during one circle week.

    The page reports its visible time (Page Visibility API) when it is hidden or closed, and
    every minute while it stays visible, through POST /api/v1/me/page-time/. One row per person and
    week; each report adds to it with an F() update, at most MAX_SECONDS_PER_REPORT a report.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="page_times")
    week_start = models.DateField(help_text="The Monday of the circle week, in the platform time zone.")
    seconds = models.PositiveIntegerField(default=0)
    reports = models.PositiveIntegerField(default=0)
    last_reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "week_start"], name="insights_one_page_time_per_user_week"),
            models.CheckConstraint(condition=models.Q(seconds__lte=7 * 24 * 3600), name="insights_page_time_within_a_week"),
        ]
        indexes = [models.Index(fields=["week_start", "seconds"])]

    def __str__(self):
        return f"{self.user_id} {self.week_start} {self.seconds}s"

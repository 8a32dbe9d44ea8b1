import uuid

from django.conf import settings
from django.db import models


class Question(models.Model):
    """One multiple-choice question of the quiz bank, written and switched on in the admin."""

    prompt = models.CharField(max_length=300)
    topic = models.CharField(max_length=60, default="AI Basics", help_text="Shown as the quiz's title.")
    explanation = models.TextField(help_text="Shown after answering: why the right answer is right.")
    is_active = models.BooleanField(default=True, help_text="Only active questions are drawn into quizzes.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["topic", "pk"]

    def __str__(self):
        return self.prompt


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=200)
    is_correct = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            # At most one right answer per question; the admin also insists on exactly one.
            models.UniqueConstraint(
                fields=["question"], condition=models.Q(is_correct=True), name="activities_one_correct_choice"
            )
        ]

    def __str__(self):
        return self.text


class QuizAttempt(models.Model):
    """The questions drawn for one person's quiz; answered once, graded on the server."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    question_ids = models.JSONField(help_text="The drawn questions, in the order shown.")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    correct = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Percent right.")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self):
        return f"{self.user} quiz {self.id}"


class Project(models.Model):
    """Something a person builds: created, then published for others, with milestones on the way."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(max_length=100)
    description = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self):
        return self.title


class ProjectMilestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=100)
    reached_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reached_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["project", "title"], name="activities_milestone_once_per_project")]

    def __str__(self):
        return f"{self.project}: {self.title}"

"""Projects: creating, publishing and reaching milestones each earn XP through PointsService."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.exceptions import Conflict, NotFound
from core.points.models import ActivityType
from core.points.services import PointsService

from .models import Project, ProjectMilestone

MAX_MILESTONES = 10


class AlreadyPublished(Conflict):
    code = "project_already_published"


class MilestoneExists(Conflict):
    code = "milestone_exists"


class TooManyMilestones(Conflict):
    code = "too_many_milestones"


def _own(user, project_id: int) -> Project:
    project = Project.objects.select_for_update().filter(pk=project_id, owner=user).first()
    if project is None:
        raise NotFound("No such project of yours.")
    return project


@transaction.atomic
def create_project(user, *, title: str, description: str = ""):
    """A new project and its XP. Returns (project, points history)."""
    project = Project.objects.create(owner=user, title=title, description=description)
    history = PointsService.award_points(
        user, ActivityType.PROJECT_CREATED, {"title": title, "project_id": project.pk}, idempotency_key=f"project-created:{project.pk}"
    )
    return project, history


@transaction.atomic
def publish_project(user, project_id: int):
    """Publish once (the row is locked; a second publish is a Conflict) and earn the publish XP."""
    project = _own(user, project_id)
    if project.published_at is not None:
        raise AlreadyPublished("This project is already published.")
    project.published_at = timezone.now()
    project.save(update_fields=["published_at"])
    history = PointsService.award_points(
        user, ActivityType.PROJECT_PUBLISHED, {"title": project.title, "project_id": project.pk},
        idempotency_key=f"project-published:{project.pk}",
    )
    return project, history


@transaction.atomic
def reach_milestone(user, project_id: int, *, title: str):
    """Record a milestone (each title once per project, at most MAX_MILESTONES) and earn its XP."""
    project = _own(user, project_id)
    if project.milestones.count() >= MAX_MILESTONES:
        raise TooManyMilestones(f"A project can have up to {MAX_MILESTONES} milestones.")
    try:
        with transaction.atomic():
            milestone = ProjectMilestone.objects.create(project=project, title=title)
    except IntegrityError:
        raise MilestoneExists("This project already has that milestone.") from None
    history = PointsService.award_points(
        user, ActivityType.PROJECT_MILESTONE, {"title": f"{project.title}: {title}", "project_id": project.pk},
        idempotency_key=f"project-milestone:{milestone.pk}",
    )
    return milestone, history


def projects_of(user) -> list[Project]:
    return list(Project.objects.filter(owner=user).prefetch_related("milestones"))

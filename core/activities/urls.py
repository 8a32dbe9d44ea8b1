from django.urls import path

import core.http.converters  # noqa: F401  (registers <id:...>)

from . import views

urlpatterns = [
    path("activities/quiz/", views.quiz, name="activity_quiz"),
    path("activities/projects/", views.project_list, name="activity_projects"),
    path("activities/projects/<id:project_id>/publish/", views.publish_project, name="activity_project_publish"),
    path("activities/projects/<id:project_id>/milestones/", views.project_milestone, name="activity_project_milestone"),
]

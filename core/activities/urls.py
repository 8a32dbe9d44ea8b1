from django.urls import path

from . import views

urlpatterns = [
    path("activities/quiz/", views.quiz, name="activity_quiz"),
]

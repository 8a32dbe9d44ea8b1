from django.urls import path

from . import views

app_name = "quests"

urlpatterns = [
    path("quests/", views.my_quests, name="my_quests"),
    path("quests/<int:quest_id>/steps/<int:order>/answer/", views.answer_step, name="answer_step"),
]

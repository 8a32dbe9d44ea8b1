from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("thrive-circle/activity/<uuid:event_id>/kudos/", views.give_kudos, name="give_kudos"),
]

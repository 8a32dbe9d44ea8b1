from django.urls import path

from . import views

urlpatterns = [
    path("thrive-levels/", views.thrive_levels, name="thrive_levels"),
]

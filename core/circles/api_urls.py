from django.urls import path

from . import views

urlpatterns = [
    path("thrive-levels/", views.thrive_levels, name="thrive_levels"),
    path("thrive-circles/health/", views.thrive_circles_health, name="thrive_circles_health"),
    path("thrive-circles/assign/", views.assign_thrive_circles, name="assign_thrive_circles"),
]

from django.urls import path

from .ops import views as ops_views
from .page import views as page_views

urlpatterns = [
    path("thrive-levels/", page_views.thrive_levels, name="thrive_levels"),
    path("thrive-circles/health/", ops_views.thrive_circles_health, name="thrive_circles_health"),
    path("thrive-circles/assign/", ops_views.assign_thrive_circles, name="assign_thrive_circles"),
]

from django.urls import path

from . import views

urlpatterns = [
    path("insights/thrive-circles/", views.thrive_circles_kpis, name="thrive_circles_kpis"),
]

from django.urls import path

from . import views

urlpatterns = [
    path("me/onboarding/", views.complete_onboarding_tour, name="onboarding"),
    path("thrive-circles/help/", views.thrive_circles_help_data, name="thrive_circles_help"),
]

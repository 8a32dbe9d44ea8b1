from django.urls import path

from .page import views

app_name = "circles"

urlpatterns = [
    path("thrive-circle/", views.your_thrive_circle, name="your_thrive_circle"),
    path("thrive-circle/activity/", views.circle_activity, name="circle_activity"),
    path("xp-history/", views.my_xp_history, name="xp_history"),
]

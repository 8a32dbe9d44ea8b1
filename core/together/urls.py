from django.urls import path

from . import views

app_name = "together"

urlpatterns = [
    path("thrive-circle/together/", views.circle_together, name="circle_together"),
]

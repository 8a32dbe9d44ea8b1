from django.urls import path

from . import views

app_name = "preferences"

urlpatterns = [
    path("settings/", views.my_settings, name="my_settings"),
]

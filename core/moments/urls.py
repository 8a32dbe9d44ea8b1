from django.urls import path

from . import views

urlpatterns = [
    path("me/moments/", views.moments, name="moments"),
    path("me/moments/<int:moment_id>/celebrated/", views.celebrated, name="moment_celebrated"),
]

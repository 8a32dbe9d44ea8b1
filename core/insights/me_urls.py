from django.urls import path

from . import views

# Mounted under /api/v1/me/ next to core.circles.urls.
urlpatterns = [
    path("views/", views.record_view, name="record_view"),
    path("page-time/", views.record_page_time, name="record_page_time"),
]

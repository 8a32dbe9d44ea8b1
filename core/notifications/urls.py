from django.urls import path

from . import views

# Under /api/v1/me/.
api_urlpatterns = [
    path("notifications/", views.my_notifications, name="my_notifications"),
    path("notifications/read/", views.mark_read, name="mark_read"),
    path("notifications/preferences/", views.preferences, name="preferences"),
]

# At the site's root: the link in the recap email.
page_urlpatterns = [
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="notifications-unsubscribe"),
]

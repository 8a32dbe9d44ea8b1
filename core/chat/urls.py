from django.urls import path, re_path

from . import views

app_name = "chat"

urlpatterns = [
    path("thrive-circle/chat/", views.circle_chat, name="circle_chat"),
    path("thrive-circle/chat/<int:message_id>/report/", views.report_message, name="report_message"),
    path("thrive-circle/chat/mutes/", views.my_mutes, name="my_mutes"),
    # Usernames are Django's (letters, digits, @ . + - _); anything else cannot be muted, so 404.
    re_path(r"^thrive-circle/chat/mutes/(?P<username>[\w.@+-]{1,150})/$", views.unmute, name="unmute"),
]

from django.urls import path

from . import views

app_name = "chat"

urlpatterns = [
    path("thrive-circle/chat/", views.circle_chat, name="circle_chat"),
    path("thrive-circle/chat/<int:message_id>/report/", views.report_message, name="report_message"),
    path("thrive-circle/chat/mutes/", views.my_mutes, name="my_mutes"),
    path("thrive-circle/chat/mutes/<str:username>/", views.unmute, name="unmute"),
]

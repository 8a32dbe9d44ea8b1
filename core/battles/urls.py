from django.urls import path

from . import views

urlpatterns = [
    path("prompt-battles/current/", views.current_battle, name="prompt_battle_current"),
    path("prompt-battles/<int:battle_id>/rounds/<int:round_number>/entries/", views.submit_entry, name="prompt_battle_entry"),
    path("prompt-battles/entries/<int:entry_id>/votes/", views.vote, name="prompt_battle_vote"),
    path("prompt-battles/<int:battle_id>/result/", views.battle_result, name="prompt_battle_result"),
]

from django.urls import path

import core.http.converters  # noqa: F401  (registers <id:...>)

from . import views

urlpatterns = [
    path("prompt-battles/current/", views.current_battle, name="prompt_battle_current"),
    path("prompt-battles/<id:battle_id>/rounds/<id:round_number>/entries/", views.submit_entry, name="prompt_battle_entry"),
    path("prompt-battles/entries/<id:entry_id>/votes/", views.vote, name="prompt_battle_vote"),
    path("prompt-battles/<id:battle_id>/result/", views.battle_result, name="prompt_battle_result"),
]

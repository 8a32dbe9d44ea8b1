from django.apps import AppConfig


class BattlesConfig(AppConfig):
    """Prompt Battles: a weekly challenge in rounds, entries, votes from other participants, a result."""

    name = "core.battles"
    label = "battles"
    verbose_name = "Prompt Battles"

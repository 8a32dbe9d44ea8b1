"""Events of the quest engine for apps built on it (notifications), sent after commit."""

from django.dispatch import Signal

# A person completed a quest (once per user, quest and period). Receivers get `user` and
# `completion` (a QuestCompletion with `quest` loaded).
quest_completed = Signal()

"""Events of growing together for apps built on it (notifications), sent after commit."""

from django.dispatch import Signal

# A circle reached its weekly goal (once per goal). Receivers get `goal` (a CircleGoal with
# `circle` loaded) and `member_ids` (user ids of the circle's members that week).
goal_reached = Signal()

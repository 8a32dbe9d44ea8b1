"""Events of the live circle for apps built on it (notifications), sent after commit."""

from django.dispatch import Signal

# A new kudos was given. Receivers get `kudos` (a Kudos with `event` and `giver` loaded).
kudos_given = Signal()

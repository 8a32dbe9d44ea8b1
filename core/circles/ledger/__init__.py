"""The XP ledger: events, counters and levels. The only code that writes XP totals and weekly
counters (`writes`), and the only place a level is derived from XP (`levels`)."""

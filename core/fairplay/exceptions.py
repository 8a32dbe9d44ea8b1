"""Fair play's domain errors."""

from core.exceptions import Conflict


class ReviewAlreadyDecided(Conflict):
    code = "review_already_decided"

"""The insights app's domain errors."""

from core.exceptions import ApplicationError


class PageTimeOutOfRange(ApplicationError):
    """A page-time report outside 1..MAX_SECONDS_PER_REPORT seconds (a bad or tampered client)."""

    code = "page_time_out_of_range"

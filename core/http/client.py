"""The client's address, behind the number of trusted proxies the deployment declares."""

from rest_framework.settings import api_settings


def client_address(request) -> str:
    """REMOTE_ADDR, or with NUM_PROXIES = n > 0 the n-th X-Forwarded-For entry from the right.

    Each trusted proxy appends the address it received the request from, so entries further left
    were written by the client and prove nothing. The same rule as DRF's throttles (get_ident).
    """
    num_proxies = api_settings.NUM_PROXIES or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if num_proxies > 0 and forwarded:
        addresses = [address.strip() for address in forwarded.split(",")]
        return addresses[-min(num_proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")

"""The Content-Security-Policy header on every response (settings.CONTENT_SECURITY_POLICY)."""

from django.conf import settings


def content_security_policy(get_response):
    """Adds the policy unless a view set its own. Only this project's scripts and styles run: no
    inline script or style anywhere (the page, the admin and the API docs all load theirs from
    /static/), so injected markup cannot run code."""
    header = "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in settings.CONTENT_SECURITY_POLICY.items())

    def middleware(request):
        response = get_response(request)
        if header and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = header
        return response

    return middleware

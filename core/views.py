from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.defaults import page_not_found, server_error as django_server_error


@ensure_csrf_cookie
def frontend(request):
    """Serve the built single-page app; its assets come from /static/ through WhiteNoise."""
    index = settings.FRONTEND_DIST / "index.html"
    if not index.exists():
        return HttpResponse(
            "The front end is not built yet: run `make run` (or `cd frontend && npm ci && npm run build`).",
            status=503,
            content_type="text/plain",
        )
    return HttpResponse(index.read_text(), content_type="text/html")


def csrf_failure(request, reason=""):
    """Django's CSRF refusal as the API's JSON error instead of an HTML page."""
    return JsonResponse({"detail": f"CSRF Failed: {reason}", "code": "csrf_failed"}, status=403)


def not_found(request, exception=None):
    """Unknown API paths answer in the API's JSON shape; anything else gets Django's page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": f"No API endpoint at {request.path}.", "code": "not_found"}, status=404)
    return page_not_found(request, exception)


def server_error(request):
    """A failure on our side. API callers get the API's JSON shape and nothing of the error itself
    (the traceback goes to the log); anything else gets Django's page."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": "Something went wrong on our side. It has been logged; please try again later.",
             "code": "server_error"},
            status=500,
        )
    return django_server_error(request)

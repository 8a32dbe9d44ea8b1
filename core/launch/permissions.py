from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission

from .flags import thrive_circles_enabled


class InThriveCirclesLaunch(BasePermission):
    """Thrive Circles endpoints answer a plain 404 (`{"detail": "Not found.", "code": "not_found"}`)
    to anyone outside the launch: no data about circles, not even a hint that the feature exists.
    Put it after IsAuthenticated so a signed-out caller still gets the usual 401/403."""

    def has_permission(self, request, view) -> bool:
        if not thrive_circles_enabled(request):
            raise NotFound()
        return True

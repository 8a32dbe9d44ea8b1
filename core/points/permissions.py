from rest_framework.permissions import BasePermission


class CanAwardPoints(BasePermission):
    """Trusted callers only: staff, or a service account holding the `points.award_points` permission."""

    message = "Only staff or a trusted service account may award points."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and (user.is_staff or user.has_perm("points.award_points")))

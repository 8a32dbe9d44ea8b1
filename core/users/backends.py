from django.core.exceptions import PermissionDenied

from . import signin_limits


class SignInLimitBackend:
    """First in AUTHENTICATION_BACKENDS: while the account or the address is locked out, no backend
    checks the password (PermissionDenied stops `authenticate`), so even the right one is refused.

    The lockout is left on the request for the sign-in view or form to explain. Calls without a
    request (`manage.py` commands, the test client's `login()`) are not limited. Deliberately no
    `get_user`: it authenticates nobody, so a session must never name it as its backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        lockout = signin_limits.lockout(request, username)
        if lockout is not None:
            request.sign_in_lockout = lockout
            raise PermissionDenied(lockout.message)
        return None

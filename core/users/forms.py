from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError


class LimitedAdminAuthenticationForm(AdminAuthenticationForm):
    """The admin's sign-in form, saying so when the sign-in limits (signin_limits.py) refused it
    rather than "wrong password", which would invite more guesses."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            lockout = getattr(self.request, "sign_in_lockout", None)
            if lockout is not None:
                raise ValidationError(lockout.message, code="too_many_sign_in_attempts") from None
            raise

"""Account writes: sign-up and password reset (Django's own token machinery)."""

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from core.exceptions import ApplicationError


class InvalidResetLink(ApplicationError):
    code = "invalid_reset_link"


@transaction.atomic
def sign_up(*, username: str, email: str, password: str):
    """Create an account after Django's password validators accept `password`.

    Usernames are unique (case-insensitively, as people type them) and so are emails, because a
    password reset goes to the email. Raises django ValidationError per field (the API turns it
    into a 400 naming the field). The circle seat and the first login XP come with the sign-in
    that follows (PointsService.record_daily_login), exactly as for an existing account.
    """
    User = get_user_model()
    errors: dict[str, list[str]] = {}
    if User.objects.filter(username__iexact=username).exists():
        errors["username"] = ["That username is taken. Try another one."]
    if User.objects.filter(email__iexact=email).exists():
        errors["email"] = ["An account already uses this email. Reset its password instead."]
    candidate = User(username=username, email=email)
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return User.objects.create_user(username=username, email=email, password=password)
    except IntegrityError:  # a concurrent sign-up with the same username won the race
        raise ValidationError({"username": ["That username is taken. Try another one."]}) from None


def request_password_reset(*, email: str, request=None) -> None:
    """Email a reset link to the active account with this email, if any.

    Says nothing about whether the email is known (no account discovery). The link opens the
    page's /reset-password with Django's uid and one-time token; it stops working once the
    password changes or after PASSWORD_RESET_TIMEOUT.
    """
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    form.save(
        request=request,
        domain_override=settings.THRIVE_SITE_DOMAIN or None,
        use_https=settings.SECURE_SSL,
        subject_template_name="users/password_reset_subject.txt",
        email_template_name="users/password_reset_email.txt",
        from_email=settings.DEFAULT_FROM_EMAIL,
    )


@transaction.atomic
def reset_password(*, uid: str, token: str, new_password: str):
    """Set a new password from an emailed link; the link then stops working (the token covers the hash)."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uid)))
    except (TypeError, ValueError, OverflowError, User.DoesNotExist, ValidationError):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        raise InvalidResetLink("This reset link is invalid or has expired. Ask for a new one.")
    form = SetPasswordForm(user, {"new_password1": new_password, "new_password2": new_password})
    if not form.is_valid():
        messages = form.errors.get("new_password2") or form.errors.get("new_password1") or []
        raise ValidationError({"new_password": list(messages)})
    return form.save()

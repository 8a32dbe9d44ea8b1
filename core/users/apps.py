from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "core.users"
    label = "users"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import signin_limits

        def count_failure(sender, credentials, request=None, **kwargs):
            # A refusal during a lockout is not a new guess: it must not stretch the window.
            if request is not None and getattr(request, "sign_in_lockout", None) is None:
                signin_limits.record_failure(request, credentials.get("username"))

        def clear_failures(sender, request, user, **kwargs):
            if request is not None:
                signin_limits.clear_account(request, user.get_username())

        user_login_failed.connect(count_failure, weak=False, dispatch_uid="users.count_sign_in_failure")
        user_logged_in.connect(clear_failures, weak=False, dispatch_uid="users.clear_sign_in_failures")

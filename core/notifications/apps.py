from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "core.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from . import receivers  # noqa: F401  (connects to the signals of the apps it reports on)

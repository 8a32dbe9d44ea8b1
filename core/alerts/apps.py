from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """Telling operators about trouble: one alert per incident, by mail to ADMINS, an ERROR log line
    and an optional webhook. The checks that decide what is trouble live with what they watch
    (core/circles/ops/alerts.py); this app knows nothing of them."""

    name = "core.alerts"
    label = "alerts"
    verbose_name = "Operator alerts"

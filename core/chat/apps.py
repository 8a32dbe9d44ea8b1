from django.apps import AppConfig


class ChatConfig(AppConfig):
    """Circle chat, safe by design: one chat per circle and week, moderated (docs/chat.md)."""

    name = "core.chat"
    label = "chat"
    verbose_name = "Circle chat"

    def ready(self):
        from core.live import inbound

        from . import receivers

        # `{"type": "chat", "text": ...}` on the circle socket goes through the same service as the POST.
        inbound.register("chat", receivers.chat_from_socket)

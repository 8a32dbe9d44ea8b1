"""What the chat takes from the circle socket (registered with core.live.inbound in apps.py)."""

from . import services


def chat_from_socket(user, content: dict) -> None:
    """`{"type": "chat", "text": "..."}`: the same service as POST .../chat/; the stored message
    reaches every socket of the circle, this one included, as `{"type": "chat", "message": ...}`."""
    services.send_message(user, text=content.get("text"))

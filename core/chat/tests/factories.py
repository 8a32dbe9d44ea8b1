import factory
from django.utils import timezone

from core.chat.models import ChatMessage


class ChatMessageFactory(factory.django.DjangoModelFactory):
    """A stored message (straight into the table: no limits, no broadcast)."""

    class Meta:
        model = ChatMessage

    week_start = factory.LazyAttribute(lambda m: m.circle.week_start)
    text = factory.Sequence(lambda n: f"message {n}")
    created_at = factory.LazyFunction(timezone.now)

import base64
import binascii

from rest_framework import serializers

from core.http.fields import StrictCharField, StrictIntegerField

from .models import MAX_LENGTH, Decision

PAGE_SIZE = 30
MAX_PAGE_SIZE = 50  # messages per page, at most

# What a sender may submit before cleaning; the service then checks MAX_LENGTH on the cleaned text.
RAW_MAX_LENGTH = 4 * MAX_LENGTH


class ChatMessageSerializer(serializers.Serializer):
    """A message as the page and the socket show it. A hidden message keeps its place with no text."""

    id = serializers.IntegerField()
    username = serializers.CharField(source="author.username")
    avatar_url = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField(help_text="Plain text: show it as text, never as HTML. Empty when hidden.")
    created_at = serializers.DateTimeField()
    hidden = serializers.BooleanField(help_text="Removed by a moderator.")

    def get_avatar_url(self, message) -> str | None:
        return message.author.avatar_url or None

    def get_text(self, message) -> str:
        return "" if message.hidden else message.text


def message_payload(message) -> dict:
    """The one shape of a message, for the REST answers and the socket alike."""
    return ChatMessageSerializer(message).data


class ChatHistoryQuerySerializer(serializers.Serializer):
    limit = StrictIntegerField(
        required=False, default=PAGE_SIZE, min_value=1, help_text=f"Messages per page (1-{MAX_PAGE_SIZE}; larger values are capped)."
    )
    cursor = StrictCharField(required=False, help_text="`next_cursor` of the previous page.")

    def validate_limit(self, value: int) -> int:
        return min(value, MAX_PAGE_SIZE)

    def validate_cursor(self, value: str) -> int:
        try:
            kind, message_id = base64.urlsafe_b64decode(value.encode()).decode().split(":")
            if kind != "m" or not message_id.isdigit() or len(message_id) > 18:
                raise ValueError(value)
            return int(message_id)
        except (ValueError, binascii.Error, UnicodeDecodeError, UnicodeEncodeError):
            raise serializers.ValidationError("Not a cursor this API returned.") from None

    @staticmethod
    def cursor_for(message) -> str:
        return base64.urlsafe_b64encode(f"m:{message.pk}".encode()).decode()


class ChatHistorySerializer(serializers.Serializer):
    messages = ChatMessageSerializer(many=True, help_text="Newest first.")
    next_cursor = serializers.CharField(allow_null=True)
    status = serializers.ChoiceField(
        choices=["open", "closed", "muted"],
        help_text="open: the viewer may send; closed: staff turned this circle's chat off; muted: staff muted the viewer.",
    )
    muted_until = serializers.DateTimeField(allow_null=True)
    muted_usernames = serializers.ListField(child=serializers.CharField(), help_text="Members the viewer chose not to see.")
    max_length = serializers.IntegerField()


class SendMessageSerializer(serializers.Serializer):
    text = StrictCharField(
        max_length=RAW_MAX_LENGTH,
        allow_blank=True,
        trim_whitespace=False,
        help_text=f"Plain text, at most {MAX_LENGTH} characters after trimming; control characters are removed.",
    )


class ReportInputSerializer(serializers.Serializer):
    reason = StrictCharField(max_length=500, help_text="What is wrong with the message (for the moderators).")


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    message_id = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()
    decision = serializers.ChoiceField(choices=Decision.values)


class MuteInputSerializer(serializers.Serializer):
    username = StrictCharField(max_length=150)


class MutesSerializer(serializers.Serializer):
    muted_usernames = serializers.ListField(child=serializers.CharField())

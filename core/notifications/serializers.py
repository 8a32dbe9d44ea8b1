"""Input validation and the one output shape of a notification (REST and socket alike)."""

from rest_framework import serializers

from core.http.fields import StrictBooleanField, StrictIntegerField

from .kinds import PREFERENCE_FIELDS, describe
from .models import Notification

MAX_LIMIT = 50
MAX_IDS = 100


class NotificationSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "url", "payload", "created_at", "read_at"]

    def get_title(self, obj) -> str:
        return describe(obj.kind, obj.payload)[0]

    def get_url(self, obj) -> str:
        return describe(obj.kind, obj.payload)[1]


class NotificationListQuerySerializer(serializers.Serializer):
    limit = StrictIntegerField(min_value=1, max_value=MAX_LIMIT, default=20, help_text="How many, newest first.")
    cursor = StrictIntegerField(min_value=1, required=False, help_text="The `next_cursor` of the previous page.")


class NotificationListSerializer(serializers.Serializer):
    results = NotificationSerializer(many=True)
    unread_count = serializers.IntegerField()
    next_cursor = serializers.IntegerField(allow_null=True, help_text="Pass as `cursor` for older ones; null at the end.")


class MarkReadSerializer(serializers.Serializer):
    """Exactly one of `ids` (some of the person's notifications) or `all: true`."""

    ids = serializers.ListField(child=StrictIntegerField(min_value=1), min_length=1, max_length=MAX_IDS, required=False)
    all = StrictBooleanField(required=False)

    def validate(self, attrs):
        unknown = set(self.initial_data) - {"ids", "all"} if isinstance(self.initial_data, dict) else set()
        if unknown:
            raise serializers.ValidationError(f"Unknown field(s): {', '.join(sorted(unknown))}. Send `ids` or `all`.")
        if ("ids" in attrs) == ("all" in attrs):
            raise serializers.ValidationError("Send either `ids` (a list of notification ids) or `all: true`, not both or neither.")
        if "all" in attrs and attrs["all"] is not True:
            raise serializers.ValidationError({"all": "Only `true` is meaningful; to mark some, send `ids`."})
        return attrs


class MarkReadResultSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many went from unread to read now.")
    unread_count = serializers.IntegerField()


class PreferencesSerializer(serializers.Serializer):
    """Every kind of in-app notification, and the weekly recap email: on (true) or off."""

    circle_assigned = StrictBooleanField(required=False, help_text="A new circle for the week.")
    goal_reached = StrictBooleanField(required=False, help_text="Your circle reached its goal.")
    kudos_received = StrictBooleanField(required=False, help_text="Someone in your circle sent kudos.")
    quest_completed = StrictBooleanField(required=False, help_text="You completed a quest.")
    level_reached = StrictBooleanField(required=False, help_text="You reached a new level.")
    streak_at_risk = StrictBooleanField(required=False, help_text="An evening reminder when your login streak would end.")
    weekly_recap = StrictBooleanField(required=False, help_text="The Monday-morning recap email.")

    def validate(self, attrs):
        unknown = set(self.initial_data) - set(PREFERENCE_FIELDS) if isinstance(self.initial_data, dict) else set()
        if unknown:
            raise serializers.ValidationError(f"Unknown preference(s): {', '.join(sorted(unknown))}.")
        if not attrs:
            raise serializers.ValidationError("Send at least one preference to change.")
        return attrs

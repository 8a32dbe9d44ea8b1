import base64
import binascii
from datetime import datetime

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.http.fields import StrictCharField, StrictIntegerField
from core.points.rules import FAIR_PLAY_NOTE_KEY

from ..models import XPSource

# Other members see only these metadata keys of someone's event (titles of public things and
# streak lengths); scores, ids and anything a caller attached stay private to the owner.
SHARED_METADATA_KEYS = ("title", "streak")


def owner_view(event) -> dict:
    """The fields of an XP event that only its owner sees in full."""
    note = event.metadata.get(FAIR_PLAY_NOTE_KEY)
    return {
        "description": f"{event.description} ({note})" if note else event.description,
        "metadata": event.metadata,
    }


# Plain Serializers with explicit fields rather than ModelSerializers: the page serializes ~50
# objects per request, and model introspection was a fifth of its CPU time (bench/api_load.py).


class ThriveCircleLevelSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    order = serializers.IntegerField()
    description = serializers.CharField()
    min_xp = serializers.IntegerField()
    color_from = serializers.CharField()
    color_to = serializers.CharField()
    icon = serializers.CharField()


class ThriveCircleSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    level = ThriveCircleLevelSerializer()
    week_start = serializers.DateField()
    week_end = serializers.DateField()
    name = serializers.CharField()
    member_count = serializers.IntegerField(help_text="Members this week, the viewer included.")
    is_current_week = serializers.BooleanField()


class UserThriveProfileSerializer(serializers.Serializer):
    username = serializers.CharField(source="user.username")
    avatar_url = serializers.SerializerMethodField()
    current_level = serializers.IntegerField(source="current_level_id", help_text="The level's id.")
    level_name = serializers.CharField(source="current_level.name")
    level_icon = serializers.CharField(source="current_level.icon")
    weekly_xp = serializers.IntegerField(source="xp_this_week", help_text="XP earned in the current circle week.")
    total_xp = serializers.IntegerField()
    last_activity_at = serializers.DateTimeField()

    def get_avatar_url(self, profile) -> str | None:
        return profile.user.avatar_url or None


class XPEventSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    username = serializers.CharField(source="user.username")
    avatar_url = serializers.SerializerMethodField()
    amount = serializers.IntegerField()
    source = serializers.ChoiceField(choices=XPSource.choices)
    source_display = serializers.CharField(source="get_source_display")
    description = serializers.SerializerMethodField(help_text="With a fair-play note for the event's owner only.")
    timestamp = serializers.DateTimeField()
    metadata = serializers.SerializerMethodField()

    def get_avatar_url(self, event) -> str | None:
        return event.user.avatar_url or None

    def get_description(self, event) -> str:
        if event.user_id == self.context.get("viewer_id"):
            return owner_view(event)["description"]
        return event.description

    def get_metadata(self, event) -> dict:
        if event.user_id == self.context.get("viewer_id"):
            return event.metadata
        return {key: event.metadata[key] for key in SHARED_METADATA_KEYS if key in event.metadata}


class ReactionCountSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=["clap", "heart", "sparkles", "rocket", "flower"])
    count = serializers.IntegerField(min_value=1)
    mine = serializers.BooleanField(help_text="Whether the viewer gave this reaction.")


class CircleFeedEventSerializer(XPEventSerializer):
    """An item of a circle's feed (`recent_activity`, and the live socket's `activity` events):
    an XP event with the kudos circle members gave it (core/live)."""

    reactions = serializers.SerializerMethodField()

    @extend_schema_field(ReactionCountSerializer(many=True))
    def get_reactions(self, event) -> list:
        return self.context.get("reactions", {}).get(str(event.id), [])


def _serialised(serializer):
    """A field for data a serializer already produced (the cached circle section): passed
    through as it is, and documented with that serializer's schema."""

    @extend_schema_field(serializer)
    class Serialised(serializers.Field):
        def to_representation(self, value):
            return value

    return Serialised


class RecommendedActionSerializer(serializers.Serializer):
    label = serializers.CharField()
    xp = serializers.IntegerField()
    url = serializers.CharField()
    icon = serializers.CharField()
    reason = serializers.CharField(help_text="Why this is suggested now.")


class WhyThisCircleSerializer(serializers.Serializer):
    level_name = serializers.CharField()
    xp_min = serializers.IntegerField(help_text="The lowest total XP in the circle this week (the viewer included).")
    xp_max = serializers.IntegerField(help_text="The highest total XP in the circle this week.")
    active_this_week = serializers.BooleanField(help_text="The viewer earned XP this week.")
    members_nearby = serializers.IntegerField(help_text="Other members whose clock is within `nearby_hours` of the viewer's.")
    members_elsewhere = serializers.IntegerField()
    nearby_hours = serializers.IntegerField()
    summary = serializers.CharField(help_text="The same in plain words; no rank or position.")


class ThriveCircleDataSerializer(serializers.Serializer):
    """The Your Thrive Circle page: the plan's ThriveCircleData plus a few extra keys."""

    user_profile = UserThriveProfileSerializer()
    current_level = ThriveCircleLevelSerializer()
    current_circle = ThriveCircleSerializer(allow_null=True)
    circle_members = _serialised(UserThriveProfileSerializer(many=True))()
    recent_activity = _serialised(CircleFeedEventSerializer(many=True))()
    next_level = ThriveCircleLevelSerializer(allow_null=True)
    xp_to_next_level = serializers.IntegerField(min_value=0)
    time_until_reset_seconds = serializers.IntegerField(min_value=0)
    recommended_actions = RecommendedActionSerializer(many=True)
    reset_at = serializers.DateTimeField(help_text="The next weekly reset (Monday at THRIVE_RESET_HOUR in the platform time zone).")
    week_start = serializers.DateField()
    week_end = serializers.DateField()
    circle_status = serializers.ChoiceField(
        choices=["active", "ended", "forming"],
        help_text="active: this week's circle; ended: last week's circle (this week's are forming); "
        "forming: no circle yet. A circle built ahead of the reset appears at the reset.",
    )
    why = WhyThisCircleSerializer(allow_null=True, help_text="Why the viewer sits in this circle; null without one.")


class XPHistoryQuerySerializer(serializers.Serializer):
    MAX_LIMIT = 200

    limit = StrictIntegerField(
        required=False, default=50, min_value=1, help_text=f"Events per page (1-{MAX_LIMIT}; larger values are capped)."
    )
    cursor = StrictCharField(required=False, help_text="`next_cursor` of the previous page.")

    def validate_limit(self, value: int) -> int:
        return min(value, self.MAX_LIMIT)

    def validate_cursor(self, value: str) -> tuple[datetime, str]:
        try:
            timestamp, event_id = base64.urlsafe_b64decode(value.encode()).decode().split("|")
            moment = datetime.fromisoformat(timestamp)
            if moment.tzinfo is None:
                raise ValueError("naive timestamp")
            return moment, str(serializers.UUIDField().to_internal_value(event_id))
        except (ValueError, binascii.Error, UnicodeDecodeError, serializers.ValidationError):
            raise serializers.ValidationError("Not a cursor this API returned.") from None

    @staticmethod
    def cursor_for(event) -> str:
        return base64.urlsafe_b64encode(f"{event.timestamp.isoformat()}|{event.id}".encode()).decode()


class CircleActivityQuerySerializer(serializers.Serializer):
    MAX_LIMIT = 50

    before = serializers.UUIDField(help_text="The id of the last feed item already shown; the items after it follow.")
    limit = StrictIntegerField(required=False, default=20, min_value=1, max_value=MAX_LIMIT)


class CircleActivityPageSerializer(serializers.Serializer):
    events = _serialised(CircleFeedEventSerializer(many=True))()
    has_more = serializers.BooleanField(help_text="More items follow the last one.")


class XPHistorySerializer(serializers.Serializer):
    events = XPEventSerializer(many=True)
    next_cursor = serializers.CharField(allow_null=True)


class ThriveLevelsSerializer(serializers.Serializer):
    levels = ThriveCircleLevelSerializer(many=True)

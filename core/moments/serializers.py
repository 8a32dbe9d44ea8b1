from rest_framework import serializers


class LevelReachedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField(source="user.username")
    avatar_url = serializers.SerializerMethodField()
    level_name = serializers.CharField(source="level.name")
    level_icon = serializers.CharField(source="level.icon")
    level_order = serializers.IntegerField(source="level.order")
    reached_at = serializers.DateTimeField()

    def get_avatar_url(self, moment) -> str | None:
        return moment.user.avatar_url or None


def level_up_item(moment) -> dict:
    """A circle feed's level-up item: exactly an entry of `circle_level_ups` of `GET /api/v1/me/moments/`
    (the socket's `level_up` message carries the same)."""
    return dict(LevelReachedSerializer(moment).data)


class CelebrationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    level_name = serializers.CharField(source="level.name")
    level_icon = serializers.CharField(source="level.icon")
    level_description = serializers.CharField(source="level.description")
    reached_at = serializers.DateTimeField()


class MomentsSerializer(serializers.Serializer):
    celebration = CelebrationSerializer(
        allow_null=True, help_text="A level the viewer reached and has not celebrated yet; null: nothing to show."
    )
    circle_level_ups = LevelReachedSerializer(many=True, help_text="Levels reached in the viewer's circle this week.")

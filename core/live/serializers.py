from rest_framework import serializers

from .models import Reaction


class KudosInputSerializer(serializers.Serializer):
    reaction = serializers.ChoiceField(choices=Reaction.values, help_text="One of: " + ", ".join(Reaction.values) + ".")


class KudosSerializer(serializers.Serializer):
    event_id = serializers.UUIDField()
    reaction = serializers.ChoiceField(choices=Reaction.values)
    created_at = serializers.DateTimeField()

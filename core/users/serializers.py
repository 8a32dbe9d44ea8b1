from django.contrib.auth import get_user_model
from rest_framework import serializers


class SessionUserSerializer(serializers.ModelSerializer):
    avatar_url = serializers.SerializerMethodField()

    class Meta:
        model = get_user_model()
        fields = ["id", "username", "avatar_url", "is_staff"]

    def get_avatar_url(self, user) -> str | None:
        return user.avatar_url or None


class SessionSerializer(serializers.Serializer):
    user = SessionUserSerializer(allow_null=True)


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False)

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.http.fields import StrictCharField
from core.launch.flags import thrive_circles_enabled
from core.launch.selectors import onboarding_completed_at


class SessionUserSerializer(serializers.ModelSerializer):
    """The signed-in user; needs the request in the context (the launch flag is decided per request)."""

    avatar_url = serializers.SerializerMethodField()
    thrive_circles_enabled = serializers.SerializerMethodField(
        help_text="Whether this user is in the Thrive Circles launch; if not, the app shows a coming-soon page."
    )
    onboarding_completed_at = serializers.SerializerMethodField(
        help_text="When the user finished or skipped the tour of Your Thrive Circle; null: show it."
    )

    class Meta:
        model = get_user_model()
        fields = ["id", "username", "avatar_url", "is_staff", "thrive_circles_enabled", "onboarding_completed_at"]

    def get_avatar_url(self, user) -> str | None:
        return user.avatar_url or None

    def get_thrive_circles_enabled(self, user) -> bool:
        return thrive_circles_enabled(self.context["request"])

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_onboarding_completed_at(self, user) -> str | None:
        completed_at = onboarding_completed_at(user)
        return None if completed_at is None else serializers.DateTimeField().to_representation(completed_at)


class SessionSerializer(serializers.Serializer):
    user = SessionUserSerializer(allow_null=True)


class LoginSerializer(serializers.Serializer):
    username = StrictCharField(max_length=150)
    password = StrictCharField(max_length=128, trim_whitespace=False)


class SignUpSerializer(serializers.Serializer):
    username = serializers.RegexField(
        r"^[\w.@+-]+\Z", max_length=150, error_messages={"invalid": "Letters, digits and @/./+/-/_ only."}
    )
    email = serializers.EmailField(max_length=254)
    password = StrictCharField(max_length=128, trim_whitespace=False, write_only=True)


class PasswordResetRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)


class PasswordResetConfirmSerializer(serializers.Serializer):
    uid = StrictCharField(max_length=64)
    token = StrictCharField(max_length=128)
    new_password = StrictCharField(max_length=128, trim_whitespace=False)

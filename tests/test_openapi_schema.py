"""Schemathesis drives every documented endpoint with generated requests (a few hundred in all):
no 5xx, and every response must match the OpenAPI schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

from config.wsgi import application
from core.circles.services import CircleAssignmentService, XPService
from core.circles.tests.factories import ProfileFactory
from core.users.tests.factories import UserFactory

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
TOKEN = "7e57" * 10  # fixed, so the auth provider below needs no state between tests


@schema.auth()
class TokenAuth:
    """Sent through schemathesis' auth hook so its invalid-auth check can swap it out."""

    def get(self, case, context):
        return TOKEN

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Token {data}"}


@pytest.fixture
def token(levels, midweek, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"user": "100000/min", "anon": "100000/min"})
    viewer = ProfileFactory(user=UserFactory(is_staff=True), total_xp=700)
    for profile in ProfileFactory.create_batch(4, total_xp=650):
        XPService.add_xp(profile.user, 20, description="Completed a Quick Quiz", metadata={"title": "AI Basics"})
    CircleAssignmentService.assign_weekly_circles()
    Token.objects.create(user=viewer.user, key=TOKEN)


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, token):
    case.call_and_validate()

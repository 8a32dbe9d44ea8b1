import pytest

from core.live.tests.conftest import two_circles  # noqa: F401  (a fixture: ana and ben in one circle, cy in another)
from core.testing import client_for

CHAT = "/api/v1/me/thrive-circle/chat/"


def send(user, text):
    return client_for(user).post(CHAT, {"text": text}, format="json")


@pytest.fixture(autouse=True)
def _word_filter_defaults(settings):
    settings.THRIVE_CHAT_ENABLED = True
    settings.THRIVE_CHAT_WORD_FILTER = True
    settings.THRIVE_CHAT_WORD_FILTER_EXTRA = []
    settings.THRIVE_CHAT_WORD_FILTER_ALLOW = []

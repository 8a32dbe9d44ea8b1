import pytest
from asgiref.sync import sync_to_async
from channels.testing.websocket import WebsocketCommunicator  # channels.testing would import daphne
from django.test import Client

from core.circles.models import CircleMembership
from core.circles.tests.factories import CircleFactory, ProfileFactory

PATH = "/ws/v1/me/thrive-circle/"


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


async def open_socket(user=None, *, origin: bytes = b"http://testserver") -> tuple[WebsocketCommunicator, bool]:
    from config.asgi import application

    headers = [(b"origin", origin)]
    if user is not None:
        cookie = await sync_to_async(session_cookie)(user)
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    communicator = WebsocketCommunicator(application, PATH, headers=headers)
    connected, _ = await communicator.connect()
    return communicator, connected


async def receive_type(communicator: WebsocketCommunicator, kind: str, timeout: float = 2) -> dict:
    """The next message of `kind`, skipping others (presence updates arrive in between)."""
    while True:
        message = await communicator.receive_json_from(timeout=timeout)
        if message["type"] == kind:
            return message


def seated(username, circle, **fields):
    """A profile seated in `circle` for its week (as the weekly job seats people)."""
    profile = ProfileFactory(user__username=username, current_circle=circle, **fields)
    CircleMembership.objects.create(week_start=circle.week_start, profile=profile, circle=circle)
    return profile


@pytest.fixture
def two_circles(levels, midweek):
    """Circle one with ana and ben, circle two with cy: all of the running week."""
    one, two = CircleFactory(), CircleFactory()
    ana = seated("ana", one).user
    ben = seated("ben", one).user
    cy = seated("cy", two).user
    return {"one": one, "two": two, "ana": ana, "ben": ben, "cy": cy}


async def types_received(communicator: WebsocketCommunicator, timeout: float = 0.3) -> list[str]:
    """The types of every message that arrives until none comes for `timeout` seconds."""
    kinds = []
    while not await communicator.receive_nothing(timeout=timeout):
        kinds.append((await communicator.receive_json_from())["type"])
    return kinds

"""Locust users for bench/load_test.py: a person with Your Thrive Circle open.

Each simulated person keeps the page's socket open (/ws/v1/me/thrive-circle/, session cookie, a
ping every 25 s as the page sends) and, between pauses of 1-3 s, loads the page, reads their XP
history or enters a Prompt Battle (an award through PointsService and the fair-play rules).
Accounts come from the JSON file in LOAD_ACCOUNTS ([{"token", "session"}]); each person takes
the next one. HTTP uses the DRF token (no CSRF), the socket the session.
"""

import itertools
import json
import os
import time

import gevent
from locust import HttpUser, between, events, task
from websockets.sync.client import connect

ACCOUNTS = json.load(open(os.environ["LOAD_ACCOUNTS"]))
_next_account = itertools.count()


class CircleMember(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        account = ACCOUNTS[next(_next_account) % len(ACCOUNTS)]
        self.client.headers["Authorization"] = f"Token {account['token']}"
        self.socket_open = True
        self.socket = gevent.spawn(self._keep_socket, account["session"])

    def on_stop(self):
        self.socket_open = False
        self.socket.kill()

    @task(6)
    def page(self):
        self.client.get("/api/v1/me/thrive-circle/", name="GET thrive-circle (page)")

    @task(2)
    def history(self):
        self.client.get("/api/v1/me/xp-history/?limit=20", name="GET xp-history")

    @task(1)
    def award(self):
        self.client.post("/api/v1/activities/projects/", json={"title": "Circles that grow"},
                         name="POST project (award)")

    def _keep_socket(self, session: str) -> None:
        url = self.host.replace("http", "ws", 1) + "/ws/v1/me/thrive-circle/"
        started = time.perf_counter()
        try:
            with connect(url, additional_headers={"Cookie": f"sessionid={session}", "Origin": self.host}) as ws:
                json.loads(ws.recv(timeout=10))  # the first message (presence, or activity already)
                self._report("WS open", started, None)
                while self.socket_open:
                    try:
                        ws.recv(timeout=25)
                    except TimeoutError:
                        started = time.perf_counter()
                        ws.send(json.dumps({"type": "ping"}))
                        while json.loads(ws.recv(timeout=10)).get("type") != "pong":
                            pass
                        self._report("WS ping", started, None)
        except Exception as exc:  # a refused or dropped socket is an error of the run
            if self.socket_open:
                self._report("WS open", started, exc)

    def _report(self, name: str, started: float, exc: Exception | None) -> None:
        events.request.fire(request_type="WS", name=name, response_time=(time.perf_counter() - started) * 1000,
                            response_length=0, exception=exc, context={})

"""Helpers for race tests: real threads, each on its own database connection."""

import threading
from collections.abc import Callable

from django.db import connection
from rest_framework.test import APIClient


def run_concurrently(*targets: Callable[[], object]) -> list[object]:
    """Start every target at the same moment in its own thread; return their results in order.

    Each thread closes its own connection; any exception is re-raised here, never swallowed.
    """
    barrier = threading.Barrier(len(targets))
    results: list[object] = [None] * len(targets)
    errors: list[BaseException] = []

    def work(index: int, target: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = target()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=item) for item in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise ExceptionGroup("a concurrent target failed", errors)
    return results


class WebhookReceiver:
    """A local HTTP server that records the JSON bodies POSTed to it (never the internet).

    `status` is what it answers; `received` holds the decoded bodies, in order."""

    def __init__(self, status: int = 200):
        import http.server
        import json

        receiver = self
        self.status = status
        self.received: list[dict] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                receiver.received.append(json.loads(self.rfile.read(length)))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args):  # keep the test output clean
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/hooks/alerts"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "WebhookReceiver":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def client_for(user) -> APIClient:
    """An API client signed in as `user` (no session or CSRF round trip)."""
    client = APIClient()
    client.force_authenticate(user)
    return client

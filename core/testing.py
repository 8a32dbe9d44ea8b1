"""Helpers for race tests: real threads, each on its own database connection."""

import threading
from collections.abc import Callable

from django.db import connection


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

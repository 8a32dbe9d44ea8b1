"""Retrying a whole transaction when SQLite reports its write lock busy for too long.

SQLite has one writer at a time. With WAL, IMMEDIATE transactions and a busy timeout (settings)
writers queue; under a burst the wait can still outlast the timeout and the transaction fails with
"database is locked" before it changed anything (SQLite rolled it back). Running the same function
again is then safe: it is one transaction, and nothing of the failed attempt was written.
"""

import functools
import logging
import random
import time

from django.db import OperationalError, connection

logger = logging.getLogger(__name__)

LOCKED_ATTEMPTS = 5


def is_database_locked(exc: BaseException) -> bool:
    """SQLite's busy write lock, or a table lock between connections sharing an in-memory
    database (the test database: shared-cache mode answers at once instead of waiting)."""
    return isinstance(exc, OperationalError) and ("database is locked" in str(exc) or "database table is locked" in str(exc))


def retry_if_locked(func):
    """Run `func` (which must be one whole `transaction.atomic` unit) again on "database is locked".

    Only the outermost call retries: inside a caller's transaction the failed statement has
    broken that transaction, so the error goes up to whoever owns it. Any other error, and the
    last locked one, propagate unchanged.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(1, LOCKED_ATTEMPTS + 1):
            in_transaction = connection.in_atomic_block
            try:
                return func(*args, **kwargs)
            except OperationalError as exc:
                if in_transaction or not is_database_locked(exc) or attempt == LOCKED_ATTEMPTS:
                    raise
                logger.warning("%s: database is locked (attempt %d of %d); retrying", func.__qualname__, attempt, LOCKED_ATTEMPTS)
                time.sleep(random.uniform(0.05, 0.2) * attempt)  # jitter, so the losers don't collide again

    return wrapper

"""Helpers shared by the benchmarks: a private database, Django set-up, query counting, memory.

Every benchmark works on its OWN database (created and dropped here), never on the test
databases or the demo database. Nothing here is imported by the app or the test suite.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/thrive_bench"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite:")


def sqlite_path(url: str) -> Path:
    # sqlite:////abs/path.db (django-environ) -> /abs/path.db
    return Path(url.split("sqlite://", 1)[1])


def _pg_admin_conninfo(url: str) -> tuple[str, str]:
    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    if not name or not name.replace("_", "").isalnum():
        raise SystemExit(f"refusing to manage database {name!r}: use a plain name such as thrive_bench")
    admin = parsed._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    return admin, name


def recreate_database(url: str) -> None:
    """Drop and create the benchmark database (PostgreSQL) or delete the SQLite file."""
    if is_sqlite(url):
        path = sqlite_path(url)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    admin, name = _pg_admin_conninfo(url)
    if name in {"postgres", "template0", "template1"}:
        raise SystemExit(f"refusing to drop {name}")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    if is_sqlite(url):
        recreate_database(url)  # deletes the files
        return
    import psycopg

    admin, name = _pg_admin_conninfo(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(url: str, **extra_env: str) -> None:
    """Point config.settings at `url` and start Django (before any model import)."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
    os.environ.update(extra_env)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


@dataclass
class QueryLog:
    """Counts and times every SQL statement through `connection.execute_wrapper`."""

    statements: list[tuple[float, str]] = field(default_factory=list)

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append((time.perf_counter() - started, sql))

    @property
    def count(self) -> int:
        return len(self.statements)

    def slowest(self, n: int = 5) -> list[tuple[float, str]]:
        return sorted(self.statements, key=lambda s: -s[0])[:n]


class CommitTimer:
    """Times the connection's COMMITs (deferred constraint checks run there) until stop()."""

    def __init__(self, connection):
        self.connection, self.seconds = connection, 0.0
        self._original = connection._commit

        def timed_commit():
            started = time.perf_counter()
            try:
                return self._original()
            finally:
                self.seconds += time.perf_counter() - started

        connection._commit = timed_commit

    def stop(self) -> None:
        self.connection._commit = self._original


def max_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def proc_hwm_mib(pid: int) -> float | None:
    """Peak RSS (VmHWM) of another local process, e.g. the PostgreSQL backend, if readable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _stat(pid) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (field 3 on: state, ppid, ...)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _ticks(fields: list[str], first: int, last: int) -> float:
    return sum(int(value) for value in fields[first:last]) / os.sysconf("SC_CLK_TCK")


def proc_cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) another local process has used, e.g. the PostgreSQL backend.

    Unlike wall time it does not grow when other work competes for the cores.
    """
    fields = _stat(pid)
    return None if fields is None else _ticks(fields, 11, 13)


def server_cpu_seconds(backend_pid: int) -> float | None:
    """CPU of the whole PostgreSQL server `backend_pid` belongs to: its postmaster, every live
    child process, and the children that have exited (the postmaster's cutime and cstime), so
    work done by connections opened and closed in between (publishing's) is counted too."""
    backend = _stat(backend_pid)
    postmaster = _stat(backend[1]) if backend else None
    if postmaster is None:
        return None
    total = _ticks(postmaster, 11, 15)
    for entry in Path("/proc").glob("[0-9]*"):
        child = _stat(entry.name)  # None: exited meanwhile, its CPU is in the postmaster's cutime now
        if child is not None and child[1] == backend[1]:
            total += _ticks(child, 11, 13)
    return total


@contextmanager
def timer():
    box = {}
    started = time.perf_counter()
    try:
        yield box
    finally:
        box["seconds"] = time.perf_counter() - started


def one_line(sql: str, width: int = 110) -> str:
    text = " ".join(sql.split())
    return text if len(text) <= width else text[: width - 3] + "..."

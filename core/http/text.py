"""Text the database can store: no NUL, no unpaired surrogate, no non-finite number.

PostgreSQL refuses NUL in text and jsonb, and nothing encodes a lone surrogate (U+D800-U+DFFF)
as UTF-8, so either in a request used to reach the database and answer 500. JSON allows both
(`"\\u0000"`, `"\\ud800"`), and Python reads `1e400` as infinity, which jsonb refuses too. The
JSON parser walks every parsed body once with `problems()` and answers 400 naming the field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

MAX_DEPTH = 32  # objects and arrays inside one another; the API's own shapes need 3
UNSAFE_CHARACTER = re.compile("[\x00\ud800-\udfff]")


def character_problem(text: str) -> str | None:
    """Why `text` cannot be stored, or None."""
    match = UNSAFE_CHARACTER.search(text)
    if match is None:
        return None
    if match.group() == "\x00":
        return "Null characters are not allowed."
    return f"Unpaired surrogate characters are not allowed: U+{ord(match.group()):X}."


def printable_key(key: str) -> str:
    """A key fit to echo back in an error (a key with a lone surrogate cannot be encoded)."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def problems(data, *, max_depth: int = MAX_DEPTH) -> Iterator[tuple[tuple[str, ...], str]]:
    """(path, message) for every value or key of parsed JSON that must not reach the database.

    Iterative, so no input can exhaust the stack; `path` holds object keys and array indexes.
    """
    stack: list[tuple[tuple[str, ...], object, int]] = [((), data, 0)]
    while stack:
        path, value, depth = stack.pop()
        if isinstance(value, str):
            message = character_problem(value)
            if message:
                yield path, message
        elif isinstance(value, float):
            if not math.isfinite(value):
                yield path, "Numbers must be finite."
        elif isinstance(value, (dict, list)):
            if depth >= max_depth:
                yield path, f"Nested more than {max_depth} levels deep."
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    message = character_problem(key)
                    if message:
                        yield (*path, printable_key(key)), f"Key: {message}"
                        continue
                stack.append(((*path, str(key)), item, depth + 1))


def as_field_errors(found: list[tuple[tuple[str, ...], str]]) -> dict | list:
    """DRF's per-field error shape: {"metadata": {"title": ["..."]}}; a top-level problem is a list."""
    errors: dict = {}
    for path, message in found:
        if not path:
            return [message]
        node = errors
        for part in path[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                break
            node = child
        else:
            node.setdefault(path[-1], [])
            if isinstance(node[path[-1]], list):
                node[path[-1]].append(message)
    return errors

"""What a chat message may contain: plain text, cleaned the same way for every sender.

Pure functions, no Django: the service calls `clean` and raises its domain errors on the result.
"""

import re
import unicodedata

# Bidirectional embeddings, overrides and isolates reorder what others see (a link can be made to
# read as another); the byte-order mark and the line/paragraph separators break lines invisibly.
INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029\u200e\u200f]")
MANY_BLANK_LINES = re.compile(r"\n{3,}")


def clean(raw: str) -> str:
    """Newlines kept (at most one blank line in a row), tabs as spaces, every other control
    character (Unicode category Cc, NUL included), unpaired surrogates (a socket's JSON may hold
    them; no database stores them) and the invisible reordering characters above
    removed, then trimmed. Markup is not touched: `<b>` stays the four characters it is."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"))
    text = INVISIBLE.sub("", text)
    text = MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def fingerprint(text: str) -> str:
    """Two messages with the same fingerprint are the same message (duplicate suppression)."""
    return " ".join(text.casefold().split())

"""The optional word filter: masks listed words with asterisks, never rejects a message.

better-profanity's English list (with its leetspeak variants), plus THRIVE_CHAT_WORD_FILTER_EXTRA,
minus THRIVE_CHAT_WORD_FILTER_ALLOW; off with THRIVE_CHAT_WORD_FILTER=false. Built once per
process and settings (the list takes a few milliseconds to load).
"""

from functools import lru_cache

from better_profanity import Profanity
from django.conf import settings


@lru_cache(maxsize=4)
def _filter(extra: tuple[str, ...], allow: tuple[str, ...]) -> Profanity:
    profanity = Profanity()
    profanity.load_censor_words(whitelist_words=list(allow))
    if extra:
        profanity.add_censor_words(list(extra))
    return profanity


def mask(text: str) -> str:
    if not settings.THRIVE_CHAT_WORD_FILTER:
        return text
    extra = tuple(word.strip().lower() for word in settings.THRIVE_CHAT_WORD_FILTER_EXTRA if word.strip())
    allow = tuple(word.strip().lower() for word in settings.THRIVE_CHAT_WORD_FILTER_ALLOW if word.strip())
    return _filter(extra, allow).censor(text, "*")

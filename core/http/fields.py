"""Serializer fields for free-form input that other people will see."""

import json

from rest_framework import serializers

# Award metadata is copied into XP events and, for its shared keys (a title, a streak), into every
# circle member's page: one award with a 2 MB title once grew 25 pages from 12 KB to 4 MB each.
METADATA_MAX_BYTES = 4096
METADATA_MAX_DEPTH = 4
METADATA_MAX_KEYS = 50
METADATA_MAX_KEY_LENGTH = 64
METADATA_MAX_STRING_LENGTH = 500


class MetadataField(serializers.DictField):
    """A JSON object of bounded size, depth and key count; every key and value checked, at any depth.

    Text safety (NUL, lone surrogates) is the JSON parser's job (core/http/parsers.py); these caps
    keep one caller from bloating what everyone else loads.
    """

    default_error_messages = {
        "too_large": f"At most {METADATA_MAX_BYTES} bytes of JSON.",
        "too_deep": f"At most {METADATA_MAX_DEPTH} levels of nested objects and arrays.",
        "too_many_keys": f"At most {METADATA_MAX_KEYS} keys in all.",
        "key_too_long": f"Keys are at most {METADATA_MAX_KEY_LENGTH} characters.",
        "string_too_long": f"Text values are at most {METADATA_MAX_STRING_LENGTH} characters.",
    }

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        self._check_shape(value)
        if len(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")) > METADATA_MAX_BYTES:
            self.fail("too_large")
        return value

    def _check_shape(self, value) -> None:
        keys = 0
        stack = [(value, 1)]
        while stack:
            node, depth = stack.pop()
            if isinstance(node, str) and len(node) > METADATA_MAX_STRING_LENGTH:
                self.fail("string_too_long")
            if not isinstance(node, (dict, list)):
                continue
            if depth > METADATA_MAX_DEPTH:
                self.fail("too_deep")
            if isinstance(node, dict):
                keys += len(node)
                if keys > METADATA_MAX_KEYS:
                    self.fail("too_many_keys")
                if any(len(str(key)) > METADATA_MAX_KEY_LENGTH for key in node):
                    self.fail("key_too_long")
                stack.extend((item, depth + 1) for item in node.values())
            else:
                stack.extend((item, depth + 1) for item in node)

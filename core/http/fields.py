"""Serializer fields for what the API reads.

Strict types. DRF's own fields are lenient: a CharField turns the JSON number 0 into "0", an
IntegerField reads "12" and 12.0, a BooleanField reads 0, 1 and "yes", and in a query string or
form an empty value (`?weeks=`) of an optional field is silently treated as absent. The schema
promises a string, an integer, a boolean, so the API refuses anything else with a 400 naming the
field (schemathesis' negative_data_rejection check holds us to it; tests/test_openapi_schema.py).

Query strings and form bodies (a QueryDict) carry only text, so there an integer is read from its
digits; a JSON body must hold the real type.

Free-form metadata (`MetadataField`) is bounded in size, depth and keys: other people will see it.
"""

import json
import re

from django.http import QueryDict
from rest_framework import serializers
from rest_framework.fields import empty

INTEGER_TEXT = re.compile(r"-?[0-9]{1,18}")
# Any integer the API accepts fits a 64-bit database column (the same 18 digits as INTEGER_TEXT and
# the `<id:...>` path converter): a larger id in a JSON body reached SQLite as an OverflowError (500).
MAX_INTEGER = 10**18 - 1


def _from_text(field: serializers.Field) -> bool:
    """True when the serializer reads a query string or a form body rather than JSON."""
    return isinstance(getattr(field.root, "initial_data", None), QueryDict)


class _BlankIsAValue:
    """`?field=` is a value (and an invalid one), not a missing field."""

    def get_value(self, dictionary):
        if isinstance(dictionary, QueryDict) and dictionary.get(self.field_name, empty) == "":
            return ""
        return super().get_value(dictionary)


class StrictCharField(_BlankIsAValue, serializers.CharField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        # The schema's maxLength is the length as sent; DRF checks it after trimming spaces.
        if self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().to_internal_value(data)


class StrictIntegerField(_BlankIsAValue, serializers.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_value", MAX_INTEGER)
        kwargs.setdefault("min_value", -MAX_INTEGER)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not (
            isinstance(data, int) or (isinstance(data, str) and _from_text(self) and INTEGER_TEXT.fullmatch(data))
        ):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


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

"""Serializer fields that accept only what the OpenAPI schema says.

DRF's own fields are lenient: a CharField turns the JSON number 0 into "0", an IntegerField reads
"12" and 12.0, a BooleanField reads 0, 1 and "yes", and in a query string or form an empty value
(`?weeks=`) of an optional field is silently treated as absent. The schema promises a string, an
integer, a boolean, so the API refuses anything else with a 400 naming the field (schemathesis'
negative_data_rejection check holds us to it; tests/test_openapi_schema.py).

Query strings and form bodies (a QueryDict) carry only text, so there an integer is read from its
digits; a JSON body must hold the real type.
"""

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

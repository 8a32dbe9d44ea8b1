"""The API's one JSON parser: DRF's, bounded, and answering 400 for what the database refuses."""

import json

from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import JSONParser, get_encoding
from rest_framework.utils.json import strict_constant

from . import text

MAX_REPORTED_PROBLEMS = 20


class SafeJSONParser(JSONParser):
    """JSON nested at most text.MAX_DEPTH deep, with no NUL, lone surrogate or non-finite number
    anywhere (keys included).

    DRF's parser lets a deeply nested array exhaust the recursion limit (RecursionError, a 500).
    Here every view gets data its serializers can validate, and a problem is a 400 naming the
    field, like any validation error.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        # DRF hands JSON parsers the body through `request.body`, so Django's
        # DATA_UPLOAD_MAX_MEMORY_SIZE bounds it first (core/exceptions.py answers that 400).
        try:
            decoded = stream.read().decode(get_encoding(parser_context or {}))
            data = json.loads(decoded, parse_constant=strict_constant if self.strict else None)
        except RecursionError:
            raise ParseError("JSON parse error - nested too deeply.") from None
        except ValueError as exc:  # also UnicodeDecodeError
            raise ParseError(f"JSON parse error - {exc}") from None
        found = []
        for problem in text.problems(data):
            found.append(problem)
            if len(found) == MAX_REPORTED_PROBLEMS:
                break
        if found:
            raise ValidationError(text.as_field_errors(found))
        return data

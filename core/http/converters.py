"""Path converters: an id in a URL is at most 18 digits, so it always fits a 64-bit integer column.

Django's `<int:...>` takes any number of digits, and a 40-digit id reached the database as an
integer too large for it (SQLite: OverflowError, a 500). With `<id:...>` it is a plain 404.
"""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")

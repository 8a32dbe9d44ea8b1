"""Every environment variable the settings read is listed in .env.example."""

import re

from django.conf import settings


def test_env_example_lists_every_variable_the_settings_read():
    source = (settings.BASE_DIR / "config" / "settings.py").read_text()
    read = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', source))
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", (settings.BASE_DIR / ".env.example").read_text(), re.MULTILINE))
    assert read and read <= listed, sorted(read - listed)

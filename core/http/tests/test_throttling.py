"""Rate limits key on the real client address and count across every worker process."""

import itertools
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

LEVELS = "/api/v1/thrive-levels/"
FORGED = (f"198.51.100.{n}" for n in itertools.count(1))


@pytest.fixture
def three_per_minute(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"user": "3/min", "anon": "3/min"})


def test_a_new_forwarded_for_per_request_does_not_escape_the_anonymous_limit(levels, three_per_minute):
    statuses = [APIClient().get(LEVELS, HTTP_X_FORWARDED_FOR=next(FORGED)).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


def test_behind_a_proxy_the_limit_keys_on_the_address_the_proxy_appended(levels, three_per_minute, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    statuses = [APIClient().get(LEVELS, HTTP_X_FORWARDED_FOR=f"{next(FORGED)}, 203.0.113.7").status_code
                for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert APIClient().get(LEVELS, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.8").status_code == 200


def test_the_counts_are_visible_to_another_worker_process_in_the_default_configuration(levels, three_per_minute):
    for _ in range(2):
        APIClient().get(LEVELS, REMOTE_ADDR="203.0.113.5")
    other_worker = subprocess.run(
        [sys.executable, "-c", "import django, json; django.setup(); from django.core.cache import caches; "
         "print(json.dumps(len(caches['throttle'].get('throttle_anon_203.0.113.5', []))))"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
        cwd=django_settings.BASE_DIR, capture_output=True, text=True, check=True,
    )
    assert json.loads(other_worker.stdout) == 2

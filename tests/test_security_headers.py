"""Every response carries the Content-Security-Policy, and the API docs need nothing from the internet."""

import re

import pytest
from django.test import Client

from core.users.tests.factories import UserFactory


@pytest.mark.parametrize("path", ["/", "/play/thrive-circle", "/admin/login/", "/api/docs/", "/api/v1/thrive-levels/"])
def test_every_response_carries_the_content_security_policy(db, path):
    policy = Client().get(path)["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy and "frame-ancestors 'none'" in policy


def test_the_api_docs_load_every_asset_from_this_site(db):
    page = Client().get("/api/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(source.startswith("/") for source in sources), sources
    assert "<script>" not in page and "<style>" not in page  # nothing inline for the policy to refuse


def test_the_api_docs_start_up_script_is_served_by_the_site(db):
    script = Client().get("/api/docs/?script=")
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()


def test_admin_pages_carry_the_policy(db, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/admin/points/pointshistory/")
    assert page.status_code == 200 and "Content-Security-Policy" in page

"""Production settings pass Django's deployment checklist, and the defaults keep the local demo
working over plain http. Each case starts a fresh interpreter: settings are read at import."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "thrive.example.com",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://thrive.example.com",
    "DJANGO_SECURE_SSL": "1",
}


def _environment(**overrides) -> dict:
    """The test process's environment without any Django or Thrive setting, plus `overrides`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "THRIVE_", "WHITENOISE_"))}
    env.pop("DATABASE_URL", None)
    return {**env, **overrides}


def _run(args: list[str], **overrides) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=_environment(**overrides), capture_output=True, text=True, timeout=120
    )


def _setting(names: str, **overrides) -> list[str]:
    code = (
        "import django; django.setup(); from django.conf import settings; "
        f"print(*[getattr(settings, n) for n in {names.split()!r}], sep='|')"
    )
    result = _run(["-c", code], DJANGO_SETTINGS_MODULE="config.settings", **overrides)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().split("|")


def test_check_deploy_passes_with_production_settings():
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_use_https_only_cookies_hsts_and_a_redirect():
    values = _setting(
        "SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE SECURE_SSL_REDIRECT SECURE_HSTS_SECONDS DEBUG WAFFLE_SECURE", **PRODUCTION
    )
    assert values == ["True", "True", "True", "31536000", "False", "True"]


def test_the_defaults_serve_the_local_demo_over_plain_http():
    values = _setting("SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE SECURE_SSL_REDIRECT SECURE_HSTS_SECONDS DEBUG")
    assert values == ["False", "False", "False", "0", "False"]


def test_static_root_comes_from_the_environment(tmp_path):
    assert _setting("STATIC_ROOT") == [str(ROOT / "staticfiles")]
    assert _setting("STATIC_ROOT", DJANGO_STATIC_ROOT=str(tmp_path)) == [str(tmp_path)]


def test_whitenoise_serves_a_rebuilt_front_end_only_in_development():
    assert _setting("WHITENOISE_USE_FINDERS WHITENOISE_AUTOREFRESH", DJANGO_DEBUG="1") == ["True", "True"]
    assert _setting("WHITENOISE_USE_FINDERS WHITENOISE_AUTOREFRESH") == ["False", "False"]

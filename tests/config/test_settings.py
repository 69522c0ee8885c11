"""Production settings: secure by default, and refusing to start without a secret key."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production machine: no debug, no test settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DAADKRACHT_")) and key not in {"REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="daadkracht.config.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="daadkracht.example",
        PYTHONWARNINGS="ignore",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_deployment_check_reports_no_issues_in_production():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("debug", [None, "false"])
def test_production_refuses_to_start_without_a_secret_key(debug):
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    if debug is not None:
        env["DJANGO_DEBUG"] = debug

    result = run(["-c", "import daadkracht.config.settings"], env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_development_starts_without_a_secret_key():
    env = production_env(DJANGO_DEBUG="true")
    del env["DJANGO_SECRET_KEY"]

    result = run(["-c", "import daadkracht.config.settings as s; print(s.DEBUG)"], env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_production_defaults_are_secure():
    script = (
        "import json; from daadkracht.config import settings as s; print(json.dumps({"
        "'debug': s.DEBUG, 'session_secure': s.SESSION_COOKIE_SECURE,"
        "'csrf_secure': s.CSRF_COOKIE_SECURE, 'ssl_redirect': s.SECURE_SSL_REDIRECT,"
        "'hsts': s.SECURE_HSTS_SECONDS, 'hosts': s.ALLOWED_HOSTS,"
        "'language': s.LANGUAGE_COOKIE_SECURE}))"
    )

    result = run(["-c", script], production_env())

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "debug": False,
        "session_secure": True,
        "csrf_secure": True,
        "ssl_redirect": True,
        "hsts": 31536000,
        "hosts": ["daadkracht.example"],
        "language": True,
    }

"""Settings come from the environment, fail loudly on bad values and are clean for production."""

from __future__ import annotations

import os
import re
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from continuiteit.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent


def _run_manage(*args: str, env: dict[str, str], cwd: Path = BASE_DIR) -> subprocess.CompletedProcess[str]:
    """Run manage.py in a fresh interpreter that sees only `env` (plus PATH), not this process."""
    return subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        cwd=cwd,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _production_env(tmp_path: Path) -> dict[str, str]:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return {
        "DEBUG": "false",
        "SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(60)),
        "ALLOWED_HOSTS": "portaal.example.nl",
        "SITE_URL": "https://portaal.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }


# --- the helpers in continuiteit/env.py -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("1", True), ("Ja", True), (" on ", True), ("false", False), ("0", False), ("", False)],
)
def test_it_reads_booleans(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("PORTAAL_TEST_BOOL", value)
    assert env_bool("PORTAAL_TEST_BOOL", default=not expected) is expected


@pytest.mark.parametrize("value", ["misschien", "tru", "2"])
def test_it_rejects_a_bad_boolean(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("PORTAAL_TEST_BOOL", value)
    with pytest.raises(ImproperlyConfigured, match="PORTAAL_TEST_BOOL must be a boolean"):
        env_bool("PORTAAL_TEST_BOOL", default=False)


def test_it_uses_the_default_for_an_unset_boolean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORTAAL_TEST_BOOL", raising=False)
    assert env_bool("PORTAAL_TEST_BOOL", default=True) is True


def test_it_reads_integers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAAL_TEST_INT", "587")
    assert env_int("PORTAAL_TEST_INT", default=25) == 587
    monkeypatch.setenv("PORTAAL_TEST_INT", "")
    assert env_int("PORTAAL_TEST_INT", default=25) == 25


@pytest.mark.parametrize("value", ["veertien", "1.5", "14 dagen"])
def test_it_rejects_a_bad_integer(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("PORTAAL_TEST_INT", value)
    with pytest.raises(ImproperlyConfigured, match="PORTAAL_TEST_INT must be an integer"):
        env_int("PORTAAL_TEST_INT", default=14)


def test_it_reads_a_comma_separated_list_without_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAAL_TEST_LIST", " portaal.example.nl, ,www.portaal.example.nl,")
    assert env_list("PORTAAL_TEST_LIST", default=["localhost"]) == [
        "portaal.example.nl",
        "www.portaal.example.nl",
    ]
    monkeypatch.delenv("PORTAAL_TEST_LIST")
    assert env_list("PORTAAL_TEST_LIST", default=["localhost"]) == ["localhost"]


def test_it_requires_a_string_without_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORTAAL_TEST_STR", raising=False)
    with pytest.raises(ImproperlyConfigured, match="PORTAAL_TEST_STR is required"):
        env_str("PORTAAL_TEST_STR")
    assert env_str("PORTAAL_TEST_STR", default="standaard") == "standaard"


# --- the settings module in a fresh process ----------------------------------------------------


@pytest.mark.parametrize("secret_key", [None, ""])
def test_it_refuses_to_start_without_secret_key_when_debug_is_off(
    tmp_path: Path, secret_key: str | None
) -> None:
    env = _production_env(tmp_path)
    del env["SECRET_KEY"]
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key

    result = _run_manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is required when DEBUG is off." in result.stderr


def test_it_refuses_to_start_with_a_bad_boolean(tmp_path: Path) -> None:
    env = {**_production_env(tmp_path), "SECURE_SSL_REDIRECT": "misschien"}

    result = _run_manage("check", env=env)

    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT must be a boolean" in result.stderr


def test_it_passes_the_deployment_checks_with_production_settings(tmp_path: Path) -> None:
    result = _run_manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_it_collects_static_files_for_production(tmp_path: Path) -> None:
    """The manifest storage rewrites every CSS url() and fails on a reference to a missing file.

    Same command as in the Dockerfile, into a scratch STATIC_ROOT. Django's own manifest storage
    does the same rewriting as WhiteNoise's, without the compression that takes ~30 s.
    """
    (tmp_path / "settings_collectstatic.py").write_text(
        "from continuiteit.settings import *\n"
        f"STATIC_ROOT = {str(tmp_path / 'static')!r}\n"
        "STORAGES = {**STORAGES, 'staticfiles': {'BACKEND': 'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'}}\n"
    )
    env = {
        "DEBUG": "false",
        "SECRET_KEY": "build-only",
        "SITE_URL": "http://build.invalid",
        "DJANGO_SETTINGS_MODULE": "settings_collectstatic",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(BASE_DIR)]),
    }

    result = _run_manage("collectstatic", "--no-input", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()


def test_it_documents_every_environment_variable_in_the_readme() -> None:
    settings_source = (BASE_DIR / "continuiteit" / "settings.py").read_text()
    variables = set(re.findall(r"env_(?:str|bool|int|list)\(\s*\"([A-Z0-9_]+)\"", settings_source))
    readme = (BASE_DIR / "README.md").read_text()

    assert "SECRET_KEY" in variables  # the pattern still finds the reads
    assert sorted(name for name in variables if f"`{name}`" not in readme) == []

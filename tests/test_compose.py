"""docker-compose.yml is a valid Compose file (checked without a Docker engine)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


def test_it_has_a_valid_compose_file() -> None:
    docker_compose = shutil.which("docker-compose")
    if docker_compose is None:
        pytest.skip(
            "docker-compose is not installed: `apt-get install --no-install-recommends docker-compose`"
        )

    result = subprocess.run(
        [docker_compose, "-f", "docker-compose.yml", "config", "-q"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr

"""docker-compose.yml and the Dockerfile: valid, complete, and wired to what settings read.

No Docker engine runs here, so the file is checked against the Compose specification's schema
and its wiring is read; `docker compose up` itself is for machines that have Docker.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
DOCKERFILE = REPO_ROOT / "Dockerfile"
SETTINGS_SOURCE = (REPO_ROOT / "bizcard" / "settings.py").read_text(encoding="utf-8")
APP_SERVICES = ("web", "worker")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


def test_compose_file_follows_the_compose_specification() -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.compose-spec", str(COMPOSE_FILE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_whole_stack_is_there(compose: dict) -> None:
    assert {"web", "worker", "postgres", "redis", "minio"} <= set(compose["services"])


@pytest.mark.parametrize("service", APP_SERVICES)
def test_web_and_worker_point_at_the_stack_services(compose: dict, service: str) -> None:
    env = compose["services"][service]["environment"]
    assert urlsplit(env["DATABASE_URL"]).hostname == "postgres"
    assert urlsplit(env["DATABASE_URL"]).scheme.startswith("postgres")
    assert urlsplit(env["REDIS_URL"]).hostname == "redis"
    assert urlsplit(env["S3_ENDPOINT_URL"]).hostname == "minio"
    assert env["S3_BUCKET"]
    assert {"postgres", "redis"} <= set(compose["services"][service]["depends_on"])


@pytest.mark.parametrize("service", APP_SERVICES)
def test_every_variable_given_to_the_app_is_read_by_settings(compose: dict, service: str) -> None:
    for name in compose["services"][service]["environment"]:
        assert f'"{name}"' in SETTINGS_SOURCE, f"{service}: settings.py never reads {name}"


def test_the_bucket_the_app_uses_is_created_in_minio(compose: dict) -> None:
    bucket = compose["services"]["web"]["environment"]["S3_BUCKET"]
    init = compose["services"]["minio-init"]
    assert f"mc mb --ignore-existing local/{bucket}" in init["entrypoint"]
    assert "minio-init" in compose["services"]["web"]["depends_on"]


def test_worker_runs_celery_and_web_serves_the_asgi_app(compose: dict) -> None:
    assert "celery -A bizcard worker" in compose["services"]["worker"]["command"]
    assert "daphne" in compose["services"]["web"]["command"]
    assert "bizcard.asgi:application" in compose["services"]["web"]["command"]


def test_dockerfile_installs_from_the_lock_and_serves_with_daphne() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim", text, re.MULTILINE)
    assert "COPY pyproject.toml requirements.lock" in text
    assert "-c requirements.lock" in text
    assert "tesseract-ocr-rus" in text and "tesseract-ocr-ell" in text
    assert "collectstatic" in text
    assert "bizcard.asgi:application" in text
    assert (REPO_ROOT / "requirements.lock").is_file()

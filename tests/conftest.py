"""Fixtures every layer shares: the S3 server, users and API clients, the Celery worker.

S3 is a moto server (``moto_server``, from the venv) on 127.0.0.1: it stands in for MinIO,
which has no server binary here, and speaks real S3 over HTTP, so django-storages and boto3
run exactly as they would against MinIO.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.processes import REPO_ROOT, VENV_BIN, port_open, wait_until
from tests.s3 import s3_bucket, s3_client

SERVICE_START_TIMEOUT_S = 30


@pytest.fixture(scope="session", autouse=True)
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A moto S3 server on the port tests/settings.py points S3_ENDPOINT_URL at."""
    from tests.settings import S3_TEST_PORT

    host = "127.0.0.1"
    if port_open(host, S3_TEST_PORT):
        pytest.exit(f"port {S3_TEST_PORT} is taken; set BIZCARD_TEST_S3_PORT to a free one")
    log = (tmp_path_factory.mktemp("moto") / "moto.log").open("w")
    server = subprocess.Popen(
        [str(VENV_BIN / "moto_server"), "-H", host, "-p", str(S3_TEST_PORT)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(lambda: port_open(host, S3_TEST_PORT), timeout_s=10, what="moto S3 server")
        s3_client().create_bucket(Bucket=s3_bucket())
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("alice", password="alice-password")


@pytest.fixture
def other_user(django_user_model):
    return django_user_model.objects.create_user("bob", password="bob-password")


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("sam", password="sam-password", is_staff=True)


@pytest.fixture
def anonymous_client() -> APIClient:
    return APIClient()


@pytest.fixture
def api_client(user) -> APIClient:
    """Signed in as ``user`` with a token, as a script or mobile app would be."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def other_client(other_user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=other_user).key}")
    return client


def database_url(settings_dict: dict) -> str:
    user = settings_dict["USER"] or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def process_env_on_test_db() -> dict[str, str]:
    """This process's environment for a server process on the test database (the test
    database exists once ``django_db_setup`` has run)."""
    from django.db import connection

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url(connection.settings_dict),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }


@pytest.fixture(scope="session")
def card_worker(django_db_setup, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A real Celery worker process on the test database, consuming the ``cards`` queue.

    Tests that use it must commit their rows (``transactional_db`` or ``live_server``).
    Yields the worker's log file, worth printing when a test fails.
    """
    log_path = tmp_path_factory.mktemp("celery") / "worker.log"
    env = process_env_on_test_db()
    with log_path.open("w") as log:
        worker = subprocess.Popen(
            [
                str(VENV_BIN / "celery"),
                "-A",
                "bizcard",
                "worker",
                "--pool=solo",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--purge",  # messages left over from earlier runs name rows that are gone
                "-Q",
                settings.CELERY_TASK_DEFAULT_QUEUE,
                "--loglevel=INFO",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until(
            lambda: "ready." in log_path.read_text() or worker.poll() is not None,
            timeout_s=SERVICE_START_TIMEOUT_S,
            what="Celery worker",
        )
        if worker.poll() is not None:
            pytest.fail(f"Celery worker exited:\n{log_path.read_text()}")
        yield log_path
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()

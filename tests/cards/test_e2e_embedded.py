"""End to end with no services at all: `runserver` on SQLite and local files, the upload
processed by the in-process pool, everything over real HTTP."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from bizcard.pipeline.evaluation import load_dataset, normalize_values
from tests.http import HttpApi
from tests.processes import REPO_ROOT, embedded_env, free_port, port_open, wait_until
from tests.real_photos import REAL, needs_real_photos

PROCESSING_TIMEOUT_S = 180
SERVER_START_TIMEOUT_S = 60

pytestmark = [pytest.mark.slow, needs_real_photos]


def manage(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


def test_with_no_services_an_uploaded_photo_is_read_inside_the_web_process(tmp_path):
    env = embedded_env(tmp_path / "data")
    manage("migrate", "--noinput", env=env)
    manage(
        "createsuperuser", "--noinput", "--username", "e2e", "--email", "e2e@example.com",
        env={**env, "DJANGO_SUPERUSER_PASSWORD": "e2e-password-1"},
    )  # fmt: skip
    token = re.search(r"Generated token (\w+)", manage("drf_create_token", "e2e", env=env))[1]
    port = free_port()
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until(
            lambda: port_open("127.0.0.1", port) or server.poll() is not None,
            timeout_s=SERVER_START_TIMEOUT_S,
            what="runserver",
        )
        assert server.poll() is None, log_path.read_text()
        labelled = load_dataset(REAL)[0]
        api = HttpApi(f"http://127.0.0.1:{port}", token)

        status, body = api.upload([labelled.image])

        assert status == 202, body
        card = api.wait_finished(body["cards"][0]["url"], timeout_s=PROCESSING_TIMEOUT_S)
        assert card["status"] == "done", f"{card}\n--- server log ---\n{log_path.read_text()}"
        [first, *_] = card["result"]["contacts"]
        expected = normalize_values("emails", labelled.fields["emails"])
        assert normalize_values("emails", first["fields"]["emails"]) == expected
        assert list((tmp_path / "data" / "media" / "cards").rglob("*.jpg"))
    finally:
        server.terminate()
        server.wait(timeout=20)

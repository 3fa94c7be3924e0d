"""A real browser (Debian's Chromium driven by Playwright) on a real ASGI server (daphne:
HTTP and websockets) beside a real Celery worker, all on the test database.

Browser tests commit their rows (``transactional_db``) so the server and worker see them.
Screenshots go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SERVICE_START_TIMEOUT_S, process_env_on_test_db
from tests.processes import REPO_ROOT, VENV_BIN, free_port, port_open, wait_until

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
PHONE_VIEWPORT = {"width": 390, "height": 844}

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"), reason="no /usr/bin/chromium"
)


@pytest.fixture(scope="session")
def asgi_server(django_db_setup, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """daphne serving bizcard.asgi on a free port; yields its base URL."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("daphne") / "daphne.log"
    env = process_env_on_test_db()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(VENV_BIN / "daphne"), "-b", "127.0.0.1", "-p", str(port),
             "bizcard.asgi:application"],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        wait_until(
            lambda: port_open("127.0.0.1", port) or server.poll() is not None,
            timeout_s=SERVICE_START_TIMEOUT_S,
            what="daphne",
        )
        if server.poll() is not None:
            pytest.fail(f"daphne exited:\n{log_path.read_text()}")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """Chromium for one test module. Playwright's sync API keeps an event loop running in
    this thread while it is open, so Django would refuse ORM calls (the tests' own, and the
    database fixtures' setup and teardown) as if they came from async code: allowed while
    the browser is open, since they run between browser steps, never alongside them. The
    module scope stops Playwright before the next module's tests run."""
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                      "--no-first-run", "--disable-background-networking"],
            )
            yield browser
            browser.close()


def screenshot(page, name: str) -> Path:
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(browser, base_url: str, username: str, password: str, **context_options):
    """A new browser context (its own cookies) signed in as ``username``; returns its page."""
    context = browser.new_context(base_url=base_url, accept_downloads=True, **context_options)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")
    return page


"""A small client for the JSON API over real HTTP (stdlib only), for the end-to-end tests."""

from __future__ import annotations

import json
import mimetypes
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

FINISHED = {"done", "failed"}


class HttpApi:
    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token

    def request(
        self, method: str, url: str, body: bytes | None = None, content_type: str | None = None
    ) -> tuple[int, dict]:
        """``(status, JSON body)``; error statuses are answers here, not exceptions."""
        full_url = url if url.startswith("http") else self.base_url + url
        request = urllib.request.Request(full_url, data=body, method=method)
        request.add_header("Authorization", f"Token {self.token}")
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def upload(self, paths: list[Path]) -> tuple[int, dict]:
        """POST /api/cards/ with every file under the ``files`` field."""
        boundary = uuid.uuid4().hex
        parts: list[bytes] = []
        for path in paths:
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                f'filename="{path.name}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                + path.read_bytes()
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(
            "POST", "/api/cards/", body, content_type=f"multipart/form-data; boundary={boundary}"
        )

    def wait_finished(self, card_url: str, *, timeout_s: float, interval_s: float = 0.5) -> dict:
        """Poll a card until it is done or failed; its last state when time runs out."""
        deadline = time.monotonic() + timeout_s
        while True:
            status, card = self.request("GET", card_url)
            assert status == 200, card
            if card["status"] in FINISHED or time.monotonic() > deadline:
                return card
            time.sleep(interval_s)

"""The base of every error a user can act on, across apps (STYLE: errors are values with codes)."""

from __future__ import annotations


class AppError(Exception):
    """``code`` is stable for clients, ``message`` is for people, ``status`` is the HTTP answer."""

    code = "error"
    status = 400

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        details: dict | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.code
        self.status = status or self.status
        self.details = details or {}

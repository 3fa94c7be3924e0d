"""Errors are values with codes (ROADMAP: ``{"error": {"code", "message"}}``)."""

from __future__ import annotations


class PipelineError(Exception):
    """A failure a user can act on; ``code`` is stable, ``message`` is for people."""

    code = "pipeline_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class ImageRejected(PipelineError):
    """The bytes are not an image we can read (wrong type, corrupt, too many pixels)."""

    code = "invalid_image"


class OcrUnavailable(PipelineError):
    """An OCR engine cannot run here: package or model file missing. Never downloads."""

    code = "ocr_unavailable"

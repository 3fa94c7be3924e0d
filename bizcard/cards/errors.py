"""Error codes of the cards app and the HTTP status each one answers with."""

from __future__ import annotations

from bizcard.errors import AppError

# Upload codes; the content codes come from bizcard.pipeline.imageio.load_image.
UPLOAD_ERROR_STATUS: dict[str, int] = {
    "no_files": 400,
    "file_too_large": 413,
    "image_too_large": 413,
    "unsupported_media_type": 415,
    "corrupt_image": 422,
}
UNKNOWN_UPLOAD_ERROR_STATUS = 422


class UploadRejected(AppError):
    """Nothing of the upload was stored; ``details["files"]`` names each refused file."""

    code = "upload_rejected"

    def __init__(self, message: str, *, code: str, files: list[dict] | None = None) -> None:
        status = UPLOAD_ERROR_STATUS.get(code, UNKNOWN_UPLOAD_ERROR_STATUS)
        super().__init__(
            message, code=code, status=status, details={"files": files} if files else None
        )


class CardNotFound(AppError):
    code = "not_found"
    status = 404


class CardNotRetryable(AppError):
    code = "card_not_retryable"
    status = 409


class CardNotRead(AppError):
    """Only a card the pipeline has read can be reviewed."""

    code = "card_not_read"
    status = 409


class InvalidCorrection(AppError):
    code = "invalid_correction"
    status = 400


class ContactMergeRefused(AppError):
    """The contacts cannot be merged: one contact alone, or contacts of different owners."""

    code = "contact_merge_refused"
    status = 400

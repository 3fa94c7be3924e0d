"""The pipeline configuration from settings: one place for the web, the worker and commands."""

from __future__ import annotations

from django.conf import settings

from bizcard.pipeline.extract import PipelineConfig


def pipeline_config(**overrides: object) -> PipelineConfig:
    """Settings' choices (``BIZCARD_OCR_*``, ``BIZCARD_PHONE_REGION``, ``BIZCARD_MODEL``),
    with ``overrides`` (PipelineConfig field names) on top."""
    values: dict[str, object] = {
        "engine": settings.BIZCARD_OCR_ENGINE,
        "language": settings.BIZCARD_OCR_LANGUAGE,
        "region": settings.BIZCARD_PHONE_REGION,
        "ocr_threads": settings.BIZCARD_OCR_THREADS,
        "classifier": settings.BIZCARD_MODEL,
    }
    values.update(overrides)
    return PipelineConfig(**values)  # type: ignore[arg-type]

"""The pipeline configuration from settings: one place for the web, the worker and commands."""

from __future__ import annotations

from django.conf import settings

from bizcard.pipeline.extract import PipelineConfig
from training.selectors import classifier_choice


def pipeline_config(**overrides: object) -> PipelineConfig:
    """Settings' choices (``BIZCARD_OCR_*``, ``BIZCARD_PHONE_REGION``, ``BIZCARD_MODEL``),
    with ``overrides`` (PipelineConfig field names) on top. The model name (``classifier``)
    is resolved through the registry to a version and its checked artifact directory."""
    values: dict[str, object] = {
        "engine": settings.BIZCARD_OCR_ENGINE,
        "language": settings.BIZCARD_OCR_LANGUAGE,
        "region": settings.BIZCARD_PHONE_REGION,
        "ocr_threads": settings.BIZCARD_OCR_THREADS,
    }
    values.update(overrides)
    if "model_dir" not in overrides:
        values["classifier"], values["model_dir"] = classifier_choice(
            str(overrides.get("classifier", settings.BIZCARD_MODEL)))
    return PipelineConfig(**values)  # type: ignore[arg-type]

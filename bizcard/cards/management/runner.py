"""Photo file in, JSON-ready answer out: what ``extract``, ``evaluate`` and ``bench`` share.

Reads bytes -> ``imageio.load_image`` -> ``extract`` with the configuration from settings,
and turns every failure a user can act on into an ``{"code", "message"}`` value.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from bizcard.cards.pipeline_config import pipeline_config
from bizcard.pipeline.classify import get_classifier
from bizcard.pipeline.errors import PipelineError
from bizcard.pipeline.evaluation import DATASET_INDEX, load_dataset
from bizcard.pipeline.extract import STAGES as PIPELINE_STAGES
from bizcard.pipeline.extract import PipelineConfig, extract
from bizcard.pipeline.imageio import load_image
from bizcard.pipeline.ocr import ENGINES
from bizcard.pipeline.schema import empty_fields
from bizcard.pipeline.types import CardResult, Extraction

# Keys of "timings_ms" in the command-line contract (ROADMAP); "total" is wall time.
STAGES: tuple[str, ...] = (*PIPELINE_STAGES, "total")
IMAGE_SUFFIXES: frozenset[str] = frozenset(
    {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".pdf"}
)


def config_for(*, model: str | None = None, engine: str | None = None) -> PipelineConfig:
    """Settings' pipeline configuration with the command-line choices on top."""
    overrides: dict[str, str] = {}
    if model is not None:
        overrides["classifier"] = model
    if engine is not None:
        if engine not in ENGINES:
            raise CommandError(f"Unknown OCR engine {engine!r}. Available: {', '.join(ENGINES)}.")
        overrides["engine"] = engine
    try:
        config = pipeline_config(**overrides)
        # Load the classifier before the first photo: a bad model fails here, once.
        get_classifier(config.classifier, config.model_dir)
    except PipelineError as exc:
        raise CommandError(exc.message) from exc
    return config


@dataclass
class PhotoResult:
    """One photo's answer: an extraction or an error value, and its stage timings."""

    image: str
    extraction: Extraction | None = None
    error: dict | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def primary(self) -> CardResult | None:
        return self.extraction.cards[0] if self.extraction and self.extraction.cards else None

    @property
    def fields(self) -> dict:
        """The largest card's fields; an empty schema when nothing was read."""
        return self.primary.fields if self.primary else empty_fields()

    def to_line(self) -> dict:
        """The ``manage.py extract --format jsonl`` line (ROADMAP command-line contract)."""
        if self.extraction is None:
            return {"image": self.image, "error": self.error}
        line = {
            "image": self.image,
            "fields": self.fields,
            "confidence": self.primary.confidence if self.primary else {},
            "model_version": self.extraction.model_version,
            "engine": self.extraction.engine,
            "timings_ms": self.timings_ms,
        }
        if len(self.extraction.cards) > 1:
            line["cards"] = [card_summary(card) for card in self.extraction.cards]
        return line


def card_summary(card: CardResult) -> dict:
    """A card for the ``cards`` list: everything but the per-word detail."""
    summary = card.to_dict()
    summary.pop("words", None)
    return summary


def read_photo(path: str | Path, config: PipelineConfig) -> PhotoResult:
    """Run the pipeline on one file; never raises for a bad file, returns an error value."""
    result = PhotoResult(image=str(path))
    started = time.perf_counter()
    try:
        data = Path(path).read_bytes()
        image = load_image(data, max_pixels=settings.BIZCARD_MAX_IMAGE_PIXELS)
        result.extraction = extract(image, config)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        result.error = {"code": "unreadable_file", "message": f"Cannot read {path}: {reason}"}
    except PipelineError as exc:
        result.error = {"code": exc.code, "message": exc.message}
    total_ms = (time.perf_counter() - started) * 1000
    stage_ms = result.extraction.timings_ms if result.extraction else {}
    result.timings_ms = {stage: round(float(stage_ms.get(stage, 0.0)), 1) for stage in STAGES}
    result.timings_ms["total"] = round(total_ms, 1)  # the contract's total includes decoding
    return result


def image_files(paths: list[str | Path]) -> list[Path]:
    """Files named, plus the images inside folders named (a dataset folder's in its order)."""
    found: list[Path] = []
    for entry in map(Path, paths):
        if entry.is_dir() and (entry / DATASET_INDEX).is_file():
            found.extend(card.image for card in load_dataset(entry))
        elif entry.is_dir():
            found.extend(sorted(p for p in entry.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES))
        else:
            found.append(entry)
    return found

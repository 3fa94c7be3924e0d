"""The pipeline's one entry point: photo in, cards with validated fields out."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from PIL import Image

from bizcard.pipeline.assemble import RawValue, raw_values
from bizcard.pipeline.classify import get_classifier
from bizcard.pipeline.errors import PipelineError
from bizcard.pipeline.imageio import to_bgr
from bizcard.pipeline.layout import upright_words
from bizcard.pipeline.ocr import read_words
from bizcard.pipeline.preprocess import find_cards
from bizcard.pipeline.qr import read_qr_fields
from bizcard.pipeline.regions import region_hints
from bizcard.pipeline.schema import FIELDS
from bizcard.pipeline.types import CardResult, Classification, Extraction, Word
from bizcard.pipeline.validate import validate

STAGES = ("preprocess", "qr", "ocr", "classify", "validate")
QR_CONFIDENCE = 0.99  # a QR code states its fields; OCR only reads them


@dataclass(frozen=True)
class PipelineConfig:
    engine: str = "rapidocr"  # rapidocr | paddleocr | tesseract
    language: str = "auto"  # auto: detect the script; "ru" sends cards to Tesseract's Cyrillic
    region: str = "US"  # phone region when neither the number nor the card says otherwise
    ocr_threads: int = 2
    classifier: str = "rules"  # a version name
    model_dir: str | None = None  # the version's artifact directory; None: a rule classifier
    max_side: int = 1600  # longest side of a flattened card image handed to OCR


class _Stopwatch:
    def __init__(self) -> None:
        self.ms = dict.fromkeys(STAGES, 0.0)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.ms[name] += (time.perf_counter() - start) * 1000


def extract(image: Image.Image | np.ndarray, config: PipelineConfig | None = None) -> Extraction:
    """Read every card in ``image`` (PIL RGB or BGR ndarray); the largest card comes first.

    Raises :class:`PipelineError` (code ``no_text``) when no card in the photo shows any
    text or contact QR code, so an unreadable photo fails visibly instead of storing an
    empty contact.
    """
    config = config or PipelineConfig()
    started = time.perf_counter()
    classifier = get_classifier(config.classifier, config.model_dir)
    clock = _Stopwatch()
    with clock.stage("preprocess"):
        photo = image if isinstance(image, np.ndarray) else to_bgr(image)
        card_images = find_cards(photo, max_side=config.max_side)
    cards: list[CardResult] = []
    engines: list[str] = []
    for card_image in card_images:
        with clock.stage("qr"):
            qr_fields = read_qr_fields(card_image.image)
        with clock.stage("ocr"):
            ocr = read_words(
                card_image.image,
                engine=config.engine,
                language=config.language,
                threads=config.ocr_threads,
            )
        if not ocr.words and not qr_fields:
            continue
        engines.append(ocr.engine)
        regions = region_hints((w.text for w in ocr.words), default=config.region)
        height, width = card_image.image.shape[:2]
        with clock.stage("classify"):
            # Classifiers and reading order see the text upright; the card keeps the words
            # as they lie on its image, where the review page draws them.
            upright, _ = upright_words(ocr.words, (width, height))
            classification = classifier.classify(
                upright, image=card_image.image, region=regions[0]
            )
        with clock.stage("validate"):
            raw = raw_values(upright, classification)
            if qr_fields:
                raw = _merge_qr(raw, qr_fields)
            fields, confidence = validate(raw, regions=regions)
        source = "qr+ocr" if qr_fields and ocr.words else ("qr" if qr_fields else "ocr")
        cards.append(
            CardResult(
                fields=fields,
                confidence=confidence,
                words=ocr.words,
                labels=classification.labels,
                size=(width, height),
                quad=card_image.quad,
                source=source,
            )
        )
    if not cards:
        raise PipelineError("No text or contact QR code was found on the image.", code="no_text")
    cards.sort(key=lambda card: card.area, reverse=True)
    timings = {stage: round(ms, 1) for stage, ms in clock.ms.items()}
    timings["total"] = round((time.perf_counter() - started) * 1000, 1)
    return Extraction(
        cards=cards,
        engine=engines[0],
        model_version=classifier.version,
        timings_ms=timings,
    )


def labelled_fields(upright: Sequence[Word], labels: Sequence[str], *, region: str) -> dict:
    """The schema fields that ``upright`` words (:func:`upright_words`) spell under
    ``labels``: what a card says once a person has labelled its words. Assembled and
    validated exactly as :func:`extract` does."""
    regions = region_hints((w.text for w in upright), default=region)
    certain = Classification(labels=list(labels), scores=[1.0] * len(labels))
    fields, _ = validate(raw_values(upright, certain), regions=regions)
    return fields


def _merge_qr(raw: dict[str, list[RawValue]], qr_fields: dict) -> dict[str, list[RawValue]]:
    """QR values win for single fields and come first in lists; OCR fills the gaps."""
    merged = dict(raw)
    for name in FIELDS:
        value = qr_fields.get(name)
        if not value:
            continue
        qr_values = [RawValue(v, QR_CONFIDENCE) for v in (value if isinstance(value, list)
                                                          else [value])]
        merged[name] = qr_values + (raw.get(name, []) if isinstance(value, list) else [])
    return merged

"""The pipeline's one entry point: photo in, cards with validated fields out."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import cv2
import numpy as np
from PIL import Image

from bizcard.pipeline.assemble import RawValue, raw_values
from bizcard.pipeline.classify import get_classifier
from bizcard.pipeline.errors import PipelineError
from bizcard.pipeline.imageio import to_bgr
from bizcard.pipeline.layout import upright_words
from bizcard.pipeline.ocr import read_words, text_boxes, text_region
from bizcard.pipeline.preprocess import CardImage, card_around, find_cards, fit_within, grown
from bizcard.pipeline.qr import read_qr_fields
from bizcard.pipeline.regions import region_hints
from bizcard.pipeline.schema import FIELDS
from bizcard.pipeline.types import (
    CardResult,
    Classification,
    Extraction,
    OcrResult,
    Quad,
    Word,
)
from bizcard.pipeline.validate import validate

STAGES = ("preprocess", "qr", "ocr", "classify", "validate")
QR_CONFIDENCE = 0.99  # a QR code states its fields; OCR only reads them
# A read that finds fewer words than this, or text in less than this share of a whole
# photo, looks again where the text is (see read_card); the region gets a margin of this
# share of its longer side, for print the closer look still missed.
FEW_WORDS = 8
SMALL_TEXT_AREA = 0.2
ZOOM_MARGIN = 0.1
# A card found smaller than this share of the photo may be a picture or a panel on a card
# that fills the photo instead: it is read as the card only when no more than
# MAX_LINES_OUTSIDE lines of text lie outside every card found.
SURE_CARD_SHARE = 0.08
MAX_LINES_OUTSIDE = 2
# Text this close to an edge of a crop (a share of its height; of its width at the sides)
# may go on past it: a band or panel as dark as the table fell outside a card's outline, or
# the region where text was found missed the end of a line.
# The card is read again grown by GROW_SHARE on those sides, where that reads more (a word
# cut at the edge read whole).
EDGE_MARGIN = (0.02, 0.01)
GROW_SHARE = 0.25


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
    with clock.stage("ocr"):
        card_images = _cards_holding_the_text(card_images, photo, config)
    cards: list[CardResult] = []
    engines: list[str] = []
    for card_image in card_images:
        alone = len(card_images) == 1
        with clock.stage("qr"):
            qr_fields = read_qr_fields(card_image.image)
        with clock.stage("ocr"):
            card_image, ocr = read_card(card_image, photo, config, alone=alone)
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


def _cards_holding_the_text(card_images: list[CardImage], photo: np.ndarray,
                            config: PipelineConfig) -> list[CardImage]:
    """The cards found; or, when each is small (SURE_CARD_SHARE) and text lies outside them
    all, the whole photo: what was found is a picture or panel on a card."""
    quads = [np.array(card.quad, dtype=np.float32) for card in card_images
             if card.quad is not None]
    photo_area = photo.shape[0] * photo.shape[1]
    if not quads or max(map(cv2.contourArea, quads)) >= SURE_CARD_SHARE * photo_area:
        return card_images
    overview = fit_within(photo, config.max_side)
    scale = overview.shape[1] / photo.shape[1]
    outside = [box for box in text_boxes(overview, threads=config.ocr_threads)
               if all(cv2.pointPolygonTest(quad * scale, _centre(box), False) < 0
                      for quad in quads)]
    if len(outside) <= MAX_LINES_OUTSIDE:
        return card_images
    return [CardImage(overview, None)]


def _centre(quad: Quad) -> tuple[float, float]:
    xs, ys = zip(*quad, strict=True)
    return sum(xs) / 4, sum(ys) / 4


def read_card(card_image: CardImage, photo: np.ndarray, config: PipelineConfig, *,
              alone: bool) -> tuple[CardImage, OcrResult]:
    """OCR of one card image. When it reads too little (a card that fills a fraction of a
    photo and was not found, so its print was too small to read; or a crop that caught only
    a card's coloured band), the region of the photo where text is found in finer detail
    is read instead, at the photo's own resolution, if that reads more. Only for the one
    card of a photo (``alone``): the region would hold every card's text. Where text then
    touches an edge of the crop, the crop grown past that edge is read too, and kept if
    it reads more."""
    def read(image: np.ndarray) -> OcrResult:
        return read_words(image, engine=config.engine, language=config.language,
                          threads=config.ocr_threads)

    ocr = read(card_image.image)
    if alone and _reads_too_little(card_image, ocr.words):
        overview = fit_within(photo, config.max_side)
        region = text_region(text_boxes(overview, threads=config.ocr_threads))
        if region is not None:
            scale = photo.shape[1] / overview.shape[1]
            margin = ZOOM_MARGIN * max(region[2] - region[0], region[3] - region[1])
            zoomed = card_around(photo, tuple((v + d) * scale for v, d in zip(
                region, (-margin, -margin, margin, margin), strict=True)),
                max_side=config.max_side)
            zoomed_ocr = read(zoomed.image)
            if len(zoomed_ocr.words) > len(ocr.words):
                card_image, ocr = zoomed, zoomed_ocr
    sides = _sides_text_runs_past(card_image, ocr.words)
    if any(sides):
        wider = grown(card_image, photo, sides=sides, max_side=config.max_side)
        wider_ocr = read(wider.image)
        if _characters(wider_ocr.words) > _characters(ocr.words):
            card_image, ocr = wider, wider_ocr
    return card_image, ocr


def _sides_text_runs_past(card_image: CardImage, words: Sequence[Word]
                          ) -> tuple[float, float, float, float]:
    """GROW_SHARE for each side (top, right, bottom, left) of a crop that a word touches
    (EDGE_MARGIN); 0 for the others, and for a whole photo."""
    if card_image.quad is None or not words:
        return (0.0, 0.0, 0.0, 0.0)
    height, width = card_image.image.shape[:2]
    points = np.array([w.quad for w in words], dtype=np.float64).reshape(-1, 2)
    (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
    near_y, near_x = EDGE_MARGIN[0] * height, EDGE_MARGIN[1] * width
    touched = (y0 < near_y, x1 > width - near_x, y1 > height - near_y, x0 < near_x)
    return tuple(GROW_SHARE if side else 0.0 for side in touched)  # type: ignore[return-value]


def _characters(words: Sequence[Word]) -> int:
    return sum(len(word.text) for word in words)


def _reads_too_little(card_image: CardImage, words: Sequence[Word]) -> bool:
    """Fewer words than any card prints, or, on a whole photo, text in a small part of it."""
    if len(words) < FEW_WORDS:
        return True
    if card_image.quad is not None:
        return False
    points = np.array([w.quad for w in words], dtype=np.float64).reshape(-1, 2)
    spread = np.ptp(points, axis=0)
    height, width = card_image.image.shape[:2]
    return spread[0] * spread[1] < SMALL_TEXT_AREA * width * height


def labelled_fields(upright: Sequence[Word], labels: Sequence[str], *, region: str) -> dict:
    """The schema fields that ``upright`` words (:func:`upright_words`) spell under
    ``labels``: what a card says once a person has labelled its words. Assembled and
    validated exactly as :func:`extract` does."""
    regions = region_hints((w.text for w in upright), default=region)
    certain = Classification(labels=list(labels), scores=[1.0] * len(labels))
    fields, _ = validate(raw_values(upright, certain), regions=regions)
    return fields


def _merge_qr(raw: dict[str, list[RawValue]], qr_fields: dict) -> dict[str, list[RawValue]]:
    """QR values win for single fields and come first in lists; OCR fills the gaps. A
    plain link (no contact code) is the website only where none is printed and it leads
    to a site, not a page of one ("https://x.com/vcard" is a download, "x.com/card" a
    page of the site the card prints)."""
    merged = dict(raw)
    link_only = not any(qr_fields.get(name) for name in FIELDS if name != "websites")
    if link_only and (raw.get("websites") or any(
            urlsplit(url).path.strip("/") or urlsplit(url).query
            for url in qr_fields.get("websites", []))):
        return merged
    for name in FIELDS:
        value = qr_fields.get(name)
        if not value:
            continue
        qr_values = [RawValue(v, QR_CONFIDENCE) for v in (value if isinstance(value, list)
                                                          else [value])]
        merged[name] = qr_values + (raw.get(name, []) if isinstance(value, list) else [])
    return merged

"""OCR engines behind one interface, with script routing and fallback.

PP-OCR models (rapidocr, paddleocr) read Latin and CJK but turn Cyrillic into Latin
look-alikes, so Russian cards go to Tesseract: by the language setting, or in "auto" mode
when PP-OCR's read looks wrong and a Tesseract read (Russian + English) finds Cyrillic.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable

import numpy as np

from bizcard.pipeline.errors import OcrUnavailable, PipelineError
from bizcard.pipeline.ocr.base import OcrEngine
from bizcard.pipeline.types import OcrResult, Word

logger = logging.getLogger(__name__)

CYRILLIC_LANGUAGES = frozenset({"ru", "rus", "uk", "ukr", "be", "bg", "sr", "kk"})
CYRILLIC_TESSERACT_LANGUAGES = "rus+eng"
# Engines to try, in order, when the chosen one cannot run or crashes.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "rapidocr": ("rapidocr", "tesseract"),
    "paddleocr": ("paddleocr", "rapidocr", "tesseract"),
    "tesseract": ("tesseract", "rapidocr"),
}
MIN_PLAIN_WORDS = 3  # fewer plain-text words than this on a card means OCR lost lines
MIN_PLAIN_CONFIDENCE = 0.85  # PP-OCR's mean score on Latin and CJK cards is ~0.97
# Bare "." or "," words: 2+ on every Russian synthetic card, on no Latin or CJK card.
MIN_ORPHAN_PUNCTUATION = 2

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Letters outside Latin and CJK, e.g. Greek kappa read for Cyrillic "к".
FOREIGN_LETTER = re.compile(r"[\u0370-\u03ff]")
ORPHAN_PUNCTUATION = re.compile(r"^[.,:;«»\"„“”]+$")


def _rapidocr(threads: int) -> OcrEngine:
    from bizcard.pipeline.ocr.rapid import RapidOcrEngine

    return RapidOcrEngine(threads=threads)


def _paddleocr(threads: int) -> OcrEngine:
    from bizcard.pipeline.ocr.paddle import PaddleOcrEngine

    return PaddleOcrEngine(threads=threads)


def _tesseract(threads: int) -> OcrEngine:
    from bizcard.pipeline.ocr.tesseract import TesseractEngine

    return TesseractEngine(languages="eng")


def _tesseract_cyrillic(threads: int) -> OcrEngine:
    from bizcard.pipeline.ocr.tesseract import TesseractEngine

    return TesseractEngine(languages=CYRILLIC_TESSERACT_LANGUAGES)


ENGINES: dict[str, Callable[[int], OcrEngine]] = {
    "rapidocr": _rapidocr,
    "paddleocr": _paddleocr,
    "tesseract": _tesseract,
}
PP_OCR_ENGINES = frozenset({"rapidocr", "paddleocr"})


@functools.lru_cache(maxsize=8)
def get_engine(name: str, *, threads: int) -> OcrEngine:
    """A loaded engine, cached: loading models takes far longer than reading one card."""
    if name == "tesseract-cyrillic":
        return _tesseract_cyrillic(threads)
    if name not in ENGINES:
        raise PipelineError(
            f"Unknown OCR engine {name!r}; choose one of: {', '.join(ENGINES)}",
            code="unknown_engine",
        )
    return ENGINES[name](threads)


def detect_script(texts: Iterable[str]) -> str:
    """The dominant script of some text: "cyrillic", "cjk", "latin" or "unknown"."""
    text = "".join(texts)
    counts = {
        "cyrillic": len(CYRILLIC.findall(text)),
        "cjk": len(CJK.findall(text)),
        "latin": len(LATIN.findall(text)),
    }
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count else "unknown"


def read_words(image: np.ndarray, *, engine: str, language: str, threads: int) -> OcrResult:
    """Read a card with the configured engine, routed by script, falling back on failure."""
    if engine not in ENGINES:
        get_engine(engine, threads=threads)  # raises the unknown-engine error
    if language.lower() in CYRILLIC_LANGUAGES:
        words, used = _read_with_fallback(image, ("tesseract-cyrillic", "tesseract"), threads)
        return OcrResult(words, used, detect_script(w.text for w in words))
    words, used = _read_with_fallback(image, FALLBACKS[engine], threads)
    if language.lower() == "auto" and used in PP_OCR_ENGINES and _maybe_misread_script(words):
        try:
            second_read = get_engine("tesseract-cyrillic", threads=threads).read(image)
        except OcrUnavailable as exc:
            logger.warning("Cannot check the card for Cyrillic text: %s", exc.message)
        else:
            if detect_script(w.text for w in second_read if _is_plain(w.text)) == "cyrillic":
                return OcrResult(second_read, "tesseract", "cyrillic")
    return OcrResult(words, used, detect_script(w.text for w in words))


def _read_with_fallback(
    image: np.ndarray, order: tuple[str, ...], threads: int
) -> tuple[list[Word], str]:
    errors: list[str] = []
    for name in order:
        try:
            return get_engine(name, threads=threads).read(image), name.split("-")[0]
        except OcrUnavailable as exc:
            errors.append(f"{name}: {exc.message}")
        except Exception as exc:  # an engine crash must not lose the card: try the next one
            logger.exception("OCR engine %s failed", name)
            errors.append(f"{name}: {exc}")
    raise OcrUnavailable("No OCR engine could read the image. " + " | ".join(errors))


def _is_plain(text: str) -> bool:
    """A word of prose: no e-mail, web address or number (those are Latin on any card), and
    at least two letters (a lone "A" or "W:" says nothing about the script)."""
    return (
        "@" not in text
        and "." not in text[1:-1]
        and not any(c.isdigit() for c in text)
        and len(LETTER.findall(text)) >= 2
    )


def _maybe_misread_script(words: list[Word]) -> bool:
    """Whether PP-OCR's read looks like a script its models lack (Cyrillic).

    PP-OCR drops most Cyrillic lines (low scores) and spells the rest with unsure Latin or
    Greek look-alikes, while it reads Latin and CJK cards with scores near 1. So: few plain
    words, unsure plain words, or letters from neither Latin nor CJK call for a second read,
    and so do lines that kept only their punctuation ("ул. Ленина, д. 5" reads ". , . 5").
    """
    plain = [w for w in words if _is_plain(w.text)]
    if detect_script(w.text for w in plain) == "cjk":
        return False  # a CJK card, however short, is PP-OCR's own script; a stray 山 is not
    if len(plain) < MIN_PLAIN_WORDS:
        return True
    if sum(bool(ORPHAN_PUNCTUATION.match(w.text)) for w in words) >= MIN_ORPHAN_PUNCTUATION:
        return True
    if any(FOREIGN_LETTER.search(w.text) for w in plain):
        return True
    return sum(w.confidence for w in plain) / len(plain) < MIN_PLAIN_CONFIDENCE

"""Debian's Tesseract: the engine that reads Cyrillic here (PP-OCR models cannot)."""

from __future__ import annotations

import shutil

import numpy as np

from bizcard.pipeline.errors import OcrUnavailable
from bizcard.pipeline.ocr import CYRILLIC
from bizcard.pipeline.ocr.words import read_turned
from bizcard.pipeline.preprocess import fit_within
from bizcard.pipeline.types import Word

# Sparse text: cards are scattered blocks, not paragraphs (psm 11 found more than psm 3).
TESSERACT_CONFIG = "--psm 11"
# Orientation detection needs a sample of characters, not every pixel: ~3x faster at 1000 px.
ORIENTATION_SIDE = 1000
ORIENTATION_CONFIG = "--psm 0 -c min_characters_to_try=10"
MIN_ORIENTATION_CONFIDENCE = 1.0  # below it Tesseract guesses: leave the card as it is
# Latin letters drawn like Cyrillic ones. Reading rus+eng, Tesseract mixes them into Russian
# words ("Cоколов") and reads the legal form "ООО" as Latin "OOO".
LATIN_LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
LATIN_LEGAL_FORMS = frozenset({"OOO", "OAO", "AO"})  # ООО, ОАО, АО spelled in Latin


class TesseractEngine:
    name = "tesseract"

    def __init__(self, *, languages: str = "eng") -> None:
        try:
            import pytesseract
        except ImportError as exc:
            raise OcrUnavailable("pytesseract is not installed: pip install pytesseract") from exc
        if shutil.which("tesseract") is None:
            raise OcrUnavailable(
                "The tesseract program is missing: apt-get install tesseract-ocr "
                "tesseract-ocr-eng tesseract-ocr-rus"
            )
        installed = set(pytesseract.get_languages(config=""))
        missing = [lang for lang in [*languages.split("+"), "osd"] if lang not in installed]
        if missing:
            raise OcrUnavailable(
                f"Tesseract language data missing: {', '.join(missing)} "
                f"(apt-get install {' '.join('tesseract-ocr-' + m for m in missing)})"
            )
        self._pytesseract = pytesseract
        self.languages = languages

    def read(self, image: np.ndarray) -> list[Word]:
        """Words with boxes on ``image``; a card shot sideways or upside down is turned
        upright first (Tesseract reads upright text only), its boxes turned back."""
        return read_turned(image, self._upright_turn(image), self._read_upright)

    def _upright_turn(self, image: np.ndarray) -> int:
        """Clockwise degrees (0, 90, 180, 270) that make the text upright (Tesseract OSD)."""
        sample = np.ascontiguousarray(fit_within(image, ORIENTATION_SIDE)[:, :, ::-1])
        try:
            found = self._pytesseract.image_to_osd(
                sample, config=ORIENTATION_CONFIG, output_type=self._pytesseract.Output.DICT
            )
        except self._pytesseract.TesseractError:  # too few characters to tell
            return 0
        if float(found["orientation_conf"]) < MIN_ORIENTATION_CONFIDENCE:
            return 0
        return int(found["rotate"]) % 360

    def _read_upright(self, image: np.ndarray) -> list[Word]:
        rgb = np.ascontiguousarray(image[:, :, ::-1])
        data = self._pytesseract.image_to_data(
            rgb,
            lang=self.languages,
            config=TESSERACT_CONFIG,
            output_type=self._pytesseract.Output.DICT,
        )
        line_ids: dict[tuple[int, int, int], int] = {}
        words: list[Word] = []
        for n, text in enumerate(data["text"]):
            confidence = float(data["conf"][n])
            if not text.strip() or confidence < 0:
                continue
            key = (data["block_num"][n], data["par_num"][n], data["line_num"][n])
            line = line_ids.setdefault(key, len(line_ids))
            x, y = float(data["left"][n]), float(data["top"][n])
            w, h = float(data["width"][n]), float(data["height"][n])
            quad = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
            text = text.strip()
            if "rus" in self.languages.split("+"):
                text = _cyrillic_lookalikes(text)
            words.append(Word(text, quad, confidence / 100.0, line))
        return words


def _cyrillic_lookalikes(word: str) -> str:
    """A Russian word with its Latin look-alike letters made Cyrillic; other words, and any
    word that may hold an e-mail or web address (always Latin), as read."""
    if any(mark in word for mark in ("@", "/", "www")):
        return word
    if CYRILLIC.search(word) or word.strip("«»\"") in LATIN_LEGAL_FORMS:
        return word.translate(LATIN_LOOKALIKES)
    return word

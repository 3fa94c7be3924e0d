"""Debian's Tesseract: the engine that reads Cyrillic here (PP-OCR models cannot)."""

from __future__ import annotations

import re
import shutil
import unicodedata

import cv2
import numpy as np

from bizcard.pipeline.errors import OcrUnavailable
from bizcard.pipeline.lexicon import CYRILLIC, LATIN_LOOKALIKES
from bizcard.pipeline.ocr.words import read_turned
from bizcard.pipeline.preprocess import fit_within
from bizcard.pipeline.types import Word

# Sparse text: cards are scattered blocks, not paragraphs (psm 11 found more than psm 3).
TESSERACT_CONFIG = "--psm 11"
# Orientation detection needs a sample of characters, not every pixel: ~3x faster at 1000 px.
ORIENTATION_SIDE = 1000
ORIENTATION_CONFIG = "--psm 0 -c min_characters_to_try=10"
MIN_ORIENTATION_CONFIDENCE = 1.0  # below it Tesseract guesses: leave the card as it is
# One line read on its own: a single text line, enlarged to a height Tesseract reads best,
# with a margin around it; words it is unsure of (below 30 of 100) are dropped.
LINE_CONFIG = "--psm 7"
RAW_LINE_CONFIG = "--psm 13"
# Letters per line height of a line's width: print holds about 1.5; a line read with fewer
# than MIN is read again on its own, one read alone with fewer than FULL as raw text too.
MIN_LETTERS_PER_HEIGHT = 0.5
FULL_LETTERS_PER_HEIGHT = 1.0
LETTER = re.compile(r"[^\W\d_]")
LINE_HEIGHT = 64  # px a line box is enlarged to: Tesseract reads letters ~30 px tall best
DENOISE_STRENGTH = 15  # non-local means filter strength on 0-255 grey
PAPER_KERNEL = 31  # px, on a line enlarged to LINE_HEIGHT: wider than any stroke
LINE_PAD = 0.25
MIN_LINE_CONFIDENCE = 30.0
MAX_PIECE_GAP = 2.0  # line heights between two pieces of one printed line
MIN_PIECE_OVERLAP = 0.5  # of the shorter piece's height
# Reading rus+eng, Tesseract mixes Latin look-alike letters (lexicon.LATIN_LOOKALIKES) into
# Russian words ("Cоколов") and reads the legal form "ООО" as Latin "OOO".
LATIN_LEGAL_FORMS = frozenset({"OOO", "OAO", "AO"})  # ООО, ОАО, АО spelled in Latin
CYRILLIC_DATA = frozenset({"rus", "ukr", "bul", "srp", "bel"})
GREEK_BREATHINGS = re.compile("[\u0313\u0314]")  # polytonic marks monotonic Greek has not


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
                "tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-ell tesseract-ocr-ukr "
                "tesseract-ocr-bul tesseract-ocr-srp tesseract-ocr-bel"
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

    def read(self, image: np.ndarray, *, turn_hint: int = 0) -> list[Word]:
        """Words with boxes on ``image``; a card shot sideways or upside down is turned
        upright first (Tesseract reads upright text only), its boxes turned back.
        ``turn_hint``: the clockwise turn another engine found upright, taken where
        Tesseract's own orientation detection is unsure."""
        return read_turned(image, self._upright_turn(image, unsure=turn_hint),
                           self._read_upright)

    def _upright_turn(self, image: np.ndarray, *, unsure: int) -> int:
        """Clockwise degrees (0, 90, 180, 270) that make the text upright (Tesseract OSD),
        or ``unsure`` where OSD cannot tell."""
        sample = np.ascontiguousarray(fit_within(image, ORIENTATION_SIDE)[:, :, ::-1])
        try:
            found = self._pytesseract.image_to_osd(
                sample, config=ORIENTATION_CONFIG, output_type=self._pytesseract.Output.DICT
            )
        except self._pytesseract.TesseractError:  # too few characters to tell
            return unsure
        if float(found["orientation_conf"]) < MIN_ORIENTATION_CONFIDENCE:
            return unsure
        return int(found["rotate"]) % 360

    def read_line(self, image: np.ndarray, box: tuple[float, float, float, float], *,
                  line: int) -> list[Word]:
        """The words of one upright text line inside ``box`` (``x0, y0, x1, y1``) of
        ``image``, read on their own: a coloured or small line Tesseract loses among the
        card's other print. Words come back on ``image`` with line number ``line``."""
        height = box[3] - box[1]
        pad = LINE_PAD * height
        x0, y0 = max(0, int(box[0] - pad)), max(0, int(box[1] - pad))
        crop = image[y0:int(box[3] + pad) + 1, x0:int(box[2] + pad) + 1]
        if crop.size == 0 or height <= 0:
            return []
        scale = max(1.0, LINE_HEIGHT / height)
        ink = ink_contrast(crop, scale=scale)
        words = self._words(ink, LINE_CONFIG, min_confidence=MIN_LINE_CONFIDENCE)
        # A shadow's edge across the line loses Tesseract its letters, in its line layout
        # analysis too: where it reads too few, the line evenly lit, then as raw text.
        full = FULL_LETTERS_PER_HEIGHT * (box[2] - box[0]) / height
        for again, config in ((evenly_lit, LINE_CONFIG), (lambda same: same, RAW_LINE_CONFIG)):
            if letter_count(words) >= full:
                break
            words = max(words, self._words(again(ink), config, min_confidence=MIN_LINE_CONFIDENCE),
                        key=letter_count)
        return [Word(w.text, tuple((x0 + x / scale, y0 + y / scale) for x, y in w.quad),
                     w.confidence, line) for w in words]  # type: ignore[arg-type]

    def _read_upright(self, image: np.ndarray) -> list[Word]:
        return _level_pieces_joined(
            self._words(image[:, :, ::-1], TESSERACT_CONFIG, min_confidence=0.0))

    def _words(self, image: np.ndarray, config: str, *, min_confidence: float) -> list[Word]:
        """Tesseract's words on ``image`` (RGB or grey) at or above ``min_confidence``."""
        data = self._pytesseract.image_to_data(
            np.ascontiguousarray(image),
            lang=self.languages,
            config=config,
            output_type=self._pytesseract.Output.DICT,
        )
        line_ids: dict[tuple[int, int, int], int] = {}
        words: list[Word] = []
        for n, text in enumerate(data["text"]):
            confidence = float(data["conf"][n])
            if not text.strip() or confidence < 0 or confidence < min_confidence:
                continue
            key = (data["block_num"][n], data["par_num"][n], data["line_num"][n])
            line = line_ids.setdefault(key, len(line_ids))
            x, y = float(data["left"][n]), float(data["top"][n])
            w, h = float(data["width"][n]), float(data["height"][n])
            quad = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
            text = text.strip()
            if CYRILLIC_DATA & set(self.languages.split("+")):
                text = _cyrillic_lookalikes(text)
            if "ell" in self.languages.split("+"):
                text = _monotonic_greek(text)
            words.append(Word(text, quad, confidence / 100.0, line))
        return words


def _level_pieces_joined(words: list[Word]) -> list[Word]:
    """Words with the pieces of one printed line made one line again. Sparse-text mode
    (psm 11) gives a line broken at a wide space, or a short word ("г", "и") whose box
    sits apart, a line of its own; the card's reading order then lost their place. Two
    pieces are one line where they share most of the shorter one's height and the gap between
    them is at most MAX_PIECE_GAP line heights: a column beside holds farther off."""
    pieces: dict[int, list[Word]] = {}
    for word in words:
        pieces.setdefault(word.line, []).append(word)
    spans = {line: (min(w.box[0] for w in ws), min(w.box[1] for w in ws),
                    max(w.box[2] for w in ws), max(w.box[3] for w in ws))
             for line, ws in pieces.items()}
    joined = {line: line for line in spans}

    def root(line: int) -> int:
        while joined[line] != line:
            line = joined[line]
        return line

    ordered = sorted(spans, key=lambda line: spans[line][0])
    for position, left in enumerate(ordered):
        _, ly0, lx1, ly1 = spans[left]
        for right in ordered[position + 1:]:
            rx0, ry0, rx1, ry1 = spans[right]
            height = max(ly1 - ly0, ry1 - ry0)
            shared = min(ly1, ry1) - max(ly0, ry0)
            if rx0 - lx1 <= MAX_PIECE_GAP * height and rx1 > lx1 and \
                    shared >= MIN_PIECE_OVERLAP * min(ly1 - ly0, ry1 - ry0):
                joined[root(right)] = root(left)
    return [Word(w.text, w.quad, w.confidence, root(w.line)) for w in words]


def ink_contrast(image: np.ndarray, *, scale: float) -> np.ndarray:
    """A grey image of one line for Tesseract, enlarged ``scale`` times, in which coloured
    print stays dark: the darkest of the three channels (teal or red ink is dark in one of
    them, paper in none), with the sensor's grain and a card's fine texture smoothed away
    (Tesseract reads them as letters on a dim photo) and its contrast stretched to full
    range. On a whole card the smoothing would cost seconds."""
    darkest = image.min(axis=2) if image.ndim == 3 else image
    enlarged = cv2.resize(darkest, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    smooth = cv2.fastNlMeansDenoising(enlarged, None, h=DENOISE_STRENGTH)
    return cv2.normalize(smooth, None, 0, 255, cv2.NORM_MINMAX)


def evenly_lit(ink: np.ndarray) -> np.ndarray:
    """``ink`` (see ink_contrast) with the paper's light as it falls divided out (a shadow's
    edge across the line), the paper found by closing over the print; for dark print."""
    paper = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((PAPER_KERNEL,) * 2, np.uint8))
    return cv2.divide(ink, np.maximum(paper, 1), scale=255)


def _cyrillic_lookalikes(word: str) -> str:
    """A Russian word with its Latin look-alike letters made Cyrillic; other words, and any
    word that may hold an e-mail or web address (always Latin), as read."""
    if any(mark in word for mark in ("@", "/", "www")):
        return word
    if CYRILLIC.search(word) or word.strip("«»\"") in LATIN_LEGAL_FORMS:
        return word.translate(LATIN_LOOKALIKES)
    return word


def _monotonic_greek(word: str) -> str:
    """A Greek word as cards print it (monotonic): Tesseract's Greek data reads breathing
    marks ("Ἐρμού", "Ῥοδάνθη") and the micro sign for "μ" ("Τµήµα")."""
    decomposed = unicodedata.normalize("NFD", word.replace("µ", "μ"))
    return unicodedata.normalize("NFC", GREEK_BREATHINGS.sub("", decomposed))


def letter_count(words: list[Word]) -> int:
    """How many letters (of any script) the words hold."""
    return sum(len(LETTER.findall(w.text)) for w in words)

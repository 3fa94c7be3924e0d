"""OCR engines behind one interface, with script routing and fallback.

PP-OCR models (rapidocr, paddleocr) read Latin and CJK but turn Cyrillic and Greek into
Latin look-alikes, so Russian and Greek cards go to Tesseract: by the language setting, or in
"auto" mode when PP-OCR's read looks wrong and a Tesseract read (Russian + English, or Greek
+ English where the card's numbers or domains are Greek) finds that script. In that case the
e-mails, web addresses and numbers PP-OCR read replace Tesseract's: they are Latin and
digits on any card, which PP-OCR reads better (Tesseract reading rus+eng turns a 3 into "З"
and a 0 into "О").
"""

from __future__ import annotations

import functools
import itertools
import logging
import math
import re
from collections.abc import Callable, Iterable

import cv2
import numpy as np

from bizcard.pipeline.errors import OcrUnavailable, PipelineError
from bizcard.pipeline.layout import text_angle
from bizcard.pipeline.lexicon import CJK, CYRILLIC, GREEK, LATIN, contact_label
from bizcard.pipeline.ocr.base import OcrEngine
from bizcard.pipeline.ocr.tesseract import LETTER, MIN_LETTERS_PER_HEIGHT, letter_count
from bizcard.pipeline.patterns import EMAIL, URL, digit_count
from bizcard.pipeline.preprocess import levelled, moved_quad
from bizcard.pipeline.types import OcrResult, Quad, Word

logger = logging.getLogger(__name__)

# The Tesseract engine for each language setting that names a script PP-OCR lacks. Each
# Cyrillic language has its own data: Russian data cannot spell Ukrainian "і", "ї", "є"
# (it reads "1", "!" and "е") nor Bulgarian words it does not know.
LANGUAGE_READS = {
    **dict.fromkeys(("ru", "rus", "kk"), "tesseract-cyrillic"),
    **dict.fromkeys(("uk", "ukr"), "tesseract-ukrainian"),
    **dict.fromkeys(("bg", "bul"), "tesseract-bulgarian"),
    **dict.fromkeys(("sr", "srp"), "tesseract-serbian"),
    **dict.fromkeys(("be", "bel"), "tesseract-belarusian"),
    **dict.fromkeys(("el", "ell", "gr"), "tesseract-greek"),
}
# The second read's Tesseract engine for each script PP-OCR lacks.
SECOND_READS = {"cyrillic": "tesseract-cyrillic", "greek": "tesseract-greek"}
TESSERACT_LANGUAGES = {
    "tesseract-cyrillic": "rus+eng",
    "tesseract-ukrainian": "ukr+eng",
    "tesseract-bulgarian": "bul+eng",
    "tesseract-serbian": "srp+eng",
    "tesseract-belarusian": "bel+eng",
    "tesseract-greek": "ell+eng",
}
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
# A Tesseract read with at least this share of Cyrillic (Greek) letters, and this many, is
# a Cyrillic (Greek) card's: Russian cards' reads have 0.5-1.0. Its reads of a few Latin
# cards have as much (garbage from print it cannot read), but PP-OCR reads those well:
# none of ~650 Latin-script cards in three test sets went to Tesseract.
MIN_SCRIPT_SHARE = 0.3
MIN_SCRIPT_LETTERS = 8

SCRIPT_LETTERS = {"cyrillic": CYRILLIC, "greek": GREEK}
# Letters outside Latin and CJK, e.g. Greek kappa read for Cyrillic "к".
FOREIGN_LETTER = re.compile(r"[\u0370-\u03ff]")
ORPHAN_PUNCTUATION = re.compile(r"^[.,:;«»\"„“”]+$")
# A number or domain of a country whose cards are printed in Cyrillic: "+7 495 ...",
# "ivanov@romashka.ru". PP-OCR may drop every Cyrillic line of such a card and read the
# rest with full confidence.
CYRILLIC_COUNTRY_HINT = re.compile(
    r"^\+(?:7|359|375|380)(?![^\d\s(-])|\.(?:ru|su|рф|by|kz|ua|bg)(?![\w.-])", re.IGNORECASE)
# A Cyrillic card's country by its numbers or domains, for the Tesseract data that knows
# its language; Russian where none says (Russia's and Kazakhstan's cards print Russian).
CYRILLIC_COUNTRY_READS = (
    (re.compile(r"^\+380(?![^\d\s(-])|\.(?:ua|укр)(?![\w.-])", re.IGNORECASE),
     "tesseract-ukrainian"),
    (re.compile(r"^\+359(?![^\d\s(-])|\.(?:bg|бг)(?![\w.-])", re.IGNORECASE),
     "tesseract-bulgarian"),
    (re.compile(r"^\+381(?![^\d\s(-])|\.(?:rs|срб)(?![\w.-])", re.IGNORECASE),
     "tesseract-serbian"),
    (re.compile(r"^\+375(?![^\d\s(-])|\.(?:by|бел)(?![\w.-])", re.IGNORECASE),
     "tesseract-belarusian"),
)
GREEK_COUNTRY_HINT = re.compile(r"^\+(?:30|357)(?![^\d\s(-])|\.(?:gr|cy)(?![\w.-])",
                                re.IGNORECASE)
# A piece of a phone number as PP-OCR reads it: "+7", "(495)", "123-45-67".
NUMBER_PIECE = re.compile(r"\+\d{1,3}|[+(]?[\d()\-./]*\d[\d()\-./]*\d[\d()\-./]*")
# A line of phone numbers is mostly number pieces ("Тел.: +7 (495) 123-45-67"); an address
# line with a house number and postcode ("ул. Ленина, д. 5, 101000") is mostly words.
MIN_NUMBER_LINE_SHARE = 0.6
MIN_NUMBER_LINE_DIGITS = 10  # Russian numbers have 10 or 11; a postcode and house number fewer
MIN_SHARED_AREA = 0.5  # of the smaller box: a PP-OCR word and a Tesseract word that overlap
MAX_LINE_TILT = 20.0  # degrees off upright within which PP-OCR's line boxes are re-read
# A line box that Tesseract's words cover less of than this is read again on its own.
MIN_COVERED_LINE = 0.75
MIN_TILT = 1.0  # degrees; a flatter tilt Tesseract reads through


def _rapidocr(threads: int) -> OcrEngine:
    from bizcard.pipeline.ocr.rapid import RapidOcrEngine

    return RapidOcrEngine(threads=threads)


def _paddleocr(threads: int) -> OcrEngine:
    from bizcard.pipeline.ocr.paddle import PaddleOcrEngine

    return PaddleOcrEngine(threads=threads)


def _tesseract(threads: int) -> OcrEngine:
    from bizcard.pipeline.ocr.tesseract import TesseractEngine

    return TesseractEngine(languages="eng")


ENGINES: dict[str, Callable[[int], OcrEngine]] = {
    "rapidocr": _rapidocr,
    "paddleocr": _paddleocr,
    "tesseract": _tesseract,
}
PP_OCR_ENGINES = frozenset({"rapidocr", "paddleocr"})


@functools.lru_cache(maxsize=8)
def get_engine(name: str, *, threads: int) -> OcrEngine:
    """A loaded engine, cached: loading models takes far longer than reading one card."""
    if name in TESSERACT_LANGUAGES:
        from bizcard.pipeline.ocr.tesseract import TesseractEngine

        return TesseractEngine(languages=TESSERACT_LANGUAGES[name])
    if name not in ENGINES:
        raise PipelineError(
            f"Unknown OCR engine {name!r}; choose one of: {', '.join(ENGINES)}",
            code="unknown_engine",
        )
    return ENGINES[name](threads)


def detect_script(texts: Iterable[str]) -> str:
    """The dominant script of some text: "cyrillic", "greek", "cjk", "latin" or
    "unknown"."""
    text = "".join(texts)
    counts = {
        "cyrillic": len(CYRILLIC.findall(text)),
        "greek": len(GREEK.findall(text)),
        "cjk": len(CJK.findall(text)),
        "latin": len(LATIN.findall(text)),
    }
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count else "unknown"


def read_words(image: np.ndarray, *, engine: str, language: str, threads: int) -> OcrResult:
    """Read a card with the configured engine, routed by script, falling back on failure."""
    if engine not in ENGINES:
        get_engine(engine, threads=threads)  # raises the unknown-engine error
    if language.lower() in LANGUAGE_READS:
        reader = LANGUAGE_READS[language.lower()]
        # Where a Cyrillic language's data is missing, Russian reads its letters best.
        fallback = () if reader == "tesseract-greek" else ("tesseract-cyrillic",)
        order = tuple(dict.fromkeys((reader, *fallback, "tesseract")))
        words, used = _read_with_fallback(image, order, threads)
        return OcrResult(words, used, detect_script(w.text for w in words))
    words, used = _read_with_fallback(image, FALLBACKS[engine], threads)
    if language.lower() == "auto" and used in PP_OCR_ENGINES and _maybe_misread_script(words):
        script = "greek" if any(GREEK_COUNTRY_HINT.search(w.text) for w in words) else \
            "cyrillic"
        boxes = text_boxes(image, threads=threads)
        level, back = levelled(image, _tilt(boxes))
        to_level = cv2.invertAffineTransform(back)
        try:
            reader_name, reader = _second_reader(script, words, threads)
            second_read = reader.read(level, turn_hint=_upright_turn(words))  # type: ignore[call-arg]
        except OcrUnavailable as exc:
            logger.warning("Cannot check the card for %s text: %s", script, exc.message)
        else:
            # Where the page read found no such script, it read noise (a dim or textured
            # card): the lines PP-OCR's detector finds are read one by one instead.
            if not _reads_script(second_read, script):
                second_read = []
            second_read = _with_lines_tesseract_missed(
                level, second_read, [_moved(w, to_level) for w in words],
                [moved_quad(quad, to_level) for quad in boxes], threads, engine=reader_name)
            if _reads_script(second_read, script):
                second_read = [_moved(w, back) for w in second_read]
                return OcrResult(_with_latin_values(second_read, words), "tesseract", script)
    return OcrResult(words, used, detect_script(w.text for w in words))


def text_boxes(image: np.ndarray, *, threads: int) -> list[Quad]:
    """PP-OCR's detector's text lines on ``image``, in any script, found in finer detail
    than a read looks (small print on a card that fills a fraction of a photo); none
    without rapidocr."""
    try:
        return get_engine("rapidocr", threads=threads).text_boxes(image)  # type: ignore[attr-defined]
    except OcrUnavailable:
        return []


def _tilt(boxes: list[Quad]) -> float:
    """Degrees (counter-clockwise) that bring a card's text lines level within their quarter
    turn: the median of the lines' slopes weighted by length (a card in perspective slopes
    unevenly); none below MIN_TILT. Tesseract's page layout breaks a line that slopes by a
    few degrees into pieces and cuts words at the breaks ("Никол", "аи Степ")."""
    slopes = []
    for (x0, y0), (x1, y1), (x2, y2), (x3, y3) in boxes:
        angle = math.degrees(math.atan2(y1 - y0 + y2 - y3, x1 - x0 + x2 - x3))
        slopes.append((angle - round(angle / 90) * 90, math.hypot(x1 - x0, y1 - y0)))
    if not slopes:
        return 0.0
    slopes.sort()
    half = sum(length for _, length in slopes) / 2
    reach = itertools.accumulate(length for _, length in slopes)
    tilt = next(angle for (angle, _), total in zip(slopes, reach, strict=True) if total >= half)
    return tilt if abs(tilt) >= MIN_TILT else 0.0


def _moved(word: Word, matrix: np.ndarray) -> Word:
    return Word(word.text, moved_quad(word.quad, matrix), word.confidence, word.line)


def _second_reader(script: str, words: list[Word], threads: int) -> tuple[str, OcrEngine]:
    """The Tesseract engine for a card in ``script`` that PP-OCR misread: on a Cyrillic
    card, the language of the country its numbers or domains name, where that language's
    data is installed; Russian otherwise."""
    if script == "cyrillic":
        for country, name in CYRILLIC_COUNTRY_READS:
            if any(country.search(w.text) for w in words):
                try:
                    return name, get_engine(name, threads=threads)
                except OcrUnavailable as exc:
                    logger.warning("Reading the card as Russian: %s", exc.message)
                break
    name = SECOND_READS[script]
    return name, get_engine(name, threads=threads)


def text_region(boxes: list[Quad]) -> tuple[int, int, int, int] | None:
    """The box ``(x0, y0, x1, y1)`` around text lines' ``boxes``; None when there are
    none."""
    if not boxes:
        return None
    points = np.array(boxes, dtype=np.float64).reshape(-1, 2)
    x0, y0 = points.min(axis=0)
    x1, y1 = points.max(axis=0)
    return int(x0), int(y0), int(np.ceil(x1)), int(np.ceil(y1))


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


def _with_lines_tesseract_missed(image: np.ndarray, second_read: list[Word],
                                 latin_read: list[Word], boxes: list[Quad], threads: int, *,
                                 engine: str) -> list[Word]:
    """Tesseract's read with the text lines PP-OCR's detector finds that it did not read
    (coloured or small print; Russian field text found on an independent test set: 0.50
    of it before, 0.57 after), or read only part of ("Ермакова Викто" of "Ермакова
    Виктория Геннадиевна") or with too few letters for its width ("ВИЧ" of a name across a
    shadow's edge), each read by Tesseract on its own; a line's own read replaces
    the part where it reads more letters. Lines where PP-OCR read numbers, e-mails or web
    addresses are left out: its reading of those is kept anyway. Only on an upright card:
    Tesseract reads upright lines only."""
    if abs(text_angle(latin_read)) > MAX_LINE_TILT:
        return second_read
    line_reader = get_engine(engine, threads=threads)
    latin_values = _latin_values(latin_read)
    words = list(second_read)
    next_line = max((w.line for w in second_read), default=0) + 1
    for quad in boxes:
        points = np.array(quad, dtype=np.float64)
        (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
        line = Word("", ((x0, y0), (x1, y0), (x1, y1), (x0, y1)), 1.0, 0)
        # Words of the lines above and below may touch the box: only words mostly in it.
        read = [word for word in words if _shared_area(line, word) >= MIN_SHARED_AREA]
        if x1 - x0 < y1 - y0 or any(_shared_area(line, word) >= MIN_SHARED_AREA
                                    for word in latin_values) \
                or (_covered_width(line, read) >= MIN_COVERED_LINE
                    and letter_count(read) >= MIN_LETTERS_PER_HEIGHT * (x1 - x0) / (y1 - y0)):
            continue
        own = line_reader.read_line(image, (x0, y0, x1, y1), line=next_line)  # type: ignore[attr-defined]
        if letter_count(own) > letter_count(read):
            words = [word for word in words if word not in read] + own
            next_line += 1
    return words


def _covered_width(line: Word, words: list[Word]) -> float:
    """The share of a line box's width that ``words`` cover."""
    x0, _, x1, _ = line.box
    spans = sorted((max(x0, w.box[0]), min(x1, w.box[2])) for w in words)
    covered, reach = 0.0, x0
    for start, end in spans:
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return covered / max(x1 - x0, 1.0)


def _latin_values(latin_read: list[Word]) -> list[Word]:
    """PP-OCR's e-mails, web addresses, and number pieces and contact labels on lines that
    are mostly numbers: Latin and digits on any card, which PP-OCR reads better than
    Tesseract, and a label ("ф." read "Φ.") Tesseract may lose beside them."""
    lines: dict[int, list[Word]] = {}
    for word in latin_read:
        lines.setdefault(word.line, []).append(word)
    number_lines = {line for line, words in lines.items() if _is_number_line(words)}
    return [w for w in latin_read
            if EMAIL.fullmatch(w.text) or URL.fullmatch(w.text)
            or (w.line in number_lines and (NUMBER_PIECE.fullmatch(w.text)
                                            or contact_label(w.text)))]


def _with_latin_values(second_read: list[Word], latin_read: list[Word]) -> list[Word]:
    """Tesseract's words, with PP-OCR's e-mails, web addresses and number pieces in place
    of the Tesseract words they cover; each takes the line of the word it replaces most.
    PP-OCR's contact labels are taken only where Tesseract read nothing, on the line its
    numbers took."""
    taken = _latin_values(latin_read)
    replaced: set[int] = set()
    merged: list[Word] = []
    new_line = max((w.line for w in second_read), default=0) + 1
    lines_taken: dict[int, int] = {}  # PP-OCR's line: the line its numbers took
    labels = [w for w in taken if contact_label(w.text)]
    for latin in [w for w in taken if w not in labels]:
        shared = [(_shared_area(latin, word), index) for index, word in enumerate(second_read)]
        covered = [(area, index) for area, index in shared if area >= MIN_SHARED_AREA]
        replaced.update(index for _, index in covered)
        line = second_read[max(covered)[1]].line if covered else new_line + latin.line
        lines_taken.setdefault(latin.line, line)
        merged.append(Word(latin.text, latin.quad, latin.confidence, line))
    kept = [word for index, word in enumerate(second_read) if index not in replaced]
    for label in labels:
        if all(_shared_area(label, word) < MIN_SHARED_AREA for word in kept + merged):
            line = lines_taken.get(label.line, new_line + label.line)
            merged.append(Word(label.text, label.quad, label.confidence, line))
    return kept + merged


def _is_number_line(words: list[Word]) -> bool:
    pieces = [w.text for w in words if NUMBER_PIECE.fullmatch(w.text)]
    share = sum(map(len, pieces)) / max(1, sum(len(w.text) for w in words))
    return digit_count("".join(pieces)) >= MIN_NUMBER_LINE_DIGITS and share >= MIN_NUMBER_LINE_SHARE


def _shared_area(a: Word, b: Word) -> float:
    """The area two words' quads share, as a share of the smaller quad's (the boxes around
    the words of a tilted card overlap where the words do not)."""
    quad_a, quad_b = (np.array(w.quad, dtype=np.float32) for w in (a, b))
    shared, _ = cv2.intersectConvexConvex(quad_a, quad_b)
    if shared <= 0:
        return 0.0
    return shared / max(min(cv2.contourArea(quad_a), cv2.contourArea(quad_b)), 1.0)


def _is_plain(text: str) -> bool:
    """A word of prose: no e-mail, web address or number (those are Latin on any card), and
    at least two letters (a lone "A" or "W:" says nothing about the script)."""
    return (
        "@" not in text
        and "." not in text[1:-1]
        and not any(c.isdigit() for c in text)
        and len(LETTER.findall(text)) >= 2
    )


def _upright_turn(words: list[Word]) -> int:
    """The clockwise quarter turns (0, 90, 180, 270) that make a card upright, as PP-OCR's
    words lie on it: its detector finds lines in any script, and its angle classifier
    votes over all of them, where Tesseract's orientation detection needs legible text."""
    if len(words) < MIN_PLAIN_WORDS:
        return 0
    return round(-text_angle(words) / 90) * 90 % 360


def _reads_script(words: list[Word], script: str) -> bool:
    """Whether a Tesseract read of a card finds text in ``script`` ("cyrillic", "greek"):
    a share of its plain words' letters, not the majority, since a Russian card may print
    as many Latin letters (names in e-mails, a Latin brand) as Cyrillic ones."""
    text = "".join(w.text for w in words if _is_plain(w.text))
    found, latin = len(SCRIPT_LETTERS[script].findall(text)), len(LATIN.findall(text))
    return found >= MIN_SCRIPT_LETTERS and found >= MIN_SCRIPT_SHARE * (found + latin)


def _maybe_misread_script(words: list[Word]) -> bool:
    """Whether PP-OCR's read looks like a script its models lack (Cyrillic).

    PP-OCR drops most Cyrillic lines (low scores) and spells the rest with unsure Latin or
    Greek look-alikes, while it reads Latin and CJK cards with scores near 1. So: few plain
    words, unsure plain words, or letters from neither Latin nor CJK call for a second read,
    and so do lines that kept only their punctuation ("ул. Ленина, д. 5" reads ". , . 5")
    and a phone number or domain of a country that writes Cyrillic or Greek.
    """
    plain = [w for w in words if _is_plain(w.text)]
    if detect_script(w.text for w in plain) == "cjk":
        return False  # a CJK card, however short, is PP-OCR's own script; a stray 山 is not
    if len(plain) < MIN_PLAIN_WORDS:
        return True
    if any(CYRILLIC_COUNTRY_HINT.search(w.text) or GREEK_COUNTRY_HINT.search(w.text)
           for w in words):
        return True
    if sum(bool(ORPHAN_PUNCTUATION.match(w.text)) for w in words) >= MIN_ORPHAN_PUNCTUATION:
        return True
    if any(FOREIGN_LETTER.search(w.text) for w in plain):
        return True
    return sum(w.confidence for w in plain) / len(plain) < MIN_PLAIN_CONFIDENCE

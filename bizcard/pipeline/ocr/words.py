"""Shaping engines' output into words: what a reader sees between spaces."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np

from bizcard.pipeline.lexicon import CONTACT_PREFIXES, HONORIFICS
from bizcard.pipeline.patterns import KNOWN_TLDS_LONGEST_FIRST
from bizcard.pipeline.preprocess import rotate, unrotate_quad
from bizcard.pipeline.types import Point, Quad, Word

Token = tuple[str, Quad]

# PP-OCR drops spaces on small or degraded print, gluing what a reader sees as separate
# words: "+551124644451|+5516921282405", "747433·E-info@x.it", "Fax:030.431376",
# "д.4", "2-1,46575 Nauen", "9070ana@x.br", "ana@x.nl/info@x.nl", "PhD+1", "Eng.Ana",
# "x@y.comMail". Each pattern, matched where a word starts, marks where the first of two
# glued words ends.
# Catalan "l·l" is a letter, not a separator; a slash separates only before an e-mail address.
# A contact label printed after its value, as OCR glues it on: "+33 6 81 69 91 52Port.",
# "x@bernier.comMail", "www.x.atWeb". Capitalised, as a label after a value is printed.
_LABEL_AFTER = "(?:{})[.:/]?$".format("|".join(sorted(
    {form for label in CONTACT_PREFIXES if len(label.strip(".:")) > 1 and label.isalpha()
     for form in (label.capitalize(), label.upper())}, key=len, reverse=True)))
_SEPARATOR = re.compile(r"[|•]|(?<!l)·|·(?!l)|/(?=[\w.+'-]+@[\w-]+\.)")
_GLUED_AT = (
    # A label before a number or a web address: "Tel.+49", "Fax:030", "T-+39", "д.4".
    re.compile(r"(?:[^\W\d_]{1,10}:|[^\W\d_]{1,4}\.:?|[^\W\d_]{1,3}-(?=\+))"
               r"(?=[+(\d]|www\.|https?:)"),
    # Letters or another number before an international number: "PhD+1 267", "TEL+41",
    # "52151+9174173".
    re.compile(r"[^\W\d_]{2,}(?=\+\d)|[+(]?\d[\d().\-]*\d(?=\+\d)"),
    # A title before a name: "Eng.Carminho", "Dr.Anna", "ING.ELIZABETH".
    re.compile(r"(?i:{})\.(?=[A-ZÀ-Þ][^\W\d_]{{2,}})".format("|".join(sorted(
        {h.rstrip(".") for h in HONORIFICS if h.rstrip(".").isalpha()}, key=len, reverse=True)))),
    # An e-mail label before the address: "E-info@x.it", "e-mail-ana@x.pt", "Mail:ana@x.de".
    re.compile(r"(?:[Ee]-?[Mm]ail|[Mm]ail|E)[:\-]{1,2}(?=[\w.+-]+@)"),
    # A phone number before an e-mail address: "95111-9070rcavalcante@vargas.com.br".
    re.compile(r"\+?\d[\d().\-]{5,}\d(?=[^\W\d_][\w.+'-]*@)"),
    # A value before a label printed after it: "+33 6 81 69 91 52Port.", "x@y.comMail".
    re.compile(rf"[+(]?\d[\d().\-]*\d(?={_LABEL_AFTER})"),
    re.compile(r"\S+\.(?:{})(?={})".format("|".join(KNOWN_TLDS_LONGEST_FIRST), _LABEL_AFTER)),
    # The comma between two parts of an address: "2-1,46575", "Valladolid,01955".
    re.compile(r"[^@,]*?,(?=[^\s,])"),
)


def read_turned(image: np.ndarray, turn: int,
                read: Callable[[np.ndarray], list[Word]]) -> list[Word]:
    """``read`` on the image turned ``turn`` degrees clockwise (upright text), the words'
    boxes turned back onto ``image``, where the review page draws them."""
    upright = rotate(image, turn)
    words = read(upright)
    if not turn:
        return words
    size = (upright.shape[1], upright.shape[0])
    return [Word(w.text, unrotate_quad(w.quad, turn, size), w.confidence, w.line)
            for w in words]


def words_of_line(line_text: str, tokens: Iterable[Token]) -> list[Token]:
    """The line's words (its text split at spaces, and where :func:`word_spans` finds words
    glued together), each boxed by the engine's pieces.

    PP-OCR's word pieces split where a reader would not: inside bold words ("Raym ond"), at
    punctuation (PaddleOCR: "Dr", ". ", "Avery") and at every CJK character; PaddleOCR's
    punctuation pieces even hold the space between two words ("mob", ": +", "44"). The
    recognised line text has the real spaces, so each word takes the pieces it overlaps in
    that text; a piece shared with the next word is cut in proportion to its characters.
    """
    pieces = [(text, quad) for text, quad in tokens if text.strip()]
    spans: list[tuple[int, int, Quad]] = []
    position = 0
    for text, quad in pieces:
        start = line_text.find(text, position)
        if start < 0:  # the pieces do not spell the line: keep them as the engine read them
            return [(text.strip(), quad) for text, quad in pieces]
        spans.append((start, start + len(text), quad))
        position = start + len(text)
    words: list[Token] = []
    for start, end in word_spans(line_text):
        overlapping = [s for s in spans if s[0] < end and s[1] > start]
        if not overlapping:
            continue  # characters without a box (the engine gave no piece for them)
        first, last = overlapping[0], overlapping[-1]
        left_top, left_bottom = _at_character(first, start)
        right_top, right_bottom = _at_character(last, end)
        words.append((line_text[start:end], (left_top, right_top, right_bottom, left_bottom)))
    return words


def word_spans(line_text: str) -> list[tuple[int, int]]:
    """Where the words of a recognised line start and end: between spaces, and where PP-OCR
    glued two words together (a separator, a label, an address comma without its space)."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"\S+", line_text):
        start = match.start()
        for separator in _SEPARATOR.finditer(match.group()):
            spans.extend(_unglued(line_text, start, match.start() + separator.start()))
            spans.append((match.start() + separator.start(), match.start() + separator.end()))
            start = match.start() + separator.end()
        spans.extend(_unglued(line_text, start, match.end()))
    return spans


def _unglued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span ``text[start:end]`` split after each glued label or address comma."""
    spans: list[tuple[int, int]] = []
    while start < end:
        glued = next((m for pattern in _GLUED_AT
                      if (m := pattern.match(text, start, end)) and m.end() < end), None)
        if glued is None:
            break
        spans.append((start, glued.end()))
        start = glued.end()
    if start < end:
        spans.append((start, end))
    return spans


def _at_character(span: tuple[int, int, Quad], offset: int) -> tuple[Point, Point]:
    """Top and bottom points of the piece's box at a character offset into the line."""
    start, end, ((x0, y0), (x1, y1), (x2, y2), (x3, y3)) = span
    share = min(1.0, max(0.0, (offset - start) / (end - start)))
    return (
        (x0 + share * (x1 - x0), y0 + share * (y1 - y0)),
        (x3 + share * (x2 - x3), y3 + share * (y2 - y3)),
    )

"""Shaping engines' output into words: what a reader sees between spaces."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bizcard.pipeline.types import Point, Quad

Token = tuple[str, Quad]


def words_of_line(line_text: str, tokens: Iterable[Token]) -> list[Token]:
    """The line's words (its text split at spaces), each boxed by the engine's pieces.

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
    for word in re.finditer(r"\S+", line_text):
        overlapping = [s for s in spans if s[0] < word.end() and s[1] > word.start()]
        if not overlapping:
            continue  # characters without a box (the engine gave no piece for them)
        first, last = overlapping[0], overlapping[-1]
        left_top, left_bottom = _at_character(first, word.start())
        right_top, right_bottom = _at_character(last, word.end())
        words.append((word.group(), (left_top, right_top, right_bottom, left_bottom)))
    return words


def _at_character(span: tuple[int, int, Quad], offset: int) -> tuple[Point, Point]:
    """Top and bottom points of the piece's box at a character offset into the line."""
    start, end, ((x0, y0), (x1, y1), (x2, y2), (x3, y3)) = span
    share = min(1.0, max(0.0, (offset - start) / (end - start)))
    return (
        (x0 + share * (x1 - x0), y0 + share * (y1 - y0)),
        (x3 + share * (x2 - x3), y3 + share * (y2 - y3)),
    )

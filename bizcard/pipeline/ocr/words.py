"""Shaping engines' output into words: what a reader sees between spaces."""

from __future__ import annotations

from collections.abc import Iterable

from bizcard.pipeline.types import Quad

Token = tuple[str, Quad]


def words_of_line(line_text: str, tokens: Iterable[Token]) -> list[Token]:
    """Join the engine's word pieces that touch in the line's own text.

    PP-OCR's word boxes split where a reader would not: inside bold words ("Raym ond"), at
    punctuation (PaddleOCR: "chris", ".", "smith") and at every CJK character. The
    recognised line text has the real spaces, so pieces with no space between them in it
    are one word; the joined box runs from the first piece's left edge to the last's right.
    """
    words: list[Token] = []
    position = 0
    for text, quad in tokens:
        if not text.strip():
            continue
        start = line_text.find(text, position)
        if words and start == position and not text[0].isspace():
            joined, first = words[-1]
            words[-1] = (joined + text.strip(), (first[0], quad[1], quad[2], first[3]))
        else:
            words.append((text.strip(), quad))
        if start >= 0:
            position = start + len(text)
    return words

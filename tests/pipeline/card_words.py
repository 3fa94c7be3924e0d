"""Build OCR words for a card laid out line by line, without running OCR."""

from __future__ import annotations

from bizcard.pipeline.types import Word

CHAR_WIDTH = 0.55  # of the font height, roughly what a sans-serif font gives


def card_words(lines: list[tuple[str, float] | str], *, left: float = 40.0) -> list[Word]:
    """One OCR line per entry, top to bottom; an entry is ``text`` or ``(text, font_height)``."""
    words: list[Word] = []
    y = 30.0
    for line_no, entry in enumerate(lines):
        text, height = (entry, 24.0) if isinstance(entry, str) else entry
        x = left
        for token in text.split():
            width = len(token) * height * CHAR_WIDTH
            quad = ((x, y), (x + width, y), (x + width, y + height), (x, y + height))
            words.append(Word(token, quad, 0.99, line_no))
            x += width + height * CHAR_WIDTH
        y += height * 1.6
    return words

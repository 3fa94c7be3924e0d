"""Turning a card's words upright before reading order and classification."""

from __future__ import annotations

import math

import pytest

from bizcard.pipeline.layout import reading_order_lines, text_angle, upright_words, value_words
from bizcard.pipeline.types import Word
from tests.pipeline.card_words import card_words

LINES = ["Dr. Anna Becker", "Leiterin Vertrieb", "Tel. 030 12345678"]
SIZE = (1000, 600)


def turned(words: list[Word], degrees: float, size: tuple[int, int]) -> list[Word]:
    """The words as OCR reports them on the card image turned by ``degrees`` clockwise:
    every corner moves, and the quad still starts at the text's top-left."""
    theta = math.radians(degrees)
    cx, cy = size[0] / 2, size[1] / 2

    def turn(x: float, y: float) -> tuple[float, float]:
        dx, dy = x - cx, y - cy
        return (cx + dx * math.cos(theta) - dy * math.sin(theta),
                cy + dx * math.sin(theta) + dy * math.cos(theta))

    return [Word(w.text, tuple(turn(x, y) for x, y in w.quad), w.confidence, w.line)
            for w in words]


def lines_of(words: list[Word]) -> list[str]:
    return [" ".join(words[i].text for i in line) for line in reading_order_lines(words)]


@pytest.mark.parametrize("degrees", [0, 7, -12, 90, 180, 270])
def test_words_turned_upright_read_in_order(degrees: float) -> None:
    words = turned(card_words(LINES), degrees, SIZE)
    assert text_angle(words) == pytest.approx(degrees if degrees <= 180 else degrees - 360,
                                              abs=0.5)
    upright, size = upright_words(words, SIZE)
    assert lines_of(upright) == LINES
    # Boxes keep their proportions: a word is wider than tall again.
    first = upright[0].box
    assert first[2] - first[0] > first[3] - first[1]
    if degrees in (90, 270):
        assert size == (SIZE[1], SIZE[0])


def test_upright_words_are_returned_unchanged() -> None:
    words = card_words(LINES)
    upright, size = upright_words(words, SIZE)
    assert upright == words and size == SIZE


def test_a_words_value_runs_from_its_b_word_through_its_i_words() -> None:
    words = card_words(["Tom Hale", "fax: +44 20 6789 2345", "+44 20 7946 0958"])
    labels = ["B-NAME", "I-NAME", "O", "B-FAX", "I-FAX", "I-FAX", "I-FAX",
              "B-PHONE", "I-PHONE", "I-PHONE", "I-PHONE"]

    assert value_words(words, labels, 5) == [3, 4, 5, 6]  # a middle word brings its number
    assert value_words(words, labels, 7) == [7, 8, 9, 10]
    assert value_words(words, labels, 0) == [0, 1]
    assert value_words(words, labels, 2) == [2]  # no field: the word alone

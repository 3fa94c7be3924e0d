"""Turning a card's words upright before reading order and classification."""

from __future__ import annotations

import math

import pytest

from bizcard.pipeline.layout import (
    bio_repair,
    reading_order_lines,
    text_angle,
    upright_words,
    value_words,
)
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


def shifted(words: list[Word], *, down: float, first_line: int) -> list[Word]:
    return [Word(w.text, tuple((x, y + down) for x, y in w.quad), w.confidence,
                 w.line + first_line) for w in words]


def test_a_card_in_two_columns_is_read_one_column_after_the_other() -> None:
    """A name over two lines on the left, contact lines on the right between them: read
    row by row, the right column's lines would split the name (and the address) in two."""
    left = [("Eugène", 48), ("Didier", 48), "Service Achats"]
    right = ["T: +33 1 44 70 03 27", "667, rue Roger", "97167 Maillot-les-Bains"]
    words = card_words(left) + shifted(card_words(right, left=500), down=40, first_line=3)
    assert lines_of(words) == ["Eugène", "Didier", "Service Achats", *right]
    # A line across both columns ends the column it follows most closely.
    footer = shifted(card_words(["IBXF Ingénierie SA, 12 rue de la Paix, Paris"]), down=300,
                     first_line=6)
    assert lines_of(words + footer)[-1] == "IBXF Ingénierie SA, 12 rue de la Paix, Paris"


def test_lines_side_by_side_in_one_row_are_read_left_then_right() -> None:
    """Contact items printed side by side on one row, each its own OCR line, read left to
    right, row after row, when neither continues a column of its own."""
    words = (card_words(["Dr. Anna Becker"]) + shifted(card_words(["Tel. 030 1234"], left=40),
                                                       down=120, first_line=1)
             + shifted(card_words(["a.becker@x.de"], left=500), down=120, first_line=2))
    assert lines_of(words) == ["Dr. Anna Becker", "Tel. 030 1234", "a.becker@x.de"]


def test_a_name_printed_over_two_lines_is_one_value() -> None:
    words = card_words([("Salih", 44), ("Hettner", 44), ("Buchhaltung", 24)])
    labels = bio_repair(words, ["B-NAME", "B-NAME", "B-DEPARTMENT"])
    assert labels == ["B-NAME", "I-NAME", "B-DEPARTMENT"]


def test_two_lines_of_one_kind_far_apart_stay_two_values() -> None:
    words = card_words([("Mobile +44 7470 726068", 24), ("Phone +44 1376 852606", 24)])
    labels = ["O", "B-PHONE", "I-PHONE", "I-PHONE", "O", "B-PHONE", "I-PHONE", "I-PHONE"]
    assert bio_repair(words, labels) == labels
    name_words = card_words([("Salih", 44), "", "", "", ("Hettner", 44)])
    assert bio_repair(name_words, ["B-NAME", "B-NAME"]) == ["B-NAME", "B-NAME"]

"""Engines' word pieces into the words a reader sees (no OCR runs here)."""

from __future__ import annotations

import pytest

from bizcard.pipeline.ocr.words import words_of_line


def box(x0: float, x1: float) -> tuple:
    return ((x0, 10.0), (x1, 10.0), (x1, 30.0), (x0, 30.0))


def test_paddleocr_punctuation_pieces_that_hold_a_space_are_cut_between_the_words():
    # PaddleOCR 3.7 on the Contoso card: ": +" and " (" straddle two words each.
    pieces = [("mob", box(0, 30)), (": +", box(30, 60)), ("44", box(60, 80)),
              (" (", box(80, 100)), ("0", box(100, 110)), (")", box(110, 120)),
              ("7911123456", box(120, 220))]
    words = words_of_line("mob: +44 (0)7911123456", pieces)
    assert [text for text, _ in words] == ["mob:", "+44", "(0)7911123456"]
    (mob_left, _), (mob_right, _), _, _ = words[0][1]
    (plus_left, _), _, _, _ = words[1][1]
    assert mob_left == 0 and mob_right == pytest.approx(40)  # "mob" plus a third of ": +"
    assert plus_left == pytest.approx(50)  # the "+" third of ": +"


def test_pieces_without_a_space_between_them_are_one_word():
    # rapidocr splits bold words ("Raym", "ond") and CJK lines into characters.
    raymond = words_of_line("Raymond Lee", [("Raym", box(0, 40)), ("ond", box(42, 70)),
                                            ("Lee", box(80, 110))])
    assert raymond == [("Raymond", box(0, 70)), ("Lee", box(80, 110))]
    name = words_of_line("何山", [("何", box(0, 20)), ("山", box(20, 40))])
    assert name == [("何山", box(0, 40))]


def test_pieces_that_do_not_spell_the_line_are_kept_as_read():
    assert words_of_line("Tel 123", [("Te1", box(0, 30)), ("123", box(40, 70))]) == [
        ("Te1", box(0, 30)), ("123", box(40, 70))]

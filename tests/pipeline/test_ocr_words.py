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


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("+551124644451|+5516921282405", ["+551124644451", "|", "+5516921282405"]),
        ("747433·E-ana@x.it", ["747433", "·", "E-", "ana@x.it"]),
        ("Fax:030.431376", ["Fax:", "030.431376"]),
        ("T-+39 0377", ["T-", "+39", "0377"]),
        ("e-mail-marissa_rocca@x.it", ["e-mail-", "marissa_rocca@x.it"]),
        ("д.4, 31,019738", ["д.", "4,", "31,", "019738"]),
        ("Weitzelallee 2-1,46575 Nauen", ["Weitzelallee", "2-1,", "46575", "Nauen"]),
        ("95111-9070rcavalcante@vargas.com.br", ["95111-9070", "rcavalcante@vargas.com.br"]),
        ("ana@x.nl/info@x.nl", ["ana@x.nl", "/", "info@x.nl"]),
        ("2591/gallardo@logistica.mx", ["2591", "/", "gallardo@logistica.mx"]),
        # A label printed after its value.
        ("+33 6 81 69 91 52Port.", ["+33", "6", "81", "69", "91", "52", "Port."]),
        ("ana@bernier.comMail", ["ana@bernier.com", "Mail"]),
        ("https://www.lengauer.atWeb", ["https://www.lengauer.at", "Web"]),
        ("Anderson, PhD+1 267-723-5055", ["Anderson,", "PhD", "+1", "267-723-5055"]),
        ("52151+9174173", ["52151", "+9174173"]),
        ("Eng.Carminho Jesus", ["Eng.", "Carminho", "Jesus"]),
        ("ING.ELIZABETH DE GROTE", ["ING.", "ELIZABETH", "DE", "GROTE"]),
        # Not glued: these stay whole.
        ("7673Liezen info@TelMail.com", ["7673Liezen", "info@TelMail.com"]),
        ("Col·legi d'Advocats", ["Col·legi", "d'Advocats"]),
        ("info@web.1und1.de e-commerce@x.de", ["info@web.1und1.de", "e-commerce@x.de"]),
        ("www.x.de 10:30 Jean-Luc", ["www.x.de", "10:30", "Jean-Luc"]),
        ("2020info@x.de x.de/team", ["2020info@x.de", "x.de/team"]),
        ("co.uk S.A. e.g. Co.KG ACME.COM", ["co.uk", "S.A.", "e.g.", "Co.KG", "ACME.COM"]),
    ],
)
def test_words_that_pp_ocr_glued_together_are_split(line, words):
    """PP-OCR drops spaces on small print: a separator, a label or an address comma glued
    to the next word must not turn two values into one unreadable word."""
    pieces = [(line, box(0, 10 * len(line)))]
    split = words_of_line(line, pieces)
    assert [text for text, _ in split] == words
    # Each word keeps its own share of the line's box, left to right.
    lefts = [quad[0][0] for _, quad in split]
    assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts)


@pytest.mark.parametrize(
    ("read", "meant"),
    [("Cоколов", "Соколов"), ("Ивaнoв", "Иванов"), ("OOO", "ООО"), ("«OOO", "«ООО"),
     # Latin words and addresses stay Latin.
     ("Smith", "Smith"), ("ivanov@romashka.ru", "ivanov@romashka.ru"),
     ("почта/www.x.ru", "почта/www.x.ru")],
)
def test_tesseract_russian_words_lose_their_latin_lookalike_letters(read, meant):
    """Reading rus+eng, Tesseract mixes Latin look-alikes into Russian words; "Cоколов"
    (Latin C) would never match the name a person typed."""
    from bizcard.pipeline.ocr.tesseract import _cyrillic_lookalikes

    assert _cyrillic_lookalikes(read) == meant

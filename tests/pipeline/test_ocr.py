"""OCR engines, script routing and fallback, on rendered cards (real engines, no mocks)."""

from __future__ import annotations

import pytest

from bizcard.pipeline import ocr
from bizcard.pipeline.errors import OcrUnavailable, PipelineError
from tests.pipeline.render import GERMAN_CARD, RUSSIAN_CARD, card_image


def text_of(result) -> str:
    return " ".join(w.text for w in result.words)


def test_rapidocr_reads_words_with_four_point_boxes_and_lines():
    result = ocr.read_words(card_image(GERMAN_CARD), engine="rapidocr", language="auto",
                            threads=2)
    assert result.engine == "rapidocr" and result.script == "latin"
    assert "a.becker@mueller-schmidt.de" in text_of(result)
    assert "Hauptstraße" in text_of(result)
    word = result.words[0]
    assert len(word.quad) == 4 and 0 < word.confidence <= 1
    assert len({w.line for w in result.words}) == len(GERMAN_CARD)


def test_russian_card_is_routed_to_tesseract_in_auto_mode():
    result = ocr.read_words(card_image(RUSSIAN_CARD), engine="rapidocr", language="auto",
                            threads=2)
    assert result.engine == "tesseract" and result.script == "cyrillic"
    assert "Иванов" in text_of(result)
    assert "ivanov@romashka.ru" in text_of(result)


def test_russian_language_setting_goes_straight_to_tesseract():
    result = ocr.read_words(card_image(RUSSIAN_CARD), engine="rapidocr", language="ru",
                            threads=2)
    assert result.engine == "tesseract" and "Директор".lower() in text_of(result).lower()


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(PipelineError) as error:
        ocr.read_words(card_image(GERMAN_CARD), engine="abbyy", language="auto", threads=2)
    assert error.value.code == "unknown_engine" and "rapidocr" in error.value.message


def test_an_engine_that_cannot_run_falls_back_to_the_next(monkeypatch):
    """paddleocr is an optional extra; with it missing, rapidocr reads instead."""
    def unavailable(threads: int):
        raise OcrUnavailable("paddleocr is not installed")

    monkeypatch.setitem(ocr.ENGINES, "paddleocr", unavailable)
    ocr.get_engine.cache_clear()
    result = ocr.read_words(card_image(GERMAN_CARD), engine="paddleocr", language="auto",
                            threads=2)
    assert result.engine == "rapidocr"
    assert "Becker" in text_of(result)


def test_tesseract_engine_reads_latin_cards_too():
    result = ocr.read_words(card_image(GERMAN_CARD), engine="tesseract", language="auto",
                            threads=2)
    assert result.engine == "tesseract" and "Becker" in text_of(result)


def test_paddleocr_engine_reads_a_card_offline():
    """Runs where the optional extra is installed (make test-paddle); skipped elsewhere."""
    pytest.importorskip("paddleocr")
    result = ocr.read_words(card_image(GERMAN_CARD), engine="paddleocr", language="auto",
                            threads=2)
    assert result.engine == "paddleocr"
    assert "a.becker@mueller-schmidt.de" in text_of(result)

"""Renderer labels moved onto the words the real OCR engine reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from bizcard.pipeline.schema import BIO_LABELS, entity_of
from bizcard.pipeline.types import Classification
from tests.training.conftest import ALIGNED_CARDS
from training.align import OCR_INDEX, align_card, align_dataset, load_aligned
from training.trainer import score_aligned


class AlignedLabels:
    """Answers with the aligned labels themselves: what a perfect model would say."""

    version = "aligned"

    def __init__(self, cards):
        self.by_words = {tuple(w.text for w in c.words): c.labels for c in cards}

    def classify(self, words, *, image=None, region=None):
        labels = self.by_words[tuple(w.text for w in words)]
        return Classification(list(labels), [1.0] * len(labels))


def test_every_card_is_aligned_with_schema_labels(aligned_folder: Path) -> None:
    cards = load_aligned(aligned_folder)
    assert len(cards) == ALIGNED_CARDS
    for card in cards:
        assert len(card.words) == len(card.labels) > 5
        assert set(card.labels) <= set(BIO_LABELS)
        emails = [w.text for w, label in zip(card.words, card.labels, strict=True)
                  if entity_of(label) == "EMAIL"]
        # OCR may split a blurred address ("qwoo", "sa0onsumo@exomrj"), never lose its "@".
        assert not emails or "@" in "".join(emails)


def test_aligned_labels_spell_the_fields_wherever_ocr_read_them(aligned_folder: Path) -> None:
    """The upper bound a model trained on these labels can reach: most fields come back
    whole from the aligned labels (what is lost was misread by OCR)."""
    cards = load_aligned(aligned_folder)
    assert all(card.locale for card in cards)
    report = score_aligned(AlignedLabels(cards), cards)
    assert report.micro.f1 >= 0.85, report.to_dict()["fields"]
    for name in ("full_name", "emails"):
        assert report.fields[name].f1 >= 0.8, name


def test_aligning_again_resumes_without_duplicates(aligned_folder: Path) -> None:
    before = (aligned_folder / OCR_INDEX).read_text(encoding="utf-8")
    align_dataset(aligned_folder, workers=1)
    assert (aligned_folder / OCR_INDEX).read_text(encoding="utf-8") == before


def test_a_record_without_rendered_words_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a synthetic record"):
        align_card(tmp_path, {"image": "x.jpg", "fields": {}})

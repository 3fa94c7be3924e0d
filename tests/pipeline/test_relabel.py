"""A person's corrected values relabel the card's words for training."""

from __future__ import annotations

from bizcard.pipeline.relabel import relabel
from tests.pipeline.card_words import card_words

LINES = ["Dr. Anna Becker", "Leiterin Vertrieb", "Muller & Schmidt GmbH",
         "Tel. 030 12345678", "a.becker@mueller-schmidt.de"]


def model_labels() -> list[str]:
    # The model took the name for a position and missed the company.
    labels = ["O", "B-POSITION", "I-POSITION", "B-POSITION", "I-POSITION", "O", "O", "O",
              "O", "O", "B-PHONE", "I-PHONE", "B-EMAIL"]
    assert len(labels) == len(card_words(LINES))
    return labels


def test_corrected_values_take_the_words_that_spell_them() -> None:
    words = card_words(LINES)
    labels = relabel(words, model_labels(), {
        "full_name": "Anna Becker",
        "position": "Leiterin Vertrieb",
        "company": "Müller & Schmidt GmbH",  # typed right where OCR lost the umlaut
    })
    assert labels == ["O", "B-NAME", "I-NAME", "B-POSITION", "I-POSITION", "B-COMPANY",
                      "I-COMPANY", "I-COMPANY", "I-COMPANY", "O", "B-PHONE", "I-PHONE",
                      "B-EMAIL"]


def test_a_value_printed_nowhere_labels_nothing_and_clears_the_wrong_words() -> None:
    words = card_words(LINES)
    labels = relabel(words, model_labels(), {"position": "Head of Sales"})
    assert "B-POSITION" not in labels and "I-POSITION" not in labels
    assert labels[10:] == ["B-PHONE", "I-PHONE", "B-EMAIL"]


def test_a_list_field_labels_each_value_separately() -> None:
    words = card_words(["Tel 030 12345678", "Mobil 0171 5555555"])
    labels = relabel(words, ["O"] * len(words), {"phones": ["030 12345678", "0171 5555555"]})
    assert labels == ["O", "B-PHONE", "I-PHONE", "O", "B-PHONE", "I-PHONE"]

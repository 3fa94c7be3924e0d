"""Labelled words into field values: what a value keeps of the words around it."""

from __future__ import annotations

from bizcard.pipeline.extract import labelled_fields
from tests.pipeline.card_words import card_words


def test_punctuation_inside_a_value_is_kept_whatever_its_label():
    """OCR reads "/" and "-" as words of their own, which the model (trained on alignments
    that rarely label a lone stroke) tags O: "Mendes / PI" must not become "Mendes, PI"."""
    words = card_words(["Barbosa Jesus - EI", "Vereda Levi Andrade, 13", "26312208 Mendes / PI",
                        "+55 11 3536-6452 / +55 11 98125-6997"])
    labels = ["B-COMPANY", "I-COMPANY", "O", "I-COMPANY",
              "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS",
              "I-ADDRESS", "I-ADDRESS", "O", "I-ADDRESS",
              "B-PHONE", "I-PHONE", "I-PHONE", "O", "B-PHONE", "I-PHONE", "I-PHONE"]
    fields = labelled_fields(words, labels, region="BR")
    assert fields["company"] == "Barbosa Jesus - EI"
    assert fields["address"] == "Vereda Levi Andrade, 13, 26312208 Mendes / PI"
    # Between two values (a new B- follows), the stroke separates them.
    assert fields["phones"] == ["+551135366452", "+5511981256997"]


def test_a_lone_mark_inside_an_address_keeps_it_one_value() -> None:
    """The model often starts the address again after a "#" or "-" it left outside; inside
    an address that is one value ("Carrera 33Z Sur # 77-8", "Campinas - SP")."""
    words = card_words(["Carrera 33Z Sur # 77-8", "Campinas - SP"])
    labels = ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "B-ADDRESS", "I-ADDRESS", "O",
              "B-ADDRESS"]
    fields = labelled_fields(words, labels, region="CO")
    assert fields["address"] == "Carrera 33Z Sur # 77-8, Campinas - SP"

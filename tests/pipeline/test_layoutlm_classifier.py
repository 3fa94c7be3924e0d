"""The shipped LayoutLMv3 model behind the classifier interface (real weights, no mocks)."""

from __future__ import annotations

import random

import pytest

from bizcard.pipeline.assemble import raw_values
from bizcard.pipeline.classify import get_classifier
from bizcard.pipeline.classify.layoutlm import encode
from bizcard.pipeline.validate import validate
from tests.pipeline.card_words import card_words
from training.registry import BOOTSTRAP_DIR, BOOTSTRAP_VERSION

CARD = [
    ("Northwind Traders Ltd", 34),
    ("Emily Carter", 44),
    ("Head of Marketing", 26),
    ("42 Harbour Street, Bristol BS1 5TT", 22),
    ("T +44 117 496 0123", 22),
    ("emily.carter@northwind.co.uk", 22),
    ("www.northwind.co.uk", 22),
]


@pytest.fixture(scope="module")
def model():
    return get_classifier(BOOTSTRAP_VERSION, str(BOOTSTRAP_DIR))


def fields_of(model, words, region="GB"):
    classification = model.classify(words, region=region)
    fields, confidence = validate(raw_values(words, classification), regions=[region])
    return fields, confidence, classification


def test_the_model_reads_a_plain_card(model) -> None:
    fields, confidence, _ = fields_of(model, card_words(CARD))
    assert fields["full_name"] == "Emily Carter"
    assert fields["position"] == "Head of Marketing"
    assert fields["company"] == "Northwind Traders Ltd"
    assert fields["emails"] == ["emily.carter@northwind.co.uk"]
    assert fields["phones"] == ["+441174960123"]
    assert "Bristol" in (fields["address"] or "")
    assert all(0 < confidence[name] <= 1 for name in ("full_name", "company"))


def test_the_answer_does_not_depend_on_the_order_ocr_returned_the_words(model) -> None:
    words = card_words(CARD)
    expected, _, classification = fields_of(model, words)
    for seed in range(3):
        order = list(range(len(words)))
        random.Random(seed).shuffle(order)
        shuffled = [words[i] for i in order]
        fields, _, shuffled_classification = fields_of(model, shuffled)
        assert fields == expected
        assert [shuffled_classification.labels[order.index(i)] for i in range(len(words))] \
            == classification.labels


def test_a_script_the_model_never_saw_goes_to_the_rules(model) -> None:
    words = card_words([("何山", 44), ("研发总监", 26), ("heshan@fenbi.com", 22)])
    rules = get_classifier("rules").classify(words, region="CN")
    assert model.classify(words, region="CN") == rules


def test_long_cards_are_split_into_windows_without_splitting_a_word(model) -> None:
    words = card_words([f"line {n} with several words in it" for n in range(80)])
    windows = encode(model.tokenizer, words)
    assert len(windows) > 1 and all(len(w.input_ids) <= 512 for w in windows)
    assert sorted(i for w in windows for i in w.order) == list(range(len(words)))
    assert len(model.classify(words).labels) == len(words)

"""The shipped LayoutLMv3 model behind the classifier interface (real weights, no mocks)."""

from __future__ import annotations

import random

import numpy as np
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


def test_every_word_of_a_number_gets_one_kind_and_only_a_labelled_fax_is_a_fax(model):
    """An unlabelled number beside the office number is as often a direct line as a fax:
    without "Fax" printed, it stays a phone."""
    words = card_words([
        ("Travaglia SPA", 30), ("Mattia Micheletti", 44), ("Direttore Commerciale", 26),
        "+39 02 2014 1396", "+39 319 212 2611", "+39 02 2014 1360", "Fax +39 02 2014 1361",
        "mattia.micheletti@travaglia.it",
    ])
    fields, _, classification = fields_of(model, words, region="IT")
    assert fields["phones"] == ["+390220141396", "+393192122611", "+390220141360"]
    assert fields["fax"] == ["+390220141361"]
    for line in range(3, 7):
        entities = {classification.labels[i][2:] for i, w in enumerate(words)
                    if w.line == line and w.text != "Fax"}
        assert len(entities) == 1


def test_a_registration_number_in_the_small_print_is_no_phone(model):
    words = card_words([
        ("Van der Schuijt Bouw N.V.", 30), ("Amin Coret", 44), ("Projectleider", 26),
        "+31 10 554 7505", "amin.coret@vanschuijt.nl", ("KvK 41420508", 16),
    ])
    fields, _, _ = fields_of(model, words, region="NL")
    assert fields["phones"] == ["+31105547505"]


def test_words_of_one_line_without_punctuation_between_them_are_one_value(model):
    from bizcard.pipeline.classify.layoutlm import _one_entity_per_run

    words = card_words(["Benjamin Chrétien", "Jane Doe, CEO"])
    names = list(model.labels)
    probabilities = [np.eye(len(names))[names.index(label)] * 0.6 for label in (
        "B-NAME", "B-COMPANY", "B-NAME", "I-NAME", "B-POSITION")]
    probabilities[1][names.index("I-NAME")] = 0.3  # Chrétien: company 0.6, name 0.3
    labels = ["B-NAME", "B-COMPANY", "B-NAME", "I-NAME", "B-POSITION"]
    assert _one_entity_per_run(words, labels, probabilities, names) == [
        "B-NAME", "I-NAME", "B-NAME", "I-NAME", "B-POSITION"]


def test_a_word_left_outside_beside_a_value_joins_it_when_the_model_half_agrees(model):
    from bizcard.pipeline.classify.layoutlm import _outside_words_joined

    words = card_words(["Kordorfin Foods Corp.", "Jane Doe, Simply reliable"])
    names = list(model.labels)

    def probability(**shares: float) -> np.ndarray:
        row = np.zeros(len(names))
        for label, share in shares.items():
            row[names.index(label.replace("_", "-"))] = share
        return row

    probabilities = [probability(B_COMPANY=0.9), probability(O=0.7, I_COMPANY=0.3),
                     probability(O=0.8, I_COMPANY=0.2), probability(B_NAME=0.9),
                     probability(I_NAME=0.9), probability(O=0.7, I_NAME=0.3),
                     probability(O=0.9)]
    labels = ["B-COMPANY", "O", "O", "B-NAME", "I-NAME", "O", "O"]
    assert _outside_words_joined(words, labels, probabilities, names) == [
        "B-COMPANY", "I-COMPANY", "I-COMPANY", "B-NAME", "I-NAME", "O", "O"]


def test_a_word_with_no_mark_of_an_address_is_no_email_or_website_whatever_the_model_says():
    from bizcard.pipeline.classify.layoutlm import _email_and_website_only_where_marked
    from bizcard.pipeline.schema import BIO_LABELS

    words = card_words(["Recursos humanos", "rh@darocimov.com.br"])
    names = list(BIO_LABELS)
    leaning_to_email = np.full(len(names), 0.01)
    leaning_to_email[names.index("B-EMAIL")] = 0.6
    leaning_to_email[names.index("I-DEPARTMENT")] = 0.2
    probabilities = [leaning_to_email.copy() for _ in words]
    rule_labels = ["B-DEPARTMENT", "O", "B-EMAIL"]
    kept = _email_and_website_only_where_marked(words, probabilities, names, rule_labels)
    assert names[int(kept[1].argmax())] == "I-DEPARTMENT"
    assert kept[1].sum() == pytest.approx(1.0)
    assert names[int(kept[2].argmax())] == "B-EMAIL"  # the address itself keeps its label

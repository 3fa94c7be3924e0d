"""Card-level fixes both classifiers apply to their word labels."""

from __future__ import annotations

from bizcard.pipeline.classify.consistency import (
    company_ends_at_legal_form,
    country_line_in_address,
    house_number_in_address,
    monogram_outside,
    name_over_two_lines,
    registration_lines_outside,
    state_after_address,
)
from tests.pipeline.card_words import card_words


def labelled(lines: list, labels: list[str]) -> tuple[list, list[str]]:
    words = card_words(lines)
    assert len(words) == len(labels)
    return words, labels


def test_a_registration_line_is_small_print_whatever_the_model_said():
    words, labels = labelled(["Strandgatan 95", "Org.nr 556355-4483", "info@x.se"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "B-PHONE", "B-EMAIL"])
    assert registration_lines_outside(words, labels) == [
        "B-ADDRESS", "I-ADDRESS", "O", "O", "B-EMAIL"]


def test_a_monogram_letter_over_the_company_is_no_part_of_it():
    words, labels = labelled([("F", 60), "Ferrovis Ltda."], ["B-COMPANY", "I-COMPANY", "I-COMPANY"])
    assert monogram_outside(words, labels) == ["O", "I-COMPANY", "I-COMPANY"]


def test_a_country_after_the_address_ends_it():
    words, labels = labelled(["Ernststrasse 935", "9494 Eschen", "Liechtenstein", "Tel 1"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "O",
                              "O"])
    assert country_line_in_address(words, labels)[4:] == ["I-ADDRESS", "O", "O"]
    one_line = card_words(["69002 Lyon – France"])
    assert country_line_in_address(one_line, ["B-ADDRESS", "I-ADDRESS", "O", "O"]) == [
        "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS"]


def test_a_one_word_name_takes_the_line_under_it_in_the_same_size():
    words, labels = labelled([("Ditte", 44), ("Kristensen", 44), ("Udviklingschef", 24)],
                             ["B-COMPANY", "B-NAME", "B-POSITION"])
    assert name_over_two_lines(words, labels) == ["B-NAME", "I-NAME", "B-POSITION"]
    # A company with a legal form, or a line in another size, is not the rest of the name.
    words, labels = labelled([("Laursen ApS", 44), ("Kristensen", 44)], ["B-COMPANY",
                                                                         "I-COMPANY", "B-NAME"])
    assert name_over_two_lines(words, labels) == labels
    words, labels = labelled([("Ditte", 24), ("Kristensen", 44)], ["B-COMPANY", "B-NAME"])
    assert name_over_two_lines(words, labels) == labels


def test_a_company_ends_at_its_legal_form_but_goes_on_with_more_of_it():
    words, labels = labelled(["Westman Fastigheter AB", "Din partner i vardagen"],
                             ["B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY", "O", "O",
                              "O"])
    assert company_ends_at_legal_form(words, labels)[3:] == ["O", "O", "O", "O"]
    words, labels = labelled(["Müller GmbH", "& Co. KG"], ["B-COMPANY"] + ["I-COMPANY"] * 4)
    assert company_ends_at_legal_form(words, labels) == labels
    words, labels = labelled(["Smith Partners", "Architecture"], ["B-COMPANY"] + ["I-COMPANY"] * 2)
    assert company_ends_at_legal_form(words, labels) == labels


def test_a_state_after_a_slash_or_dash_ends_the_address():
    words, labels = labelled(["70876-398 Camargo / MS", "Fax / Web"],
                             ["B-ADDRESS", "I-ADDRESS", "O", "O", "O", "O", "O"])
    assert state_after_address(words, labels) == [
        "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "O", "O"]


def test_a_phone_too_short_to_be_one_is_the_house_number_beside_the_address_or_nothing():
    words, labels = labelled(["302 Amelia Loaf · OL1 8AZ", "Ref 12", "030 1234567"],
                             ["B-PHONE", "B-ADDRESS", "I-ADDRESS", "O", "B-ADDRESS",
                              "I-ADDRESS", "O", "B-PHONE", "B-PHONE", "B-PHONE"])
    assert house_number_in_address(words, labels) == [
        "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "B-ADDRESS", "I-ADDRESS", "O", "O",
        "B-PHONE", "B-PHONE"]

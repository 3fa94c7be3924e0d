"""The rule-based classifier and validator on laid-out words (OCR is tested elsewhere)."""

from __future__ import annotations

import random

from bizcard.pipeline.assemble import raw_values
from bizcard.pipeline.classify import get_classifier
from bizcard.pipeline.regions import region_hints
from bizcard.pipeline.types import Word
from bizcard.pipeline.validate import validate
from tests.pipeline.card_words import card_words


def read_fields(words: list[Word], default_region: str = "US") -> tuple[dict, dict]:
    classification = get_classifier("rules").classify(words)
    regions = region_hints((w.text for w in words), default=default_region)
    return validate(raw_values(words, classification), regions=regions)


GERMAN_CARD = [
    ("Müller & Schmidt GmbH", 30),
    ("Dr. Anna Becker", 40),
    ("Leiterin Vertrieb", 22),
    "Abteilung Großkunden",
    "Hauptstraße 12",
    "10115 Berlin",
    "Tel. 030 12345678",
    "Fax 030 12345679",
    "Mobil +49 151 23456789",
    "a.becker@mueller-schmidt.de",
    "www.mueller-schmidt.de",
]


def test_german_card_fields_come_out_in_the_schema():
    fields, confidence = read_fields(card_words(GERMAN_CARD))
    assert fields["full_name"] == "Dr. Anna Becker"
    assert fields["company"] == "Müller & Schmidt GmbH"
    assert fields["position"] == "Leiterin Vertrieb"
    assert fields["department"] == "Abteilung Großkunden"
    assert fields["address"] == "Hauptstraße 12, 10115 Berlin"
    # National numbers parse as German because the domain is .de, not the US default.
    assert fields["phones"] == ["+493012345678", "+4915123456789"]
    assert fields["fax"] == ["+493012345679"]
    assert fields["emails"] == ["a.becker@mueller-schmidt.de"]
    assert fields["websites"] == ["https://www.mueller-schmidt.de/"]
    assert set(confidence) == {f for f, v in fields.items() if v}


def test_shuffled_ocr_word_order_gives_the_same_fields():
    words = card_words(GERMAN_CARD)
    expected, _ = read_fields(words)
    shuffled = list(words)
    random.Random(3).shuffle(shuffled)
    assert read_fields(shuffled)[0] == expected


def test_contact_line_joined_with_bars_is_split_into_items():
    words = card_words([
        ("Jane Roe", 36),
        "Head of Design",
        "T +1 415 555 0132 | F +1 415 555 0199 | jane@roe.studio | roe.studio",
    ])
    fields, _ = read_fields(words)
    assert fields["phones"] == ["+14155550132"]
    assert fields["fax"] == ["+14155550199"]
    assert fields["emails"] == ["jane@roe.studio"]
    assert fields["websites"] == ["https://roe.studio/"]
    assert fields["full_name"] == "Jane Roe"
    assert fields["position"] == "Head of Design"


def test_ocr_letter_for_digit_confusions_are_repaired_in_numbers():
    words = card_words([("Tom Hale", 36), "Tel: +44 2O7 946 O958", "tom@hale.co.uk"])
    fields, _ = read_fields(words)
    assert fields["phones"] == ["+442079460958"]


def test_number_glued_to_its_label_by_ocr_is_still_read():
    words = card_words([("Tom Hale", 36), "Tel.+442079460958", "Fax:+442079460959"])
    fields, _ = read_fields(words)
    assert fields["phones"] == ["+442079460958"]
    assert fields["fax"] == ["+442079460959"]


def test_a_fax_label_cut_off_by_a_separator_still_makes_the_number_a_fax():
    words = card_words([("Tom Hale", 36), "tel · +1 226 745 2835 | fax · +1 226 745 2836"])
    fields, _ = read_fields(words)
    assert fields["phones"] == ["+12267452835"]
    assert fields["fax"] == ["+12267452836"]


def test_a_lone_letter_before_a_number_is_no_label():
    words = card_words([("Tom Hale", 36), "Building C | +1 226 745 2835"])
    fields, _ = read_fields(words)
    assert fields["phones"] == ["+12267452835"]
    assert fields["fax"] == []


def test_unconfirmed_but_well_formed_number_is_kept_with_lower_confidence():
    # Area code 987 is not assigned: printed on the card, so kept, but trusted less.
    words = card_words([("Chris Smith", 36), "Cell: +1 (987) 123-4567", "Tel: +1 415 555 0132"])
    fields, confidence = read_fields(words)
    assert "+19871234567" in fields["phones"]
    assert confidence["phones"] < 0.8


def test_russian_card_reads_cyrillic_labels():
    words = card_words([
        ("ООО «Ромашка»", 30),
        ("Иванов Иван Петрович", 36),
        "Генеральный директор",
        "г. Москва, ул. Ленина, д. 5",
        "Тел.: 8 (495) 123-45-67",
        "Факс: +7 495 123-45-68",
        "ivanov@romashka.ru",
    ])
    fields, _ = read_fields(words)
    assert fields["full_name"] == "Иванов Иван Петрович"
    assert fields["company"] == "ООО «Ромашка»"
    assert fields["position"] == "Генеральный директор"
    assert fields["address"] == "г. Москва, ул. Ленина, д. 5"
    assert fields["phones"] == ["+74951234567"]
    assert fields["fax"] == ["+74951234568"]


def test_social_profiles_and_taglines_are_not_fields():
    words = card_words([
        ("Ana Souza", 36),
        "Gerente de Projetos",
        "Construindo o futuro juntos",
        "linkedin.com/in/anasouza",
        "ana.souza@exemplo.com.br",
    ])
    fields, _ = read_fields(words)
    assert fields["websites"] == []
    assert fields["address"] is None
    assert fields["full_name"] == "Ana Souza"


def test_postcode_with_dash_is_not_a_phone():
    words = card_words([
        ("Ana Souza", 36),
        "Rua Augusta, 1500",
        "01310-100 São Paulo",
        "ana@exemplo.com.br",
    ])
    fields, _ = read_fields(words)
    assert fields["phones"] == []
    assert fields["address"] == "Rua Augusta, 1500, 01310-100 São Paulo"


def test_regex_baseline_finds_patterns_but_not_company_or_position():
    words = card_words(GERMAN_CARD)
    classification = get_classifier("regex-baseline").classify(words)
    fields, _ = validate(raw_values(words, classification), regions=["DE"])
    assert fields["emails"] == ["a.becker@mueller-schmidt.de"]
    assert fields["company"] is None and fields["position"] is None


def test_address_city_line_below_the_postcode_belongs_to_the_address():
    words = card_words([
        ("Sanne de Vries", 36),
        "Adviseur",
        "Tel. 020 123 4567",
        "sanne@devries.nl",
        "Helenastraat 7",
        "8409 UA",
        "Oost-Souburg",
    ])
    fields, _ = read_fields(words)
    assert fields["address"] == "Helenastraat 7, 8409 UA, Oost-Souburg"


def test_line_in_the_other_column_is_not_glued_to_the_address():
    left = card_words([("Ana Souza", 36), "Veterinario", "Departamento Comercial"])
    right = [
        Word(w.text, tuple((x + 520, y + 60) for x, y in w.quad), w.confidence, w.line + 10)
        for w in card_words(["ana@exemplo.es", "Calle Mayor 12", "28013 Madrid"])
    ]
    fields, _ = read_fields(left + right)
    assert fields["address"] == "Calle Mayor 12, 28013 Madrid"
    assert fields["position"] == "Veterinario"


def test_registration_and_tax_numbers_in_the_small_print_are_not_phones():
    fields, _ = read_fields(card_words([
        ("Atelier Morel SAS", 30),
        ("Lucie Morel", 40),
        "Tél. 01 22 29 25 33",
        "SAS au capital de 28 000 € · RCS Lyon 810 235 275",
        "N° TVA FR39954538857",
        "KvK 41420508 · BTW NL103842938B01",
        "P.IVA 48012626909",
        "Steuer-Nr. 123/456/78901 · EIN 04-7501231",
    ]), default_region="FR")
    assert fields["phones"] == ["+33122292533"]
    assert fields["fax"] == []


def test_an_unlabelled_number_sharing_the_office_numbers_digits_stays_a_phone():
    # A direct line beside the switchboard: only a printed "Fax" makes a number a fax.
    fields, _ = read_fields(card_words([
        ("Mattia Micheletti", 40),
        "+39 02 2014 1396",
        "+39 319 212 2611",
        "+39 02 2014 1360",
        "mattia.micheletti@travaglia.it",
    ]))
    assert fields["phones"] == ["+390220141396", "+393192122611", "+390220141360"]
    assert fields["fax"] == []


def test_a_labelled_direct_line_beside_the_switchboard_stays_a_phone():
    fields, _ = read_fields(card_words([
        ("Erhard Jacob", 40),
        "T +49 30 1234 560",
        "D +49 30 1234 567",
        "Fax +49 30 1234 569",
    ]))
    assert fields["phones"] == ["+49301234560", "+49301234567"]
    assert fields["fax"] == ["+49301234569"]


def test_an_email_address_ocr_split_at_its_at_sign_is_one_address():
    fields, _ = read_fields(card_words([("Jake Burgess", 40), "jake_burgess @rowleyconsulting.uk"]))
    assert fields["emails"] == ["jake_burgess@rowleyconsulting.uk"]


def test_a_label_ocr_glued_to_a_number_leaves_it_a_phone():
    fields, _ = read_fields(card_words([("Kathy Gonzalez", 40), "TI+61 2 1572 6211",
                                        "PI(03)44606612",
                                        "27 George Terrace, Brisbane QLD 4000"]),
                            default_region="AU")
    assert fields["phones"] == ["+61215726211", "+61344606612"]


def test_numbers_side_by_side_without_a_separator_are_each_a_phone():
    words = card_words([("Bryan de Nijs", 40), "Olivierstraat 10, 6711 DH Vuren",
                        "+31617 65 7162 020-521 7022", "bryan@weeldenburg.nl"])
    fields, _ = read_fields(words)
    assert fields["phones"] == ["+31617657162", "+31205217022"]
    assert fields["address"] == "Olivierstraat 10, 6711 DH Vuren"


def test_a_label_printed_after_its_number_says_what_the_number_is():
    words = card_words([("Suzanne Garnier", 40), "+33 1 49 12 16 06 Tél",
                        "+33 6 81 69 91 52 Port.", "+33 1 93 10 40 67 Fax",
                        "suzanne@bernier.com"])
    fields, _ = read_fields(words, "FR")
    assert fields["phones"] == ["+33149121606", "+33681699152"]
    assert fields["fax"] == ["+33193104067"]
    # A label before the next number is that number's, not this one's.
    words = card_words([("Ian Moore", 40), "+353 51 123 456 Fax +353 51 123 457"])
    fields, _ = read_fields(words, "IE")
    assert fields["phones"] == ["+35351123456"] and fields["fax"] == ["+35351123457"]


def test_a_postcode_behind_its_label_is_address_not_a_phone():
    words = card_words([("Ana Souza", 40), "Rua das Flores, 3843 - Centro",
                        "Recife/PE - CEP 50555-990", "+55 81 3456-7890", "ana@flores.com.br"])
    fields, _ = read_fields(words, "BR")
    assert fields["address"] == "Rua das Flores, 3843 - Centro, Recife/PE - CEP 50555-990"
    assert fields["phones"] == ["+558134567890"]
    words = card_words([("Luis Pérez", 40), "Calle 60 No. 568, C.P. 97184 Mérida, YUC",
                        "+52 999 123 4567", "luis@pintor.com.mx"])
    fields, _ = read_fields(words, "MX")
    assert fields["address"] == "Calle 60 No. 568, C.P. 97184 Mérida, YUC"
    assert fields["phones"] == ["+529991234567"]
    # Turkish "Cep" is a mobile number.
    words = card_words([("Ali Kaya", 40), "Cep: 0532 123 45 67", "ali@kaya.com.tr"])
    assert read_fields(words, "TR")[0]["phones"] == ["+905321234567"]


def test_opening_hours_are_no_part_of_the_address():
    words = card_words([("Carla Ruiz", 40), "Calle Mayor 5, 28013 Madrid", "Lun-Vie 9:00-18:00",
                        "carla@ruiz.es"])
    fields, _ = read_fields(words, "ES")
    assert fields["address"] == "Calle Mayor 5, 28013 Madrid"
    words = card_words([("Ian Moore", 40), "16 O'Connell Street, Waterford",
                        "Mon-Fri 9:00-17:30", "ian@moore.ie"])
    assert read_fields(words, "IE")[0]["address"] == "16 O'Connell Street, Waterford"
    for hours in ("Open Mon-Fri 9am-5pm", "Sprechzeiten nach Vereinbarung",
                  "Öppettider: vardagar 9-18", "Режим работы: пн-пт с 10 до 19",
                  "Horário: 2ª a 6ª, 9h às 18h", "Ouvert du mardi au samedi", "Since 1987",
                  "Est. 2014"):
        words = card_words([("Ian Moore", 40), "16 O'Connell Street, Waterford", hours,
                            "ian@moore.ie"])
        assert read_fields(words, "IE")[0]["address"] == "16 O'Connell Street, Waterford", hours
    # Hours after the address on its line go; the address stays.
    for line in ("16 O'Connell Street, Waterford Avoinna 9-17",
                 "Est. 1998 16 O'Connell Street, Waterford",
                 "16 O'Connell Street, Waterford Du lundi"):
        words = card_words([("Ian Moore", 40), line, "ian@moore.ie"])
        assert read_fields(words, "IE")[0]["address"] == "16 O'Connell Street, Waterford", line


def test_registration_numbers_are_no_part_of_the_address():
    for small_print in ("UID:ATU24398761", "Contribuinte n.º 512345678", "Vergi No: 1234567890",
                        "Company No. 08123456"):
        words = card_words([("Ian Moore", 40), "Koglerweg 69", "2447 Murau", small_print,
                            "ian@moore.at"])
        assert read_fields(words, "AT")[0]["address"] == "Koglerweg 69, 2447 Murau", small_print


def test_a_column_of_labels_read_apart_from_their_values_labels_them():
    """OCR reads "fax:" in the label column and the number beside it as two lines; the
    labels still say which number is the fax."""
    labels = card_words(["mobile:", "fax:", "email:"])
    values = [Word(w.text, tuple((x + 200, y) for x, y in w.quad), w.confidence, w.line + 3)
              for w in card_words(["818.258.6475", "657.760.1486", "kevin@algenno.net"])]
    fields, _ = read_fields([*labels, *values])
    assert fields["phones"] == ["+18182586475"]
    assert fields["fax"] == ["+16577601486"]


def test_a_fax_icon_read_as_a_character_before_its_f_is_still_a_fax_label():
    fields, _ = read_fields(card_words(["Alice Vávrová", "+420 261 780 876",
                                        "吕F +420 261 780 854", "alice@radorno.cz"]))
    assert fields["phones"] == ["+420261780876"]
    assert fields["fax"] == ["+420261780854"]
    # A fax machine's icon alone, which PP-OCR reads as "凸".
    fields, _ = read_fields(card_words(["Alice Vávrová", "+420 261 780 876",
                                        "凸+420 261 780 854", "alice@radorno.cz"]))
    assert fields["phones"] == ["+420261780876"]
    assert fields["fax"] == ["+420261780854"]


def test_a_direct_lines_label_is_no_department_and_lines_split_into_title_and_department():
    fields, _ = read_fields(card_words([
        ("Jurre Verbeek", 40), ("Verkoopadviseur", 26), ("Marketing", 26), ("Vino N.V.", 30),
        "Ligne directe +31 342 473 390", "verbeek@vino.nl",
    ]))
    assert fields["position"] == "Verkoopadviseur"
    assert fields["department"] == "Marketing"

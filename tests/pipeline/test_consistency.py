"""Card-level fixes both classifiers apply to their word labels."""

from __future__ import annotations

from bizcard.pipeline.classify.consistency import (
    address_apart_from_taglines,
    address_ends_before_prose,
    address_gap_filled,
    address_head,
    address_icons_outside,
    address_line_between,
    address_tail,
    building_opens_address,
    company_apart_from_its_logo_and_slogan,
    company_as_registered,
    company_ends_at_legal_form,
    company_in_quotes,
    company_line_before_address,
    company_link_words,
    company_named_by_domain,
    company_over_two_lines,
    company_with_legal_form,
    contact_labels_outside,
    country_line_in_address,
    department_apart_from_title,
    department_line,
    department_opens_line,
    extension_outside,
    house_number_in_address,
    institution_over_its_department,
    legal_form_joins_company,
    legal_form_line_joins_company,
    monogram_outside,
    name_after_honorific,
    name_as_its_mailbox,
    name_beside_title,
    name_in_mailbox,
    name_over_two_lines,
    opening_hours_outside,
    practice_is_the_company,
    qr_caption_outside,
    registration_lines_outside,
    russian_name_lines,
    services_line_outside,
    social_handle_outside,
    state_after_address,
    street_line_before_postcode,
    street_line_in_address,
    street_read_as_name,
    title_after_name,
    title_and_department_swapped,
    title_ends_with_its_line,
    title_goes_on_in_its_line,
    title_in_a_slogan,
    title_in_two_languages,
    title_over_two_lines,
    title_with_a_title_word,
    title_without_credentials,
    town_in_address,
)
from bizcard.pipeline.types import Word
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
    # Labels punctuated or suffixed: "CVR-nr.", "C.F. e P.IVA".
    words, labels = labelled(["CVR-nr. 36790180", "C.F. e P.IVA 33162558687"],
                             ["O", "B-PHONE", "O", "O", "O", "B-PHONE"])
    assert registration_lines_outside(words, labels) == ["O"] * 6
    words, labels = labelled(["Denver, CO 80202", "LinkedIn: in/arcadi31", "GST/HST 816960910"],
                             ["I-ADDRESS"] * 3 + ["I-ADDRESS", "O", "O", "B-PHONE"])
    assert registration_lines_outside(words, labels)[3:] == ["O"] * 4
    # The court's name first, misread: its label and number further on.
    words, labels = labelled(["Kaiserstraße 21, 04169 Leipzig", "Amtigenche Kaln HRB 14010",
                              "MW ST CHE-578.414.114"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 7 + ["B-ADDRESS"] * 3)
    assert registration_lines_outside(words, labels) == ["B-ADDRESS"] + ["I-ADDRESS"] * 3 + [
        "O"] * 7
    # An address with a number before such a word keeps it.
    words, labels = labelled(["Via Roma 5, CF 12345"], ["B-ADDRESS"] + ["I-ADDRESS"] * 4)
    assert registration_lines_outside(words, labels) == labels


def test_a_monogram_letter_over_the_company_is_no_part_of_it():
    words, labels = labelled([("F", 60), "Ferrovis Ltda."], ["B-COMPANY", "I-COMPANY", "I-COMPANY"])
    assert monogram_outside(words, labels) == ["O", "I-COMPANY", "I-COMPANY"]
    # The logo's letter read on the name's line: taller, or set apart.
    words, labels = labelled(["Terrapoint Corp."], ["B-COMPANY", "I-COMPANY"])
    logo = Word("t", ((0, 10), (40, 10), (40, 70), (0, 70)), 0.9, words[0].line)
    assert monogram_outside([logo, *words], ["B-COMPANY", "I-COMPANY", "I-COMPANY"]) == [
        "O", "B-COMPANY", "I-COMPANY"]
    words, labels = labelled(["A Plus Services"], ["B-COMPANY", "I-COMPANY", "I-COMPANY"])
    assert monogram_outside(words, labels) == labels

    # Before the name: the company's initials, on a line of their own or a little taller.
    words, labels = labelled([("HE", 40), "Ashley Jarvis", "Hussain Engineering Ltd."],
                             ["B-NAME", "I-NAME", "I-NAME", "B-COMPANY", "I-COMPANY",
                              "I-COMPANY"])
    assert monogram_outside(words, labels)[:3] == ["O", "I-NAME", "I-NAME"]
    words, labels = labelled(["Giancarlo Catenazzi", "MALACARNE S.N.C."],
                             ["B-NAME", "I-NAME", "B-COMPANY", "I-COMPANY"])
    logo = Word("M", ((0, 25), (30, 25), (30, 57), (0, 57)), 0.9, words[0].line)
    assert monogram_outside([logo, *words], ["B-NAME", *labels])[:3] == ["O", "B-NAME", "I-NAME"]
    # An initial of the person's own, in the name's size, stays.
    words, labels = labelled(["J Smith", "Jones Ltd."],
                             ["B-NAME", "I-NAME", "B-COMPANY", "I-COMPANY"])
    assert monogram_outside(words, labels) == labels


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


def test_a_state_after_a_slash_dash_or_comma_ends_the_address():
    words, labels = labelled(["70876-398 Camargo / MS", "Fax / Web"],
                             ["B-ADDRESS", "I-ADDRESS", "O", "O", "O", "O", "O"])
    assert state_after_address(words, labels) == [
        "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "O", "O"]
    words, labels = labelled(["C.P. 50586-4333 Vieja Bélgica, SLP"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "B-COMPANY"])
    assert state_after_address(words, labels)[-1] == "I-ADDRESS"


def test_a_phone_too_short_to_be_one_is_the_house_number_beside_the_address_or_nothing():
    words, labels = labelled(["302 Amelia Loaf · OL1 8AZ", "Ref 12", "030 1234567"],
                             ["B-PHONE", "B-ADDRESS", "I-ADDRESS", "O", "B-ADDRESS",
                              "I-ADDRESS", "O", "B-PHONE", "B-PHONE", "B-PHONE"])
    assert house_number_in_address(words, labels, ["GB"]) == [
        "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "B-ADDRESS", "I-ADDRESS", "O", "O",
        "B-PHONE", "B-PHONE"]


def test_a_postcode_or_house_number_read_as_a_phone_before_the_town_is_address():
    # A Portuguese postcode is no valid phone number; a house number keeps its comma, and
    # the street before it (labelled a title) comes along.
    words, labels = labelled(["Avenida Baptista, 3", "2743-072 Rio Tinto"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "B-PHONE", "B-ADDRESS",
                              "I-ADDRESS"])
    assert house_number_in_address(words, labels, ["PT"])[3:] == [
        "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"]
    words, labels = labelled(["Šůrova 97, 306 04 Buštěhrad"],
                             ["B-POSITION", "B-PHONE", "I-PHONE", "I-PHONE", "B-ADDRESS"])
    assert house_number_in_address(words, labels, ["CZ"]) == [
        "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS"]
    # The same with the model's labels before BIO repair (I- where a value starts).
    labels = ["I-NAME", "I-PHONE", "I-PHONE", "I-PHONE", "I-ADDRESS"]
    assert house_number_in_address(words, labels, ["CZ"]) == [
        "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS"]
    # A postcode after the town that is no valid phone number is the address's end.
    words, labels = labelled(["Aleea Georgescu nr. 123, Constanța 900088"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 4 + ["B-PHONE"])
    assert house_number_in_address(words, labels, ["RO"]) == ["B-ADDRESS"] + ["I-ADDRESS"] * 5
    # So is a Czech house number after the street.
    words, labels = labelled(["Vinohradská 1741/159"], ["B-ADDRESS", "B-PHONE"])
    assert house_number_in_address(words, labels, ["CZ"]) == ["B-ADDRESS", "I-ADDRESS"]
    # A real phone number printed before the address stays a phone.
    words, labels = labelled(["+420 212 806 342 Praha"],
                             ["B-PHONE", "I-PHONE", "I-PHONE", "I-PHONE", "B-ADDRESS"])
    assert house_number_in_address(words, labels, ["CZ"]) == labels


def test_a_phone_extension_is_no_field():
    words, labels = labelled(["+1 845-553-4118 ext. 84390", "162 Hull Plains"],
                             ["B-PHONE", "I-PHONE", "B-ADDRESS", "I-ADDRESS", "I-ADDRESS",
                              "I-ADDRESS", "I-ADDRESS"])
    assert extension_outside(words, labels)[:4] == ["B-PHONE", "I-PHONE", "O", "O"]


def test_a_postcode_left_outside_under_the_address_or_a_town_after_its_postcode_ends_it():
    words, labels = labelled(["063 Ross Burg Suite 495", "IL 58516", "Tel 1"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 4 + ["O", "I-ADDRESS", "O", "O"])
    assert address_tail(words, labels)[5:] == ["I-ADDRESS", "I-ADDRESS", "O", "O"]
    words, labels = labelled(["1469 IS | Bovenkarspel"],
                             ["B-ADDRESS", "I-ADDRESS", "O", "O"])
    assert address_tail(words, labels) == ["B-ADDRESS", "I-ADDRESS", "O", "I-ADDRESS"]
    # At the end of the address's own line: a town after its postcode, an Eircode.
    words, labels = labelled(["Järnvägsgatan 20", "753 20 Uppsala"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O"])
    assert address_tail(words, labels)[4] == "I-ADDRESS"
    words, labels = labelled(["16 Harcourt Road", "Cork T12 R2NC"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "O"])
    assert address_tail(words, labels)[4:] == ["I-ADDRESS", "I-ADDRESS"]
    # Nor is a registration line, though its number looks like a postcode.
    words, labels = labelled(["60311 Frankfurt", "Amtsgericht München HRB 382662"],
                             ["B-ADDRESS", "I-ADDRESS", "O", "O", "O", "O"])
    assert address_tail(words, labels) == labels
    # A tagline under the address is no part of it.
    words, labels = labelled(["063 Ross Burg", "Building tomorrow"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "O"])
    assert address_tail(words, labels) == labels


def test_a_title_and_a_department_on_one_line_are_two_values():
    for printed, labels, expected in (
        ("Head of marketing -IT Department", ["B-POSITION"] + ["I-POSITION"] * 4,
         ["B-POSITION", "I-POSITION", "I-POSITION", "B-DEPARTMENT", "I-DEPARTMENT"]),
        ("Ufficio Acquisti | Consulente finanziario", ["B-POSITION"] * 1 + ["I-POSITION"] * 4,
         ["B-DEPARTMENT", "I-DEPARTMENT", "O", "B-POSITION", "I-POSITION"]),
        ("Salgsafdelingen– Fængselsfunktionær", ["B-DEPARTMENT", "I-DEPARTMENT"],
         ["B-DEPARTMENT", "B-POSITION"]),
        ("Dział Sprzedaży. Bibliotekarz", ["B-DEPARTMENT", "I-DEPARTMENT", "I-DEPARTMENT"],
         ["B-DEPARTMENT", "I-DEPARTMENT", "B-POSITION"]),
        ("Chief Executive Officer | Marketing & Communications",
         ["B-POSITION", "I-POSITION", "I-POSITION", "O", "B-DEPARTMENT", "O", "B-DEPARTMENT"],
         ["B-POSITION", "I-POSITION", "I-POSITION", "O", "B-DEPARTMENT", "I-DEPARTMENT",
          "I-DEPARTMENT"]),
        ("Заместитель директора : Служба поддержки", ["B-POSITION"] + ["I-POSITION"] * 4,
         ["B-POSITION", "I-POSITION", "O", "B-DEPARTMENT", "I-DEPARTMENT"]),
        # Two titles, or a title with its region, stay one value.
        ("Senior Manager, EMEA", ["B-POSITION", "I-POSITION", "I-POSITION"],
         ["B-POSITION", "I-POSITION", "I-POSITION"]),
    ):
        words = card_words([printed])
        assert department_apart_from_title(words, labels) == expected, printed


def test_a_line_that_reads_as_a_department_is_one_when_its_field_has_another_line():
    words, labels = labelled(["Olivia Häkkinen", "Talousjohtaja", "Tietohallinto"],
                             ["B-NAME", "I-NAME", "B-POSITION", "I-POSITION"])
    assert department_line(words, labels)[3] == "B-DEPARTMENT"
    words, labels = labelled(["Josefina Luukkonen", "Hankinnat"],
                             ["B-NAME", "I-NAME", "B-NAME"])
    assert department_line(words, labels)[2] == "B-DEPARTMENT"
    # A "title" with no title word that names a department is one, alone on the card too.
    words, labels = labelled(["Igor Budzich", "Finanse"], ["B-NAME", "I-NAME", "B-POSITION"])
    assert department_line(words, labels)[2] == "B-DEPARTMENT"
    # A department word with one letter misread is still one ("Jurídico" read "luridico").
    words, labels = labelled(["Gerente de vendas", "luridico"],
                             ["B-POSITION", "I-POSITION", "I-POSITION", "I-POSITION"])
    assert department_line(words, labels)[3] == "B-DEPARTMENT"
    # A title going on over two lines, or a card that has its department, stays as it is.
    words, labels = labelled(["Head of Sales and", "Marketing"],
                             ["B-POSITION"] + ["I-POSITION"] * 4)
    assert department_line(words, labels) == labels
    words, labels = labelled(["Talousjohtaja", "Tietohallinto", "Myynti"],
                             ["B-POSITION", "I-POSITION", "B-DEPARTMENT"])
    assert department_line(words, labels) == labels


def test_a_title_or_department_read_on_into_the_name_is_that_field():
    words, labels = labelled(["Prof. Chaitaly Iyengar Vice President, Sales"],
                             ["B-NAME"] + ["I-NAME"] * 4 + ["B-POSITION"])
    assert title_after_name(words, labels) == [
        "B-NAME", "I-NAME", "I-NAME", "B-POSITION", "I-POSITION", "I-POSITION"]
    words, labels = labelled(["Фаина Максимова", "Бухгалтерия"], ["B-NAME", "I-NAME", "I-NAME"])
    assert title_after_name(words, labels) == ["B-NAME", "I-NAME", "B-DEPARTMENT"]
    # Compound titles in German and the Nordic languages are titles too.
    for title in ("Niederlassungsleiterin", "Marketingchef", "Salgskonsulent"):
        words, labels = labelled(["Nicole Schlatter", title], ["B-NAME", "I-NAME", "I-NAME"])
        assert title_after_name(words, labels) == ["B-NAME", "I-NAME", "B-POSITION"], title
    # A surname that is also a trade ("Kaufmann") stays in the name.
    words, labels = labelled(["Peter Kaufmann", "Vertrieb"], ["B-NAME", "I-NAME", "B-POSITION"])
    assert title_after_name(words, labels) == labels


def test_a_line_that_spells_the_domain_is_the_company():
    words, labels = labelled(["Keith Consulting", "Michael Keith", "m.keith@fishermendez.com",
                              "South Larrybury", "Fisher-Mendez"],
                             ["B-COMPANY", "I-COMPANY", "B-NAME", "I-NAME", "B-EMAIL",
                              "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert company_named_by_domain(words, labels) == [
        "O", "O", "B-NAME", "I-NAME", "B-EMAIL", "B-ADDRESS", "I-ADDRESS", "B-COMPANY"]
    # Name and company swapped: the company named by the domain, the name the other line.
    words, labels = labelled(["PPUH Wosiek", "Maciej Sobieszczyk", "Kierownik Projektu",
                              "m.sobieszczyk@ppuh-wosiek.pl"],
                             ["B-NAME", "I-NAME", "B-COMPANY", "I-COMPANY", "B-POSITION",
                              "I-POSITION", "B-EMAIL"])
    assert company_named_by_domain(words, labels)[:4] == [
        "B-COMPANY", "I-COMPANY", "B-NAME", "I-NAME"]
    # A person's own domain does not make their name a company, nor does a social handle.
    words, labels = labelled(["Jane Roe", "jane@janeroe.com", "@janeroe"],
                             ["B-NAME", "I-NAME", "B-EMAIL", "O"])
    assert company_named_by_domain(words, labels) == labels


def test_a_legal_form_left_outside_after_the_company_is_part_of_it():
    words, labels = labelled(["Bláhová k.s.", "Váš spolehlivý partner"],
                             ["B-COMPANY", "O", "O", "O", "O"])
    assert legal_form_joins_company(words, labels) == ["B-COMPANY", "I-COMPANY", "O", "O", "O"]


def test_a_legal_form_on_its_own_line_under_the_company_ends_it():
    words, labels = labelled(["Cicala Immobiliare", "S.p.A.", "Via Roma 1"],
                             ["B-COMPANY", "I-COMPANY", "O", "B-ADDRESS", "I-ADDRESS",
                              "I-ADDRESS"])
    assert legal_form_line_joins_company(words, labels)[2] == "I-COMPANY"
    words, labels = labelled(["Astraline", "GmbH & Co. KG"],
                             ["B-COMPANY", "B-COMPANY", "O", "O", "I-COMPANY"])
    assert legal_form_line_joins_company(words, labels) == ["B-COMPANY"] + ["I-COMPANY"] * 4
    # Not a legal form alone, or not under the company: left as it was.
    words, labels = labelled(["Astraline", "AG Finance"], ["B-COMPANY", "B-DEPARTMENT",
                                                          "I-DEPARTMENT"])
    assert legal_form_line_joins_company(words, labels) == labels
    words, labels = labelled(["Jan Novak", "AS"], ["B-NAME", "I-NAME", "O"])
    assert legal_form_line_joins_company(words, labels) == labels


def test_a_house_number_prefix_left_outside_starts_the_address():
    words, labels = labelled(["H.No. 636, Murthy Nagar", "GSTIN: 59AAACB1036C1Z5"],
                             ["O", "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "O"])
    assert address_head(words, labels) == [
        "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "O"]
    words, labels = labelled(["Office 46, Nath Circle"], ["O", "B-ADDRESS", "I-ADDRESS",
                                                          "I-ADDRESS"])
    assert address_head(words, labels) == ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS"]
    # A country before the postcode.
    words, labels = labelled(["Россия, 630099, г. Новосибирск"],
                             ["O", "I-ADDRESS", "B-ADDRESS", "I-ADDRESS"])
    assert address_head(words, labels) == ["B-ADDRESS", "I-ADDRESS", "B-ADDRESS", "I-ADDRESS"]


def test_a_department_with_a_title_word_and_a_title_that_is_a_department_trade_labels():
    words, labels = labelled(["Teamleiterin Buchhaltung", "Qualitätsmanagement"],
                             ["B-DEPARTMENT", "I-DEPARTMENT", "B-POSITION"])
    assert title_and_department_swapped(words, labels) == [
        "B-POSITION", "I-POSITION", "B-DEPARTMENT"]
    words, labels = labelled(["Head of Sales", "Marketing Manager"],
                             ["B-DEPARTMENT", "I-DEPARTMENT", "I-DEPARTMENT", "B-POSITION",
                              "I-POSITION"])
    assert title_and_department_swapped(words, labels) == labels


def test_a_russian_name_is_told_by_its_patronymic():
    # A third word on a line of its own, no patronymic: the title.
    words, labels = labelled(["Олимпий", "Никифоров", "Бактериолог", "Отдел маркетинга"],
                             ["B-NAME", "I-NAME", "I-NAME", "B-DEPARTMENT", "I-DEPARTMENT"])
    assert russian_name_lines(words, labels)[:3] == ["B-NAME", "I-NAME", "B-POSITION"]
    # A whole name with its patronymic: the line under it is the title.
    words, labels = labelled(["Шашков Ян Всеволодович", "Пулемётчик"], ["B-NAME"] + [
        "I-NAME"] * 3)
    assert russian_name_lines(words, labels) == ["B-NAME", "I-NAME", "I-NAME", "B-POSITION"]
    # Surname, first name and patronymic over three lines stay one name.
    words, labels = labelled(["Горбачев", "Пров", "Брониславович"], ["B-NAME"] + ["I-NAME"] * 2)
    assert russian_name_lines(words, labels) == labels
    # A first name and patronymic take the surname on the line above, whatever its label.
    words, labels = labelled([("Горбачев", 40), ("Пров Брониславович", 40), ("Кузнец", 24)],
                             ["B-COMPANY", "B-NAME", "I-NAME", "B-POSITION"])
    assert russian_name_lines(words, labels) == ["B-NAME", "I-NAME", "I-NAME", "B-POSITION"]
    # A company in another size above stays the company.
    words, labels = labelled([("Ромашка", 24), ("Пров Брониславович", 40)],
                             ["B-COMPANY", "B-NAME", "I-NAME"])
    assert russian_name_lines(words, labels) == labels


def one_line(*parts: tuple[str, float]) -> list[Word]:
    """Words of one OCR line whose parts are set in different sizes."""
    words: list[Word] = []
    left = 40.0
    for text, height in parts:
        part = card_words([(text, height)], left=left)
        words += [Word(w.text, tuple((x, y + 40 - height) for x, y in w.quad), w.confidence, 0)
                  for w in part]
        left = part[-1].box[2] + 20
    return words


def test_a_name_in_larger_type_before_the_title_on_its_line_is_the_name():
    words = one_line(("Дарья Ширяева", 40), ("специалист по подбору персонала", 24))
    assert name_beside_title(words, ["B-POSITION"] + ["I-POSITION"] * 5) == [
        "B-NAME", "I-NAME", "B-POSITION", "I-POSITION", "I-POSITION", "I-POSITION"]
    # All in one size: a title, however capitalised.
    words = one_line(("Senior Account Manager", 24))
    assert name_beside_title(words, ["B-POSITION", "I-POSITION", "I-POSITION"]) == [
        "B-POSITION", "I-POSITION", "I-POSITION"]
    # The card names someone elsewhere: the title line is left as it is.
    words = one_line(("Grand Cru", 40), ("Sommelier", 24))
    assert name_beside_title(words, ["B-POSITION", "I-POSITION", "I-POSITION"])[0] == "B-NAME"
    words.append(Word("Anna", ((40, 200), (90, 200), (90, 224), (40, 224)), 0.99, 1))
    labels = ["B-POSITION", "I-POSITION", "I-POSITION", "B-NAME"]
    assert name_beside_title(words, labels) == labels


def test_a_name_the_email_spells_is_the_name_though_labelled_as_the_company():
    """In capitals over the contact lines, a name reads like a company; the mailbox made of
    its first and last name says whose it is."""
    for mailbox in ("espen.antonsen", "e.antonsen", "eantonsen"):
        words, labels = labelled([("ESPEN ANTONSEN", 44), f"{mailbox}@bakke.no"],
                                 ["B-COMPANY", "I-COMPANY", "B-EMAIL"])
        assert name_in_mailbox(words, labels) == ["B-NAME", "I-NAME", "B-EMAIL"], mailbox
    words, labels = labelled([("ESPEN ANTONSEN", 44), "www.espenantonsen.com"],
                             ["B-COMPANY", "I-COMPANY", "B-WEBSITE"])
    assert name_in_mailbox(words, labels) == ["B-NAME", "I-NAME", "B-WEBSITE"]
    words, labels = labelled([("Keith Consulting", 44), "www.keithconsulting.com"],
                             ["B-COMPANY", "I-COMPANY", "B-WEBSITE"])
    assert name_in_mailbox(words, labels) == labels
    # A company on a card that has a name, or one the mailbox does not spell, stays.
    words, labels = labelled([("Kari Holm", 40), ("ESPEN ANTONSEN", 30), "espen@bakke.no"],
                             ["B-NAME", "I-NAME", "B-COMPANY", "I-COMPANY", "B-EMAIL"])
    assert name_in_mailbox(words, labels) == labels
    words, labels = labelled([("BAKKE TRANSPORT", 44), "post@bakke.no"],
                             ["B-COMPANY", "I-COMPANY", "B-EMAIL"])
    assert name_in_mailbox(words, labels) == labels
    # A name left unlabelled: every name run together, or the first name alone; a brand
    # joined with "&" is no name, whatever its site spells.
    words, labels = labelled([("Lic. María Luisa Caro", 44), "marialuisa_caro@sastre.es"],
                             ["O", "O", "O", "O", "B-EMAIL"])
    assert name_in_mailbox(words, labels) == ["B-NAME"] + ["I-NAME"] * 3 + ["B-EMAIL"]
    words, labels = labelled([("Che Hargadon", 44), "che@consulting.com"], ["O", "O", "B-EMAIL"])
    assert name_in_mailbox(words, labels) == ["B-NAME", "I-NAME", "B-EMAIL"]
    words, labels = labelled([("CLAVERO & EXPÓSITO", 44), "www.claveroexposito.com"],
                             ["O", "O", "O", "B-WEBSITE"])
    assert name_in_mailbox(words, labels) == labels
    # A web domain that is the first word of a line is the company's, not a first name.
    words, labels = labelled([("Inženiring Dolenc d.d.", 44), "https://inzeniring.com"],
                             ["B-COMPANY", "I-COMPANY", "I-COMPANY", "B-WEBSITE"])
    assert name_in_mailbox(words, labels) == labels


def test_the_only_department_with_a_title_word_is_the_title():
    words, labels = labelled(["Ida Bolz", "Kundenberater"], ["B-NAME", "I-NAME", "B-DEPARTMENT"])
    assert title_and_department_swapped(words, labels) == ["B-NAME", "I-NAME", "B-POSITION"]
    # A department named outright stays one.
    words, labels = labelled(["Ida Bolz", "Dział IT"],
                             ["B-NAME", "I-NAME", "B-DEPARTMENT", "I-DEPARTMENT"])
    assert title_and_department_swapped(words, labels) == labels


def test_hours_with_unmarked_or_misread_days_and_glued_registration_codes_are_no_address():
    from bizcard.pipeline import lexicon

    assert lexicon.opening_hours_start("Mán-Fre 8-17") == 0
    assert lexicon.opening_hours_start("Mo-Fr B-17 Uhr") == 0
    assert lexicon.opening_hours_start("Lun-Ven Bordeaux 33") is None
    assert lexicon.is_registration_label("RFCABC58738BXY1")
    assert lexicon.is_registration_label("V.No:") and lexicon.is_registration_label("ЄДРПОУ")
    assert lexicon.is_registration_label("OIB") and lexicon.is_registration_label("KMKR")
    assert not lexicon.is_registration_label("EN16")
    assert lexicon.FOUNDED.search("695052 1983 года")
    for founded in ("1970'den beri", "2004’ten beri", "Działamy od 1964 r.", "Vuodesta 1955",
                    "Grundat 1967", "Fondata nel 2011", "1990 óta", "Alapítva: 1975",
                    "з 1998 р.", "от 1998 г.", "Засновано у 2004", "Fondat în 2011",
                    "Работаем c 1982 годе"):  # a Latin "c" for "с"
        assert lexicon.FOUNDED.search(founded), founded
    assert not lexicon.FOUNDED.search("ul. Odrowąża 1955")
    assert not lexicon.FOUNDED.search("Block C 1982")
    assert lexicon.opening_hours_start("0pen Mon-Sat 8:30-18:00") == 0
    assert lexicon.opening_hours_start("Termine nach Vereinbarung") == 0
    assert lexicon.opening_hours_start("By appointment only") == 0
    assert lexicon.opening_hours_start("ma-Vr 9u-17a") == 0  # Dutch hours, "u" misread
    assert lexicon.FOUNDED.search("Alapitva 2000")


def test_a_social_handle_after_its_icon_is_no_line_of_the_address():
    words, labels = labelled(
        ["Eliana Napolitano", "eliana@lanfranchi.it", "Rotonda Borroni, 55", "Olanfranchi"],
        ["B-NAME", "I-NAME", "B-EMAIL", "B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert social_handle_outside(words, labels)[-1] == "O"
    # The name run together, and a handle OCR misread a little ("anagueffa" for anaguerra).
    words, labels = labelled(["Erling Mikkelsen", "erling@mail.dk", "Odder", "Gerlingmikkelsen",
                              "ana.guerra@moura.com.br", "Oanagueffa"],
                             ["B-NAME", "I-NAME", "B-EMAIL", "B-ADDRESS", "I-ADDRESS", "B-EMAIL",
                              "I-ADDRESS"])
    assert social_handle_outside(words, labels)[3:] == ["B-ADDRESS", "O", "B-EMAIL", "O"]
    # The company's wordmark spells its domain: it stays.
    for wordmark in ("Lanfranchi", "Lanfranchl"):  # one letter misread
        words, labels = labelled([wordmark, "info@lanfranchi.it"], ["B-COMPANY", "B-EMAIL"])
        assert social_handle_outside(words, labels) == labels
    # A name printed spaced in capitals and read run together stays the name.
    words, labels = labelled(["MIRIAMMEYER", "mmeyer@isar-logistik.de"], ["B-NAME", "B-EMAIL"])
    assert social_handle_outside(words, labels) == labels


def test_the_company_is_the_registered_name_not_the_brand_above_it():
    words, labels = labelled(["COOK SOLUTIONS", "Cook Solutions Co.", "Regina Smith"],
                             ["B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY",
                              "B-NAME", "I-NAME"])
    assert company_as_registered(words, labels) == [
        "O", "O", "B-COMPANY", "I-COMPANY", "I-COMPANY", "B-NAME", "I-NAME"]
    words, labels = labelled(["Logisztika Nagy", "Logisztika Nagy Kft."],
                             ["B-COMPANY", "I-COMPANY", "O", "O", "O"])
    assert company_as_registered(words, labels) == [
        "O", "O", "B-COMPANY", "I-COMPANY", "I-COMPANY"]
    words, labels = labelled(["АЛЬФА ПРОМ", "ЗАО «Альфа пром»"],
                             ["B-COMPANY", "I-COMPANY", "O", "O", "O"])
    assert company_as_registered(words, labels) == [
        "O", "O", "B-COMPANY", "I-COMPANY", "I-COMPANY"]
    # A different name with a legal form is another company's: nothing changes.
    words, labels = labelled(["Cook Solutions", "Smith Holdings Ltd."],
                             ["B-COMPANY", "I-COMPANY", "O", "O", "O"])
    assert company_as_registered(words, labels) == labels


def test_a_slogan_after_the_postcode_is_no_part_of_the_address():
    words, labels = labelled(
        ["20518 Porter Mission", "Jeffreyview, BC H9N2X1", "Building tomorrow, today"],
        ["B-ADDRESS"] + ["I-ADDRESS"] * 8)
    assert address_ends_before_prose(words, labels)[-3:] == ["O"] * 3
    words, labels = labelled(["Claas-Wulff-Gasse 370", "05024 Norden",
                              "Zuverlässig. Schnell. Regional."], ["B-ADDRESS"] + ["I-ADDRESS"] * 6)
    assert address_ends_before_prose(words, labels)[-3:] == ["O"] * 3
    # A province, a country (in lower case too) and a Russian address's parts stay.
    for lines in (["Rosario 2000", "Santa Fe"], ["525 11 Petřvald", "Česká republika"],
                  ["636553, г. Серебряные Пруды"], ["Calle 9 Nº 13", "Rawson 9103, Chubut"]):
        words = card_words(lines)
        labels = ["B-ADDRESS"] + ["I-ADDRESS"] * (len(words) - 1)
        assert address_ends_before_prose(words, labels) == labels, lines


def test_a_bank_account_and_a_tagline_with_the_founding_year_are_no_fields():
    words, labels = labelled(["ul. Wałowa 144", "PL87 5436 3360 1374 2422 9425 6958"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 9)
    assert registration_lines_outside(words, labels)[3:] == ["O"] * 7
    words, labels = labelled(["д. 895, 947453", "Работаем для вас с 1998 года"],
                             ["B-ADDRESS"] * 3 + ["I-ADDRESS"] * 6)
    assert opening_hours_outside(words, labels)[3:] == ["O"] * 6
    # The company's name beside its founding year stays.
    words, labels = labelled(["Müller & Söhne seit 1902"], ["B-COMPANY"] + ["I-COMPANY"] * 4)
    assert opening_hours_outside(words, labels) == ["B-COMPANY", "I-COMPANY", "I-COMPANY",
                                                    "O", "O"]


def test_a_line_ending_in_a_legal_form_is_no_first_line_of_the_address():
    words, labels = labelled(["George & Estrada Co.", "6004 Stokes Locks", "North Deborah, KY"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 9)
    assert company_line_before_address(words, labels)[:5] == [
        "B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY", "B-ADDRESS"]


def test_an_icon_read_as_a_letter_is_no_part_of_the_address():
    words, labels = labelled(["702 Robert Mount", "M", "FY5A 0QA"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS",
                              "I-ADDRESS"])
    assert address_icons_outside(words, labels)[3] == "O"
    words, labels = labelled(["Robert Mount", "South Michelleshire"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    pin = Word("D", ((0, 68), (20, 68), (20, 92), (0, 92)), 0.9, words[2].line)
    assert address_icons_outside([*words, pin], [*labels, "B-ADDRESS"])[2:] == [
        "B-ADDRESS", "I-ADDRESS", "O"]
    # "N Main St": a compass point.
    words, labels = labelled(["N Main St"], ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert address_icons_outside(words, labels) == labels


def test_a_house_number_line_read_as_a_name_is_the_address():
    words, labels = labelled(["Javier Edwards", "093 Michael Cliff"],
                             ["B-NAME", "I-NAME", "B-NAME", "I-NAME", "I-NAME"])
    assert street_read_as_name(words, labels) == [
        "B-NAME", "I-NAME", "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"]


def test_a_street_line_the_model_gave_in_part_to_the_address_is_the_address():
    words, labels = labelled(["Intrarea Gheorghiu Nr. 987 Bl. 22 Sc. 70 Ap. 514", "Bacau, 996732"],
                             ["B-COMPANY", "I-COMPANY", "O", "O", "O", "B-ADDRESS", "I-ADDRESS",
                              "I-ADDRESS", "I-ADDRESS", "O", "B-ADDRESS", "I-ADDRESS"])
    assert street_line_in_address(words, labels)[:10] == ["B-ADDRESS"] + ["I-ADDRESS"] * 9
    # A company line with a number and no address word is left alone.
    words, labels = labelled(["Route 66 Diner", "Main St 5"],
                             ["B-COMPANY", "I-COMPANY", "I-COMPANY", "B-ADDRESS", "I-ADDRESS",
                              "I-ADDRESS"])
    assert street_line_in_address(words, labels) == labels


def test_a_one_word_title_and_the_department_after_it_are_two_values():
    words, labels = labelled(["Kundenberater Abteilung Einkauf"], ["B-DEPARTMENT", "I-DEPARTMENT",
                                                                  "I-DEPARTMENT"])
    assert department_apart_from_title(words, labels) == ["B-POSITION", "B-DEPARTMENT",
                                                          "I-DEPARTMENT"]
    words, labels = labelled(["Innkjøpsansvarlig Innkjøp"], ["B-POSITION", "I-POSITION"])
    assert department_apart_from_title(words, labels) == ["B-POSITION", "B-DEPARTMENT"]
    # A title of two words stays whole.
    words, labels = labelled(["Director Marketing"], ["B-POSITION", "I-POSITION"])
    assert department_apart_from_title(words, labels) == labels


def test_a_brand_that_starts_the_registered_name_gives_way_to_it():
    words, labels = labelled(["RIOS", "Rios & Alvarez S.A.S.", "Lautaro Martinez"],
                             ["B-COMPANY", "B-POSITION", "I-POSITION", "I-POSITION",
                              "I-POSITION", "B-NAME", "I-NAME"])
    assert company_as_registered(words, labels) == [
        "O", "B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY", "B-NAME", "I-NAME"]
    # The Russian form read as digits still marks the registered name.
    words, labels = labelled(["ГЕОСЕРВИС", "000 «Геосервис»"],
                             ["B-COMPANY", "B-COMPANY", "I-COMPANY"])
    assert company_as_registered(words, labels) == ["O", "B-COMPANY", "I-COMPANY"]


def test_the_company_printed_with_its_legal_form_wins_over_a_brand():
    # Both found: the one without a form is the brand.
    words, labels = labelled(["BLUEFORM", "Guerreiro & Lima Lda.", "Lorena Domingues"],
                             ["B-COMPANY", "B-COMPANY", "I-COMPANY", "I-COMPANY",
                              "I-COMPANY", "B-NAME", "I-NAME"])
    assert company_with_legal_form(words, labels) == [
        "O", "B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY", "B-NAME", "I-NAME"]
    # Only the brand found: the registered line, read as a title, is the company, whole.
    words, labels = labelled(["Luminet", "Katalin Molnár", "NOVUM Kereskedelmi Bt.",
                              "Kereskedelmi képviselő"],
                             ["B-COMPANY", "B-NAME", "I-NAME", "O", "B-POSITION",
                              "I-POSITION", "B-POSITION", "I-POSITION"])
    assert company_with_legal_form(words, labels) == [
        "O", "B-NAME", "I-NAME", "B-COMPANY", "I-COMPANY", "I-COMPANY", "B-POSITION",
        "I-POSITION"]
    # A form before a quoted or Russian name.
    words, labels = labelled(["Baltijas", 'AS "Baltijas Loģistika"'],
                             ["B-COMPANY", "B-COMPANY", "O", "O"])
    assert company_with_legal_form(words, labels) == [
        "O", "B-COMPANY", "I-COMPANY", "I-COMPANY"]


def test_a_line_with_a_legal_form_that_is_no_registered_name_is_left_alone():
    for line, line_labels in (
            ("a member of Smith Holdings Ltd.", ["O"] * 6),  # prose
            ("Reg. No. 0123 Cook Ltd.", ["O"] * 5),  # a number
            ("Jan Novák s.r.o.", ["B-NAME", "I-NAME", "O"]),  # the card's only name
            ("Group", ["O"])):  # a weak form alone
        words, labels = labelled(["COOK", line], ["B-COMPANY", *line_labels])
        assert company_with_legal_form(words, labels) == labels, line
    # Neither the model's company nor any line has a form: nothing changes.
    words, labels = labelled(["Contoso", "Chris Smith"], ["B-COMPANY", "B-NAME", "I-NAME"])
    assert company_with_legal_form(words, labels) == labels


def test_a_street_and_number_over_a_postcode_line_is_the_address():
    # A street named for a person read as a name; no street word at all ("Miletičova").
    for street, street_labels in (("Björkgatan 82", ["I-NAME", "O"]),
                                  ("Miletičova 33", ["B-COMPANY", "O"]),
                                  ("Dzirnavu iela 143", ["O", "O", "O"])):
        words, labels = labelled(["Maria Lindqvist", street, "411 19 Göteborg"],
                                 ["B-NAME", "I-NAME", *street_labels, "O", "O", "B-COMPANY"])
        fixed = street_line_before_postcode(words, labels)
        assert fixed[:2] == ["B-NAME", "I-NAME"]
        assert fixed[2:] == ["B-ADDRESS"] + ["I-ADDRESS"] * (len(street_labels) + 2)
    # An address line above continues into the street.
    words, labels = labelled(["Building C", "Rambla 124", "28046 Madrid"],
                             ["B-ADDRESS", "I-ADDRESS", "O", "O", "B-ADDRESS", "I-ADDRESS"])
    assert street_line_before_postcode(words, labels) == ["B-ADDRESS"] + ["I-ADDRESS"] * 5
    # A founding year or a number under a name is no street; a contact line is left alone.
    for line, line_labels in (("Since 1998", ["O", "O"]), ("Tel 5", ["O", "B-PHONE"])):
        words, labels = labelled([line, "411 19 Göteborg"],
                                 [*line_labels, "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
        assert street_line_before_postcode(words, labels) == labels


def test_words_left_outside_inside_the_address_line_are_part_of_it():
    words, labels = labelled(["Mannerheiminbulevardi 159, FI-01510 Vantaa"],
                             ["B-ADDRESS", "I-ADDRESS", "O", "I-ADDRESS"])
    assert address_gap_filled(words, labels) == ["B-ADDRESS"] + ["I-ADDRESS"] * 3
    # A contact's label between two address words stays outside.
    words, labels = labelled(["Rua X 5 Tel 12"], ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS",
                                                  "O", "I-ADDRESS"])
    assert address_gap_filled(words, labels) == labels


def test_a_networks_label_and_its_handle_are_no_field():
    words, labels = labelled(["IG: @bianchi", "X: ©ana_lopez", "in @ana"],
                             ["B-COMPANY", "O", "B-ADDRESS", "I-ADDRESS", "B-NAME", "O"])
    assert social_handle_outside(words, labels) == ["O"] * 6


def test_a_contact_label_set_apart_by_a_bar_is_no_field():
    words, labels = labelled(["E-post | charlie@x.se"], ["B-COMPANY", "O", "B-EMAIL"])
    assert contact_labels_outside(words, labels) == ["O", "O", "B-EMAIL"]


def test_a_name_the_mailbox_spells_without_its_marks_is_the_name():
    """German and Scandinavian addresses spell "ä" as "ae"; a surname alone is a mailbox
    too; academic titles ("lic. iur.", "Dr.-Ing.") are no part of what it spells."""
    words, labels = labelled(["lic. iur. Andrzej Näf", "naef@meister.ch"],
                             ["O", "O", "O", "O", "B-EMAIL"])
    assert name_in_mailbox(words, labels) == [
        "B-NAME", "I-NAME", "I-NAME", "I-NAME", "B-EMAIL"]
    # A Greek name read as a department, its mailbox in Latin letters.
    words, labels = labelled(["Πολύμνια Αλεξανδρίδου", "alexandridou@botziori.gr"],
                             ["B-DEPARTMENT", "I-DEPARTMENT", "B-EMAIL"])
    assert name_in_mailbox(words, labels) == ["B-NAME", "I-NAME", "B-EMAIL"]
    words, labels = labelled(["Dr.-Ing. Heinz-Joachim Otto", "heinz-joachimotto4@web.de"],
                             ["B-COMPANY", "I-COMPANY", "I-COMPANY", "B-EMAIL"])
    assert name_in_mailbox(words, labels) == ["B-NAME", "I-NAME", "I-NAME", "B-EMAIL"]


def test_a_title_without_a_title_word_gives_way_to_one_with_it():
    words, labels = labelled(["Twój partner w biznesie", "Aleks Gałat", "Dyrektor Handlowy"],
                             ["O", "O", "B-POSITION", "I-POSITION", "B-NAME", "I-NAME",
                              "B-POSITION", "I-POSITION"])
    assert title_with_a_title_word(words, labels) == [
        "O", "O", "O", "O", "B-NAME", "I-NAME", "B-POSITION", "I-POSITION"]
    # A title over two lines keeps its first line; with no title word anywhere, nothing
    # changes.
    words, labels = labelled(["Creative", "Director"], ["B-POSITION", "B-POSITION"])
    assert title_with_a_title_word(words, labels) == labels
    words, labels = labelled(["Vækst", "Partner"], ["B-POSITION", "B-NAME"])
    assert title_with_a_title_word(words, labels) == labels


def test_a_title_word_in_a_slogan_is_no_title():
    words, labels = labelled(["Quality you can trust", "Regional Manager"],
                             ["B-DEPARTMENT", "O", "O", "O", "B-POSITION", "I-POSITION"])
    assert title_in_a_slogan(words, labels) == ["O"] * 4 + ["B-POSITION", "I-POSITION"]
    # A title beside a name or a label is no slogan.
    words, labels = labelled(["Sales Manager | Acme"], ["B-POSITION", "I-POSITION", "O", "O"])
    assert title_in_a_slogan(words, labels) == labels


def test_a_line_between_two_lines_of_the_address_is_part_of_it():
    words, labels = labelled(["34 Raffles Place", "#18-07 Ocean Financial Centre",
                              "Singapore 711164"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "O", "B-POSITION",
                              "O", "B-ADDRESS", "I-ADDRESS"])
    assert address_line_between(words, labels) == ["B-ADDRESS"] + ["I-ADDRESS"] * 8
    # A phone line between them stays.
    words, labels = labelled(["34 Raffles Place", "Tel +65 6326 2376", "Singapore 711164"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "B-PHONE",
                              "I-PHONE", "I-PHONE", "B-ADDRESS", "I-ADDRESS"])
    assert address_line_between(words, labels) == labels
    # So do opening hours between the address and a line the model took for it.
    words, labels = labelled(["Herrengasse 11, 8010 Graz", "Öffnungszeiten: Mo-Do 9-18 Uhr",
                              "Gedruckt auf Recyclingpapier"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O", "O",
                              "O", "O", "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert address_line_between(words, labels) == labels


def test_a_line_the_mailbox_spells_is_the_name_where_the_found_name_spells_none():
    words, labels = labelled(["HS", "David Lane", "david.lane@hampton.com.sg"],
                             ["B-NAME", "B-ADDRESS", "I-ADDRESS", "B-EMAIL"])
    assert name_as_its_mailbox(words, labels) == ["O", "B-NAME", "I-NAME", "B-EMAIL"]
    # The found name spells the mailbox: nothing changes.
    words, labels = labelled(["David Lane", "Park Lane", "d.lane@x.com"],
                             ["B-NAME", "I-NAME", "B-ADDRESS", "I-ADDRESS", "B-EMAIL"])
    assert name_as_its_mailbox(words, labels) == labels


def test_a_legal_form_printed_with_spaces_marks_the_registered_name():
    words, labels = labelled(["Krištof Pavelka", "Skutecká Strojárne s. r. o."],
                             ["B-NAME", "I-NAME", "B-POSITION", "I-POSITION", "I-POSITION",
                              "I-POSITION", "I-POSITION"])
    assert company_with_legal_form(words, labels) == [
        "B-NAME", "I-NAME", "B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY"]


def test_a_practice_line_is_the_company_and_its_owner_after_a_title_the_name():
    words, labels = labelled(["TRÜB", "Kanzlei Dr. Trüb", "Dr. Holger Trüb, MBA"],
                             ["B-COMPANY", "O", "B-NAME", "O", "O", "O", "O", "O"])
    labels = practice_is_the_company(words, labels)
    assert labels == ["O", "B-COMPANY", "I-COMPANY", "I-COMPANY", "O", "O", "O", "O"]
    assert name_after_honorific(words, labels)[4:] == ["B-NAME", "I-NAME", "I-NAME", "I-NAME"]
    # A company with a legal form stays; a name found stays.
    words, labels = labelled(["Lehner OG", "Studio Rossi"],
                             ["B-COMPANY", "I-COMPANY", "O", "O"])
    assert practice_is_the_company(words, labels) == labels
    words, labels = labelled(["Ian Mälzer", "Dr. med. Ian Mälzer"],
                             ["B-NAME", "I-NAME", "B-COMPANY", "I-COMPANY", "I-COMPANY",
                              "I-COMPANY"])
    assert name_after_honorific(words, labels) == labels


def test_a_title_left_open_goes_on_to_the_end_of_its_line():
    words, labels = labelled(["Fachanwältin für Familienrecht", "Kanzlei Weber"],
                             ["B-POSITION", "O", "B-DEPARTMENT", "B-COMPANY", "I-COMPANY"])
    assert title_goes_on_in_its_line(words, labels) == [
        "B-POSITION", "I-POSITION", "I-POSITION", "B-COMPANY", "I-COMPANY"]
    # Not over a contact.
    words, labels = labelled(["Partner and +49 30 1234567"],
                             ["B-POSITION", "O", "B-PHONE", "I-PHONE", "I-PHONE"])
    assert title_goes_on_in_its_line(words, labels) == labels


def test_a_title_line_read_into_the_name_under_it_is_the_title():
    words, labels = labelled(["Dr. med. dent. Branka Riehl", "Zahnärztin · Implantologie"],
                             ["B-NAME"] + ["I-NAME"] * 4 + ["I-NAME", "O", "B-POSITION"])
    assert title_after_name(words, labels)[5] == "B-POSITION"


def test_a_social_handle_spells_the_name_the_model_read_as_a_title():
    words, labels = labelled(["Brito Imóveis", "Bryan Assunção", "in/bryanassuncao"],
                             ["B-NAME", "I-NAME", "B-POSITION", "I-POSITION", "O"])
    assert name_as_its_mailbox(words, labels) == ["O", "O", "B-NAME", "I-NAME", "O"]
    # The company's own handle names no one.
    words, labels = labelled(["Bonnet Avocats", "Sylvie Dufour", "@bonnet.avocats"],
                             ["B-COMPANY", "I-COMPANY", "B-NAME", "I-NAME", "O"])
    assert name_as_its_mailbox(words, labels) == labels


def test_a_company_loses_its_logo_word_and_a_slogan_is_no_company():
    words, labels = labelled(["ROMERO", "Romero Family Dentistry"],
                             ["B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY"])
    assert company_apart_from_its_logo_and_slogan(words, labels) == [
        "O", "B-COMPANY", "I-COMPANY", "I-COMPANY"]
    words, labels = labelled(["Trusted advice since day one"], ["B-COMPANY"] + ["I-COMPANY"] * 4)
    assert company_apart_from_its_logo_and_slogan(words, labels) == ["O"] * 5
    # A company with lower-case words and a legal form stays.
    words, labels = labelled(["Cepeda ingenieros y asociados S.L."],
                             ["B-COMPANY"] + ["I-COMPANY"] * 4)
    assert company_apart_from_its_logo_and_slogan(words, labels) == labels


def test_a_long_title_wrapped_onto_the_next_line_goes_on_there():
    words, labels = labelled(["Menadžer za razvoj poslovanja", "i odnose sa ključnim klijentima"],
                             ["B-POSITION"] + ["I-POSITION"] * 3 + ["O", "O", "B-DEPARTMENT",
                                                                  "I-DEPARTMENT", "O"])
    assert title_over_two_lines(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 8
    words, labels = labelled(["Regional Sales Manager,", "Northern Europe & Baltics"],
                             ["B-POSITION", "I-POSITION", "I-POSITION", "O", "O", "O", "O"])
    assert title_over_two_lines(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 6
    # A title's line that ends in a linking word; its start read as a department.
    words, labels = labelled(["Affärsområdeschef för", "Fastighetsförvaltning"],
                             ["B-POSITION", "O", "B-DEPARTMENT"])
    assert title_over_two_lines(words, labels) == ["B-POSITION", "I-POSITION", "I-POSITION"]
    words, labels = labelled(["Rahvusvahelise müügi ja", "kliendisuhete osakonna juhataja"],
                             ["B-DEPARTMENT", "I-DEPARTMENT", "I-DEPARTMENT", "B-POSITION",
                              "I-POSITION", "I-POSITION"])
    assert title_over_two_lines(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 5
    # A department under a finished title stays.
    words, labels = labelled(["Sales Manager", "Marketing"],
                             ["B-POSITION", "I-POSITION", "B-DEPARTMENT"])
    assert title_over_two_lines(words, labels) == labels


def test_a_long_department_wrapped_onto_the_next_line_goes_on_there():
    words, labels = labelled(["Service des routes et de la", "mobilité"],
                             ["B-DEPARTMENT"] + ["I-DEPARTMENT"] * 5 + ["O"])
    assert title_over_two_lines(words, labels) == ["B-DEPARTMENT"] + ["I-DEPARTMENT"] * 6


def test_a_slogan_last_after_the_house_number_is_no_part_of_the_address():
    words, labels = labelled(["г. Новосибирск, Красный пр., д. 62, оф. 96",
                              "Надежность, проверенная временем"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 10)
    assert address_ends_before_prose(words, labels) == ["B-ADDRESS"] + ["I-ADDRESS"] * 7 + [
        "O"] * 3
    # The address's words of a slogan line are left out, the model's outside word stays.
    words, labels = labelled(["65092, м. Одеса, вул. Дерибасівська, 142", "Разом до успіху"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 5 + ["O", "B-ADDRESS", "I-ADDRESS"])
    assert address_ends_before_prose(words, labels)[-3:] == ["O"] * 3
    # A line in the middle of the address stays, and so does a town after the number.
    for lines in (["Via Roma 5", "presso Centro Direzionale", "20121 Milano"],
                  ["ул. Ленина, д. 5", "г. Москва"]):
        words = card_words(lines)
        labels = ["B-ADDRESS"] + ["I-ADDRESS"] * (len(words) - 1)
        assert address_ends_before_prose(words, labels) == labels, lines


def test_a_tagline_word_after_the_postcode_and_town_is_no_part_of_the_address():
    """Where the postcode and town end the address (Germany, Finland), a line after them
    is a country or a tagline; elsewhere it may be the state."""
    words, labels = labelled(["Schillerstrasse 53b", "70171 Stuttgart", "Kompetenz"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 4)
    assert address_ends_before_prose(words, labels, ["DE"])[-1] == "O"
    words, labels = labelled(["Kauppakatu 33 A", "33210 Tampere", "Suomi"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 5)
    assert address_ends_before_prose(words, labels, ["FI"]) == labels
    words, labels = labelled(["21 Linking Road", "Mumbai 400010", "Maharashtra"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 5)
    assert address_ends_before_prose(words, labels, ["IN"]) == labels


def test_daily_opening_hours_are_no_part_of_the_address():
    words, labels = labelled(["г. Самара, 443957", "Ежедневно с 9 до 21"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 7)
    assert opening_hours_outside(words, labels) == ["B-ADDRESS"] + ["I-ADDRESS"] * 2 + ["O"] * 5


def test_a_town_after_its_marker_next_to_the_address_is_the_addresss():
    # The marker read without its full stop, the town read as a title.
    words, labels = labelled(["198688, Россия, г Санкт-Петербург", "наб. Обводного канала, д. 121"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "B-POSITION", "B-ADDRESS",
                              "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert town_in_address(words, labels)[:4] == ["B-ADDRESS"] + ["I-ADDRESS"] * 3
    # "r" for "г" before the town that starts the address line.
    words, labels = labelled(["r Пермь, 614672"], ["O", "B-ADDRESS", "I-ADDRESS"])
    assert town_in_address(words, labels) == ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS"]
    # Nowhere near an address, or a Latin word after "r", it is left alone.
    for lines, labels in ((["г. Москва"], ["O", "O"]),
                          (["r Smith", "5 Main St"], ["O", "B-NAME", "B-ADDRESS", "I-ADDRESS",
                                                      "I-ADDRESS"])):
        assert town_in_address(card_words(lines), labels) == labels
    # A town's marker is no icon before the address.
    words, labels = labelled(["ул. Бауманская, д. 37", "г Москва, 137035"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 6)
    assert address_icons_outside(words, labels) == labels


def test_a_line_that_opens_with_a_department_word_is_the_department_whole():
    for line, labels in (("Faculty of Health Sciences", ["O"] * 4),
                         ("Dipartimento di Ingegneria Civile", ["B-DEPARTMENT", "O", "O", "O"]),
                         ("Klinik für Innere Medizin", ["B-COMPANY"] + ["I-COMPANY"] * 3)):
        words = card_words([line])
        assert department_opens_line(words, labels) == ["B-DEPARTMENT"] + ["I-DEPARTMENT"] * (
            len(words) - 1), line
    # A title with a department's word, a weak word without a link, and a contact stay.
    for line, labels in (("Department Manager", ["B-POSITION", "I-POSITION"]),
                         ("Service Clientèle Express", ["B-COMPANY"] + ["I-COMPANY"] * 2),
                         ("Faculty +44 20 7946 0000", ["O", "B-PHONE"] + ["I-PHONE"] * 3)):
        assert department_opens_line(card_words([line]), labels) == labels, line


def test_a_title_in_two_languages_is_one_title():
    words, labels = labelled(["Projektleiterin / Project Manager"],
                             ["B-POSITION", "O", "B-POSITION", "I-POSITION"])
    assert title_in_two_languages(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 3
    # One half left outside that reads as a title joins too.
    words, labels = labelled(["Hoof-ingenieur / Chief Engineer"],
                             ["O", "O", "B-POSITION", "I-POSITION"])
    assert title_in_two_languages(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 3
    # The slash glued to the first half.
    words, labels = labelled(["Ingenieur/ Ingénieur"], ["B-POSITION", "O"])
    assert title_in_two_languages(words, labels) == ["B-POSITION", "I-POSITION"]
    # A title and a department set apart by a slash stay two values.
    words, labels = labelled(["Sales Manager / Marketing"],
                             ["B-POSITION", "I-POSITION", "O", "B-DEPARTMENT"])
    assert title_in_two_languages(words, labels) == labels


def test_a_company_name_wrapped_onto_two_lines_is_one_name():
    words, labels = labelled(["Regionalny Zarząd Gospodarki", "Wodnej w Olsztynie"],
                             ["B-DEPARTMENT", "I-DEPARTMENT", "I-DEPARTMENT", "B-COMPANY",
                              "I-COMPANY", "I-COMPANY"])
    assert company_over_two_lines(words, labels) == ["B-COMPANY"] + ["I-COMPANY"] * 5
    # Read as two companies, one on each line (right-aligned, "Irish Marine" / "Standards
    # Agency").
    words, labels = labelled(["Irish Marine", "Standards Agency"],
                             ["B-COMPANY", "I-COMPANY", "B-COMPANY", "I-COMPANY"])
    assert company_over_two_lines(words, labels) == ["B-COMPANY"] + ["I-COMPANY"] * 3
    words, labels = labelled(["Agenzia Regionale per", "l'Ambiente del Piemonte"],
                             ["B-COMPANY", "I-COMPANY", "I-COMPANY", "O", "O", "O"])
    assert company_over_two_lines(words, labels) == ["B-COMPANY"] + ["I-COMPANY"] * 5
    # Opening hours, a handle, a department or a slogan over the company stay apart, and
    # so does a line under a company that ends in its legal form.
    for lines, labels in (
            (["Mån-fre 8-17", "Göta Logistik AB"], ["O", "O", "B-COMPANY", "I-COMPANY",
                                                     "I-COMPANY"]),
            (["Instagram: @malgorzata", "Centrum Budowlane Sp. j."],
             ["O", "O", "B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY"]),
            (["Abteilung Vertrieb", "Müller Werkzeuge GmbH"],
             ["B-DEPARTMENT", "I-DEPARTMENT", "B-COMPANY", "I-COMPANY", "I-COMPANY"]),
            (["Compromiso con la salud", "Sanatorio San Martín"],
             ["O"] * 4 + ["B-COMPANY", "I-COMPANY", "I-COMPANY"]),
            (["Berg & Solheim AS", "Rådgivende Ingeniører"],
             ["B-COMPANY", "I-COMPANY", "I-COMPANY", "I-COMPANY", "O", "O"]),
            (["Nordlicht Media", "Nordlicht Media GmbH"],  # a logo over the registered name
             ["B-COMPANY", "I-COMPANY", "B-COMPANY", "I-COMPANY", "I-COMPANY"])):
        assert company_over_two_lines(card_words(lines), labels) == labels, lines


def test_a_building_line_over_the_address_opens_it_and_a_company_line_does_not():
    words, labels = labelled(["Cathedral Buildings", "78 King Street", "Glasgow G2 1DY"],
                             ["B-ADDRESS", "O", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS",
                              "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert building_opens_address(words, labels)[:3] == ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS"]
    words, labels = labelled(["Bank Chambers", "199 Park Row"],
                             ["O", "O", "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert building_opens_address(words, labels)[:3] == ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS"]
    words, labels = labelled(["Pennine Building Society", "60 Corporation Street"],
                             ["O", "O", "O", "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert building_opens_address(words, labels) == labels
    # A business centre's line under the address closes it, and is no slogan.
    words, labels = labelled(["344487, г. Ростов-на-Дону, ул. Садовая, 139",
                              "БЦ «Северная башня»"], ["B-ADDRESS"] + ["I-ADDRESS"] * 5 + ["O"] * 3)
    closed = building_opens_address(words, labels)
    assert closed == ["B-ADDRESS"] + ["I-ADDRESS"] * 8
    assert address_ends_before_prose(words, closed) == closed


def test_an_institution_or_department_line_is_no_first_line_of_the_address():
    words, labels = labelled(["Opća bolnica Sveti Duje", "Savska cesta 54", "31000 Osijek"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 8)
    assert company_line_before_address(words, labels) == ["B-COMPANY"] + ["I-COMPANY"] * 3 + [
        "B-ADDRESS"] + ["I-ADDRESS"] * 4
    words, labels = labelled(["Setor de Compras", "Av. Rio Branco, 1005"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 6)
    assert company_line_before_address(words, labels)[:4] == [
        "B-DEPARTMENT", "I-DEPARTMENT", "I-DEPARTMENT", "B-ADDRESS"]


def test_a_title_that_heads_the_department_after_it_is_one_title():
    from bizcard.pipeline import lexicon

    words, labels = labelled(["Voditelj odjela nabave"],
                             ["B-POSITION", "B-DEPARTMENT", "I-DEPARTMENT"])
    assert department_apart_from_title(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 2
    assert not lexicon.reads_as_department("Voditelj odjela nabave")
    assert lexicon.reads_as_department("Odjel nabave")
    # An adjective may stand between ("Заведующий кардиологическим отделением").
    for title in ("Заведующий кардиологическим отделением", "Доцент кафедры экономики",
                  "Primář kardiologického oddělení", "Head of Division"):
        assert lexicon.heads_a_department(title.split()), title
    # Units and banking lines are departments, also read without their marks.
    for department in ("International Relations Office", "Tietojenkäsittelytieteen laitos",
                       "Rättsenheten", "Private Banking", "Risk Management", "Dzial Kadr"):
        assert lexicon.reads_as_department(department), department
    assert not lexicon.reads_as_department("Office Manager")
    words, labels = labelled(["Kundenberater Abteilung Einkauf"],
                             ["B-POSITION", "I-POSITION", "I-POSITION"])
    assert department_apart_from_title(words, labels) == [
        "B-POSITION", "B-DEPARTMENT", "I-DEPARTMENT"]
    # After a rank and a comma, what the rank is over; a department named outright, or
    # one after a title of its own, stays apart.
    words, labels = labelled(["Director, Client Services"],
                             ["B-POSITION", "B-DEPARTMENT", "I-DEPARTMENT"])
    assert department_apart_from_title(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 2
    words, labels = labelled(["Jefe de Proyecto, Atención al Cliente"],
                             ["B-POSITION", "I-POSITION", "I-POSITION", "B-DEPARTMENT",
                              "I-DEPARTMENT", "I-DEPARTMENT"])
    assert department_apart_from_title(words, labels) == labels
    words, labels = labelled(["Manager, Marketing Department"],
                             ["B-POSITION", "I-POSITION", "I-POSITION"])
    assert department_apart_from_title(words, labels) == [
        "B-POSITION", "B-DEPARTMENT", "I-DEPARTMENT"]


def test_south_slavic_weekdays_start_opening_hours():
    from bizcard.pipeline import lexicon

    assert lexicon.opening_hours_start("Croatia, Pon-Pet 8-16 h") == len("Croatia, ")
    assert lexicon.opening_hours_start("Po-Pi 8:00-16:00") == 0


def test_a_floor_after_its_number_is_no_registration_label():
    """Finnish "krs" (kerros, floor) after the floor's number stays in the address; "KRS"
    opening a line is Poland's court register."""
    words, labels = labelled(["Mannerheimintie 151 B", "19. krs", "33100 Tampere"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 6)
    assert registration_lines_outside(words, labels) == labels
    words, labels = labelled(["KRS 0000123456"], ["B-ADDRESS", "I-ADDRESS"])
    assert registration_lines_outside(words, labels) == ["O", "O"]


def test_a_slogan_that_opens_with_a_building_word_is_no_building():
    words, labels = labelled(["Suite 1104, 231 George Street", "Leeds LS1 4DY",
                              "Building stronger communities since 1887"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 7 + ["O"] * 5)
    assert building_opens_address(words, labels) == labels
    words, labels = labelled(["Building stronger communities", "Level 34, 61 George Street"],
                             ["O"] * 3 + ["B-ADDRESS"] + ["I-ADDRESS"] * 4)
    assert building_opens_address(words, labels) == labels


def test_words_left_out_where_an_address_line_breaks_are_the_addresss():
    """A floor's word at a line's end ("3. tv.") or a building's at the next line's start
    ("budova A"), and a letter the model took for a contact label ("Tour E,")."""
    words, labels = labelled(["Søndergade 150, 3. tv.", "1620 København V"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O",
                              "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert address_gap_filled(words, labels)[3] == "I-ADDRESS"
    words, labels = labelled(["Na Příkopě 196", "budova A, 7. patro"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O",
                              "B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert address_gap_filled(words, labels)[3] == "I-ADDRESS"
    words, labels = labelled(["Tour E, 6e étage"], ["B-ADDRESS", "O", "B-ADDRESS", "I-ADDRESS"])
    assert address_gap_filled(words, labels)[1] == "I-ADDRESS"
    # A contact's label between two lines stays outside.
    words, labels = labelled(["Rue de Fer 9", "Tél. 5000 Namur"],
                             ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS", "I-ADDRESS", "O",
                              "B-ADDRESS", "I-ADDRESS"])
    assert address_gap_filled(words, labels)[4] == "O"


def test_services_and_slogans_at_the_edges_of_an_address_are_no_part_of_it():
    words, labels = labelled(["İstiklal Cad. No: 186", "Çankaya / Ankara 06690",
                              "Karayolu · Denizyolu · Havayolu"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 12)
    assert address_apart_from_taglines(words, labels)[-5:] == ["O"] * 5
    words, labels = labelled(["Hoitoa lähellä sinua", "Kauppurienkatu 132 A", "00100 Helsinki"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 7)
    fixed = address_apart_from_taglines(words, labels)
    assert fixed[:3] == ["O"] * 3 and fixed[3] == "B-ADDRESS"
    words, labels = labelled(["Software der virker"], ["B-ADDRESS", "I-ADDRESS", "I-ADDRESS"])
    assert address_apart_from_taglines(words, labels) == ["O"] * 3
    # Lines without digits that are the address's stay: a town, a street, a country.
    for lines in (["Atatürk Cad. No: 149", "Çankaya / Ankara"],
                  ["Rua Augusta, 12 - Sala 5", "Bela Vista - São Paulo/SP"],
                  ["г. Москва", "ул. Тверская, д. 5"],
                  ["Keizersgracht 81", "5611 AZ Eindhoven", "Nederland"]):
        words = card_words(lines)
        labels = ["B-ADDRESS"] + ["I-ADDRESS"] * (len(words) - 1)
        assert address_apart_from_taglines(words, labels) == labels, lines


def test_where_the_postcode_ends_the_address_a_line_after_it_is_a_tagline():
    words, labels = labelled(["1948 State Street, Suite 2155", "Chicago, IL 60606",
                              "Private Banking"], ["B-ADDRESS"] + ["I-ADDRESS"] * 9)
    assert address_ends_before_prose(words, labels, ["US"])[-2:] == ["O", "O"]
    words, labels = labelled(["1948 State Street", "Chicago, IL 60606", "USA"],
                             ["B-ADDRESS"] + ["I-ADDRESS"] * 6)
    assert address_ends_before_prose(words, labels, ["US"]) == labels


def test_a_title_in_two_languages_apart_by_a_bar_or_over_two_lines_is_one_title():
    words, labels = labelled(["Verkställande direktör | CEO"],
                             ["B-POSITION", "I-POSITION", "O", "B-POSITION"])
    assert title_in_two_languages(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 3
    # A half read as another field that reads as a title is the title's.
    words, labels = labelled(["Logistikchef | Head of Logistics"],
                             ["B-DEPARTMENT", "O", "B-POSITION", "I-POSITION", "I-POSITION"])
    assert title_in_two_languages(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 4
    words, labels = labelled(["Cardioloog | Cardiologist"], ["B-POSITION", "O", "B-NAME"])
    assert title_in_two_languages(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 2
    words, labels = labelled(["Advocaat | Partner | Notaris"],
                             ["B-POSITION", "O", "B-POSITION", "O", "O"])
    assert title_in_two_languages(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 4
    # Wrapped after the slash, with a word before it left outside.
    words, labels = labelled(["Catedrática de Derecho Mercantil /",
                              "Professor of Commercial Law"],
                             ["B-POSITION", "I-POSITION", "I-POSITION", "O", "O",
                              "B-POSITION", "I-POSITION", "I-POSITION", "I-POSITION"])
    assert title_over_two_lines(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 8
    # The first language left outside, the second read as the title.
    words, labels = labelled(["Управляющий партнёр |", "Managing Partner"],
                             ["O", "O", "O", "B-POSITION", "I-POSITION"])
    assert title_over_two_lines(words, labels) == ["B-POSITION"] + ["I-POSITION"] * 4
    # A department ending in a bar does not join the title under it.
    words, labels = labelled(["Nemzetközi Kapcsolatok Főosztálya /", "Human Resources"],
                             ["B-DEPARTMENT"] + ["I-DEPARTMENT"] * 3 + ["B-POSITION",
                                                                       "I-POSITION"])
    assert title_over_two_lines(words, labels)[0] == "B-DEPARTMENT"


def test_a_line_that_closes_with_a_departments_word_is_the_department():
    words, labels = labelled(["Juridisk Afdeling"], ["O", "O"])
    assert department_opens_line(words, labels) == ["B-DEPARTMENT", "I-DEPARTMENT"]
    words, labels = labelled(["International Relations Office"],
                             ["B-DEPARTMENT", "I-DEPARTMENT", "O"])
    assert department_opens_line(words, labels) == ["B-DEPARTMENT"] + ["I-DEPARTMENT"] * 2
    # "Office" alone is a title's ("Office Manager") or a firm's word.
    words, labels = labelled(["Family Office"], ["B-COMPANY", "I-COMPANY"])
    assert department_opens_line(words, labels) == labels


def test_a_list_of_services_holds_no_department_title_or_name():
    words, labels = labelled(["Strategie · Finanzen · Personal"],
                             ["B-NAME", "O", "B-DEPARTMENT", "O", "B-POSITION"])
    assert services_line_outside(words, labels) == ["O"] * 5
    for lines, kept in ((["Advocaat | Partner | Notaris"],
                         ["B-POSITION"] + ["I-POSITION"] * 4),
                        (["Jan Novák · Sales · Praha"],
                         ["B-NAME", "I-NAME", "O", "B-DEPARTMENT", "O", "O"])):
        words, labels = labelled(lines, kept)
        assert services_line_outside(words, labels) == kept, lines


def test_a_surname_on_the_line_under_the_first_name_stays_the_name():
    words, labels = labelled(["LARISSA", "MACHADO", "Consultora",
                              "Machado & Guerra Advogados S.A."],
                             ["B-NAME", "I-NAME", "B-POSITION", "B-COMPANY"] + ["I-COMPANY"] * 4)
    assert company_as_registered(words, labels) == labels


def test_a_linking_word_inside_a_company_name_and_a_qr_caption():
    words, labels = labelled(["Hochschule für Wirtschaft"], ["B-COMPANY", "O", "B-COMPANY"])
    assert company_link_words(words, labels) == ["B-COMPANY", "I-COMPANY", "I-COMPANY"]
    words, labels = labelled(["Scan me"], ["B-COMPANY", "I-COMPANY"])
    assert qr_caption_outside(words, labels) == ["O", "O"]
    words, labels = labelled(["Scandinavian Freight AB"], ["B-COMPANY"] + ["I-COMPANY"] * 2)
    assert qr_caption_outside(words, labels) == labels


def test_a_title_ends_with_its_line_where_the_next_is_a_department_company_or_slogan():
    for lines, below in (
            (["Business Coach", "Customer Success"], ["B-DEPARTMENT", "I-DEPARTMENT"]),
            (["ELECTRICISTA", "Reformas Atlas S.A."], ["B-COMPANY"] + ["I-COMPANY"] * 2),
            (["Мастер", "Ремонт под ключ"], ["O"] * 3)):
        words = card_words(lines)
        labels = ["B-POSITION"] + ["I-POSITION"] * (len(words) - 1)
        above = len(lines[0].split())
        assert title_ends_with_its_line(words, labels) == labels[:above] + below, lines
    # A title wrapped after a linking word, or onto a title's word, goes on.
    for lines in (["Head of Research and", "Development"], ["Chief Executive", "Officer"]):
        words = card_words(lines)
        labels = ["B-POSITION"] + ["I-POSITION"] * (len(words) - 1)
        assert title_ends_with_its_line(words, labels) == labels, lines


def test_credentials_before_a_title_are_no_part_of_it():
    words, labels = labelled(["AIA, LEED AP", "Pediatrician"],
                             ["B-POSITION", "I-POSITION", "I-POSITION", "I-POSITION"])
    assert title_without_credentials(words, labels) == ["O", "O", "O", "B-POSITION"]
    words, labels = labelled(["MBA"], ["B-POSITION"])
    assert title_without_credentials(words, labels) == ["B-POSITION"]


def test_a_letter_before_a_streets_word_is_a_map_pin():
    words, labels = labelled(["P Av. Rio Branco, 1736"], ["B-ADDRESS"] + ["I-ADDRESS"] * 4)
    assert address_icons_outside(words, labels)[:2] == ["O", "B-ADDRESS"]


def test_a_name_in_quotes_after_its_kind_is_the_company_whole():
    words, labels = labelled(["ГБУЗ «Городская", "клиническая больница № 26»",
                              "Наина Костина"],
                             ["O", "B-COMPANY", "B-COMPANY", "I-COMPANY", "O", "B-COMPANY",
                              "B-NAME", "I-NAME"])
    assert company_in_quotes(words, labels) == ["B-COMPANY"] + ["I-COMPANY"] * 5 + [
        "B-NAME", "I-NAME"]
    words, labels = labelled(["Юридическая фирма «ТрансЛогистик»"],
                             ["B-POSITION", "O", "B-COMPANY"])
    assert company_in_quotes(words, labels) == ["B-COMPANY", "I-COMPANY", "I-COMPANY"]
    # A slogan in quotes is no company.
    words, labels = labelled(["Мы говорим «да» переменам"], ["O"] * 4)
    assert company_in_quotes(words, labels) == labels


def test_of_two_departments_the_one_over_the_name_is_the_institution():
    words, labels = labelled(["Secretaría de Economía", "Mónica Cruz", "Socio Director",
                              "Subdirección General de Tributos"],
                             ["B-DEPARTMENT", "I-DEPARTMENT", "I-DEPARTMENT", "B-NAME",
                              "I-NAME", "B-POSITION", "I-POSITION", "B-DEPARTMENT"]
                             + ["I-DEPARTMENT"] * 3)
    fixed = institution_over_its_department(words, labels)
    assert fixed[:3] == ["B-COMPANY", "I-COMPANY", "I-COMPANY"] and fixed[7:] == labels[7:]
    # With a company on the card, both stay departments.
    words, labels = labelled(["Acme Ltd", "Sales", "Ana Lima", "Export"],
                             ["B-COMPANY", "I-COMPANY", "B-DEPARTMENT", "B-NAME", "I-NAME",
                              "B-DEPARTMENT"])
    assert institution_over_its_department(words, labels) == labels


def test_opening_hours_over_the_street_are_no_street_line():
    words, labels = labelled(["Open daily 10-10", "6897 Maple Drive, Ste. 6",
                              "Brooklyn, NY 11279"],
                             ["O"] * 3 + ["B-ADDRESS"] + ["I-ADDRESS"] * 7)
    assert street_line_before_postcode(words, labels)[:3] == ["O"] * 3

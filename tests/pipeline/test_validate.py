"""The validator: what it keeps, repairs and drops, and how sure it says it is."""

from __future__ import annotations

import pytest

from bizcard.pipeline.assemble import RawValue
from bizcard.pipeline.regions import region_hints
from bizcard.pipeline.validate import validate


def raw(**fields: list[str]) -> dict[str, list[RawValue]]:
    return {name: [RawValue(text, 0.9) for text in values] for name, values in fields.items()}


def test_phone_in_national_format_uses_the_card_region():
    fields, _ = validate(raw(phones=["089 1234567"]), regions=["DE", "US"])
    assert fields["phones"] == ["+49891234567"]


def test_garbage_that_is_not_a_number_is_dropped_not_invented():
    fields, confidence = validate(raw(phones=["12-34"]), regions=["US"])
    assert fields["phones"] == [] and "phones" not in confidence


def test_number_printed_as_fax_and_phone_stays_only_in_fax():
    fields, _ = validate(raw(phones=["+1 415 555 0132"], fax=["+1 415 555 0132"]), regions=["US"])
    assert fields["phones"] == [] and fields["fax"] == ["+14155550132"]


def test_email_is_cleaned_of_ocr_debris_and_domain_lower_cased():
    fields, _ = validate(raw(emails=["@Jane.Doe@Example.COM"]), regions=["US"])
    assert fields["emails"] == ["Jane.Doe@example.com"]


def test_invalid_email_is_dropped():
    fields, _ = validate(raw(emails=["jane@@example"]), regions=["US"])
    assert fields["emails"] == []


def test_website_gets_a_scheme_and_lower_case_host():
    fields, _ = validate(raw(websites=["WWW.Example.com/Team"]), regions=["US"])
    assert fields["websites"] == ["https://www.example.com/Team"]


def test_a_name_with_digits_is_not_a_name():
    fields, _ = validate(raw(full_name=["J0hn 5mith 42"]), regions=["US"])
    assert fields["full_name"] is None


def test_address_parts_are_joined_in_order():
    fields, _ = validate(raw(address=["2 Kingdom Street", "London W2 6BD"]), regions=["GB"])
    assert fields["address"] == "2 Kingdom Street, London W2 6BD"


def test_region_hints_come_from_domain_postcode_and_script():
    assert region_hints(["info@firma.de"], default="US")[0] == "DE"
    assert region_hints(["London W2 6BD"], default="US")[0] == "GB"
    assert region_hints(["Москва"], default="US")[0] == "RU"
    assert region_hints(["nothing here"], default="FR") == ["FR"]


@pytest.mark.parametrize(
    ("printed", "region"),
    [("Jamesfort, TAS, 5504", "AU"), ("Sydney NSW 2000", "AU"), ("Toronto, ON M5V 2T6", "CA"),
     ("West Stephen, YT H9R6P2", "CA"), ("3583 Neuhausen, Switzerland", "CH")],
)
def test_australian_and_canadian_postcodes_and_country_names_give_the_region(printed, region):
    assert region_hints([printed], default="US")[0] == region


def test_national_number_on_an_australian_card_parses_as_australian():
    regions = region_hints(["Sydney NSW 2000"], default="US")
    fields, _ = validate(raw(phones=["(02) 9374 4000"]), regions=regions)
    assert fields["phones"] == ["+61293744000"]


def test_a_misread_www_prefix_is_repaired_and_real_hosts_are_left_alone():
    fields, _ = validate(raw(websites=["https://ww.alves.com.br/", "wwwbenthin.com",
                                       "www-www.fabregas.es", "w3.org", "wwf.org",
                                       "ммм.меридиан.рф", "wwwwww.aalto-rakennus.fi"]),
                         regions=["US"])
    assert fields["websites"] == ["https://www.alves.com.br/", "https://www.benthin.com/",
                                  "https://www.fabregas.es/", "https://w3.org/",
                                  "https://wwf.org/", "https://www.меридиан.рф/",
                                  "https://www.aalto-rakennus.fi/"]


def test_ocr_glue_is_undone_in_company_and_department():
    fields, _ = validate(raw(company=["Suministros MurilloS.L."],
                             department=["Research& Development"]), regions=["ES"])
    assert fields["company"] == "Suministros Murillo S.L."
    assert fields["department"] == "Research & Development"
    for company in ("Benthin LöwerAG & Co. KGaA", "BANG", "AT&T Inc."):
        fields, _ = validate(raw(company=[company]), regions=["DE"])
        assert fields["company"] == company.replace("LöwerAG", "Löwer AG")


@pytest.mark.parametrize(
    ("printed", "region"),
    [
        # The language of the card's words, when nothing else names the country.
        (["Luc Chauvin", "Expert immobilier", "Direction Financière", "06 42 98 16 25"], "FR"),
        (["Anna Kowalska", "Kierownik działu sprzedaży", "ul. Długa 5, 00-238 Warszawa"],
         "PL"),
        # A number printed in international format names its country for the others.
        (["Jean Bourquin", "073.741.18.97", "+41 26.018.89.37"], "CH"),
        (["0049 30 1234567", "030 7654321"], "DE"),
        # A legal form of one country's company law.
        (["Nordic Freight AB", "Anders Lind", "08-123 456 78"], "SE"),
        (["Bouw Daems BVBA"], "BE"),
        (["Analytics Mangat Private Limited", "074112 85482"], "IN"),
        # A large city of a country whose language names no one country.
        (["Dr. Silondile Qomazitha", "81 Long Street, Cape Town, 8145", "012 459 8418"], "ZA"),
    ],
)
def test_region_hints_come_from_language_numbers_and_legal_forms(printed, region):
    assert region_hints(printed, default="US")[0] == region


def test_national_numbers_parse_in_the_country_the_card_is_written_for():
    # Spanish or Portuguese, the language says; the number is valid in Spain only.
    texts = ["Charo Hernando", "Asesor fiscal", "Departamento Comercial", "M: 617 07 47 52"]
    fields, _ = validate(raw(phones=["617 07 47 52"]), regions=region_hints(texts, default="US"))
    assert fields["phones"] == ["+34617074752"]


def test_a_postcode_and_its_city_printed_as_two_words_still_name_the_country():
    assert region_hints(["Fabiansteeg", "1", "5440", "WD", "Schoonloo"], default="US")[0] == "NL"


def test_a_card_of_names_and_numbers_keeps_the_default_region():
    assert region_hints(["Tara Williams", "(202) 231-2828"], default="US") == ["US"]


def test_a_name_ocr_glued_together_is_split_at_its_capitals_but_not_mcdonald():
    for printed, name in (("TaraWilliams", "Tara Williams"), ("DrJoshua Allison",
                          "Dr Joshua Allison"), ("Dott.Isa Pellico", "Dott. Isa Pellico"),
                          ("Ronald McDonald", "Ronald McDonald"), ("Jack MacNeill",
                          "Jack MacNeill"), ("LaToya Jones", "LaToya Jones")):
        fields, _ = validate(raw(full_name=[printed]), regions=["US"])
        assert fields["full_name"] == name


def test_the_address_label_and_an_icon_read_as_a_digit_are_no_part_of_the_address():
    for printed, address in (
        (["Anschrift: Grünerstr. 5", "8818 Rust"], "Grünerstr. 5, 8818 Rust"),
        (["SIÈGE boulevard Crivelli 60", "5945 Besençon"], "boulevard Crivelli 60, 5945 Besençon"),
        (["9Ivanpad 60", "7060 Roborst"], "Ivanpad 60, 7060 Roborst"),
        (["1Infinite Loop", "Cupertino"], "1Infinite Loop, Cupertino"),  # maybe a number
        (["Visit us - 596 Morris Passage", "Rhondafort"], "596 Morris Passage, Rhondafort"),
        (["Bezoekadres Joyhof 98", "2200EP Klimmen"], "Joyhof 98, 2200EP Klimmen"),
        (["9 Jinthebaan 819", "6330 QM Cadier"], "Jinthebaan 819, 6330 QM Cadier"),
        # A house number of its own, not an icon: the street's next word is no number.
        (["9 Annette Springs", "North Oliviashire"], "9 Annette Springs, North Oliviashire"),
        (["103Mill Lane", "Birmingham"], "103 Mill Lane, Birmingham"),
        (["Flat 0, Warner Alley", "Fletcherton, JE5B ILY"],
         "Flat 0, Warner Alley, Fletcherton, JE5B 1LY"),
        (["Incrocio Leopoldo 8, 85032. Chiaromonte (PZ)"],
         "Incrocio Leopoldo 8, 85032, Chiaromonte (PZ)"),
        # Numbers glued to the street, the town or their label, run into each other.
        (["Thurnerplatz744", "7673 Liezen"], "Thurnerplatz 744, 7673 Liezen"),
        (["Evamaria-Tschentscher-Platz 9.90139 Bad Freienwalde"],
         "Evamaria-Tschentscher-Platz 9, 90139 Bad Freienwalde"),
        (["26 Palmer Cruiseway", "Port JesusfurtTAS2641"],
         "26 Palmer Cruiseway, Port Jesusfurt TAS 2641"),
        (["ulica Skrajna 21", "43-725Biała"], "ulica Skrajna 21, 43-725 Biała"),
        # A label in capitals glued to the address; a word in capitals that is no label stays.
        (["SEDEvia Roma 5", "00184 Roma"], "via Roma 5, 00184 Roma"),
        (["ADRESSE:12 rue Oberkampf", "75011 Paris"], "12 rue Oberkampf, 75011 Paris"),
        (["HOTELstraße 5", "8818 Rust"], "HOTELstraße 5, 8818 Rust"),
    ):
        fields, _ = validate(raw(address=printed), regions=["DE"])
        assert fields["address"] == address


def test_two_email_addresses_ocr_glued_into_one_word_are_both_kept():
    fields, _ = validate(raw(emails=["berat.rijn@huijben.nl/vendas@huijben.nl"]),
                         regions=["NL"])
    assert fields["emails"] == ["berat.rijn@huijben.nl", "vendas@huijben.nl"]


def test_a_russian_address_gets_the_punctuation_tesseract_misread_back():
    for printed, address in (
        (["д. Уфа. наб. Мельничная, д, 5 стр. 71. 190958"],
         "д. Уфа, наб. Мельничная, д. 5 стр. 71, 190958"),
        (["к. Жуковский, пр. Горный, д.21к. 25, 195984"],
         "к. Жуковский, пр. Горный, д. 21 к. 25, 195984"),
        # The house number on the next line: no comma between "д." and its number.
        (["г. Темрюк, бул. Ломоносова, д.", "81, 315312"],
         "г. Темрюк, бул. Ломоносова, д. 81, 315312"),
        (["клх Ямбург, пр. К.Маркса, д. 5 к. 1/1, 547499"],
         "клх Ямбург, пр. К.Маркса, д. 5 к. 1/1, 547499"),
        # Abbreviations spelled in Latin letters, and an icon read before the address.
        (["9 д. Баксан, ann, Калинина, A. 667 к. 95, 611839"],
         "д. Баксан, алл. Калинина, д. 667 к. 95, 611839"),
        (["ct. Добрянка, np. Мира, д. 4 cmp. 2, 016969"],
         "ст. Добрянка, пр. Мира, д. 4 стр. 2, 016969"),
        (["с. Карачаевск, ш. Седова, д. 1K. 66 196539, Russia"],
         "с. Карачаевск, ш. Седова, д. 1 к. 66, 196539, Russia"),
        (["ст. Добрянка, д. 46 к. 6,016969"], "ст. Добрянка, д. 46 к. 6, 016969"),
        # "л" read as "А", the hyphen of "пр-т" lost, a comma for the full stop of "каб.".
        (["г. Самара, уА. Тверская, д. 22"], "г. Самара, ул. Тверская, д. 22"),
        (["г. Москва, Ленинградский прт, д. 7, каб, 643"],
         "г. Москва, Ленинградский пр-т, д. 7, каб. 643"),
        # "д." read as "9,": a house number, its building next, follows it.
        (["ст. Химки, наб. Демьяна Бедного, 9, 7 стр. 949, 796334"],
         "ст. Химки, наб. Демьяна Бедного, д. 7 стр. 949, 796334"),
        (["ул. Ленина, 9, 15"], "ул. Ленина, 9, 15"),
        # The house number is set apart with a comma; "корп." read as "кори,".
        (["г. Казань, Невский пр. д. 28, кори, 1"], "г. Казань, Невский пр., д. 28, корп. 1"),
    ):
        fields, _ = validate(raw(address=printed), regions=["RU"])
        assert fields["address"] == address


def test_email_and_web_addresses_ocr_ran_together_or_damaged_are_set_right():
    fields, _ = validate(raw(emails=["g.henriksen@vitaica.dk/vitaica.dk"]), regions=["DK"])
    assert fields["emails"] == ["g.henriksen@vitaica.dk"]
    assert fields["websites"] == ["https://vitaica.dk/"]
    # The "@" read as "g": beside the card's web address it is an e-mail, not a website.
    fields, _ = validate(raw(websites=["stepan_vavragveroica.eu", "veroica.eu", "shop.x.dk"]),
                         regions=["CZ"])
    assert fields["emails"] == ["stepan_vavra@veroica.eu"]
    assert fields["websites"] == ["https://veroica.eu/", "https://shop.x.dk/"]
    # The "@" lost: a mailbox glued before the card's web address.
    fields, _ = validate(raw(websites=["alberto.dominguezfernandez-construcciones.es",
                                       "fernandez-construcciones.es", "www.x.es"]),
                         regions=["ES"])
    assert fields["emails"] == ["alberto.dominguez@fernandez-construcciones.es"]
    assert fields["websites"] == ["https://fernandez-construcciones.es/", "https://www.x.es/"]
    # A domain one letter off the card's web address.
    fields, _ = validate(raw(emails=["veikko.valkonen@verogon.f"], websites=["www.verogon.fi"]),
                         regions=["FI"])
    assert fields["emails"] == ["veikko.valkonen@verogon.fi"]
    # A label or the next address glued after the top-level domain.
    fields, _ = validate(raw(emails=["k.smith@sparks.usW", "a.tarhan@soylu.com.trE",
                                     "n.johnson@smith.comlinkedin.com", "x@acme.company"]),
                         regions=["US"])
    assert fields["emails"] == ["k.smith@sparks.us", "a.tarhan@soylu.com.tr",
                                "n.johnson@smith.com", "x@acme.company"]
    # A social network's name run into the handle after it is no e-mail address.
    fields, _ = validate(raw(emails=["ana@lopez.es", "Instagram @ana.lopez", "in@ana.lopez"]),
                         regions=["ES"])
    assert fields["emails"] == ["ana@lopez.es"]
    # An icon read as a letter before the web address: the e-mail's domain is right.
    fields, _ = validate(raw(emails=["georgr@ofner.at"], websites=["wofner.at"]),
                         regions=["AT"])
    assert fields["emails"] == ["georgr@ofner.at"]
    assert fields["websites"] == ["https://ofner.at/"]


def test_an_email_label_glued_to_the_address_goes_unless_it_is_the_persons_initial():
    for name, printed, email in (
        ("Joakim Knudsen", "Ejoakim.knudsen@teknavia.no", "joakim.knudsen@teknavia.no"),
        ("Gilles Faure", "mailgilles.faure@vestanet.fr", "gilles.faure@vestanet.fr"),
        ("Eduardo Smith", "esmith@acme.com", "esmith@acme.com"),
        ("Elvira Söderberg", "Einfo@persson-linder.se", "info@persson-linder.se"),
        ("Christopher Lang", "E.christopher.lang@burke.au", "christopher.lang@burke.au"),
        ("Ida Pedrak", "Poczta-idapedrak@paczos.eu", "idapedrak@paczos.eu"),
        ("Eduardo Smith", "emsmith@acme.com", "emsmith@acme.com"),
        ("Fil. dr Sune Persson", "Espersson@persson.se", "spersson@persson.se"),
        # A capital I is the l OCR read it for where that spells the name.
        ("Lars Hedlund", "Ihedlund@gmail.com", "lhedlund@gmail.com"),
        ("Ivan Horvat", "Ivan.horvat@acme.hr", "Ivan.horvat@acme.hr"),
    ):
        fields, _ = validate(raw(full_name=[name], emails=[printed]), regions=["US"])
        assert fields["emails"] == [email]


def test_a_label_glued_to_one_email_comes_off_the_others_printed_alike():
    """"Egeral@" is a shared mailbox behind an "E" label; the person's own address beside it
    carries the same label, even where a name ("Caetana Esteves") starts with its letter."""
    fields, _ = validate(raw(full_name=["Caetana Esteves"],
                             emails=["Ecaetanaf@magalhaes.com", "Egeral@magalhaes.com"]),
                         regions=["PT"])
    assert fields["emails"] == ["caetanaf@magalhaes.com", "geral@magalhaes.com"]
    fields, _ = validate(raw(full_name=["Eduardo Smith"],
                             emails=["esmith@acme.com", "Einfo@acme.com"]), regions=["US"])
    assert fields["emails"] == ["esmith@acme.com", "info@acme.com"]


def test_a_card_set_in_capitals_still_tells_its_language_and_postcode():
    printed = ["PAGNOTTO & VENTURI S.P.A.", "RESPONSABILE DI PROGETTO", "UFFICIO LEGALE",
               "Piazza Garibaldi, 123", "80153 Napoli (NA)", "355 550 0514"]
    assert region_hints(printed, default="US")[0] == "IT"
    fields, _ = validate(raw(phones=["355 550 0514"]), regions=region_hints(printed,
                                                                           default="US"))
    assert fields["phones"] == ["+393555500514"]


def test_a_russian_word_tesseract_spelled_in_latin_capitals_is_cyrillic_again():
    fields, _ = validate(raw(full_name=["Лавр EPMAKOB"], company=["АО «TEXHOCTAP»"]),
                         regions=["RU"])
    assert (fields["full_name"], fields["company"]) == ("Лавр ЕРМАКОВ", "АО «ТЕХНОСТАР»")
    # A Latin name beside no Cyrillic stays Latin.
    fields, _ = validate(raw(company=["TEXACO Ltd"]), regions=["GB"])
    assert fields["company"] == "TEXACO Ltd"


def test_a_russian_legal_form_ocr_read_as_digits_or_latin_letters_is_cyrillic_again():
    for printed, company in (("000 «Колесниковстрой»", "ООО «Колесниковстрой»"),
                             ("(000 «Звезда-Энерго»", "ООО «Звезда-Энерго»"),
                             ("3AO «Стройстрой»", "ЗАО «Стройстрой»"),
                             ("ao Мухинтех", "АО Мухинтех"),
                             # Ukrainian and Bulgarian forms, in their own spelling.
                             ("TOB «Агропостач»", "ТОВ «Агропостач»"),
                             ("ПрAT «Інфопостач»", "ПрАТ «Інфопостач»"),
                             ("EOOД Балтрейд", "ЕООД Балтрейд"),
                             ("000 Main Street Ltd", "000 Main Street Ltd")):
        fields, _ = validate(raw(company=[printed]), regions=["RU"])
        assert fields["company"] == company


def test_a_label_or_web_address_glued_after_an_email_is_cut_off_it():
    printed = ["luca@luxardo.itSito", "m.malone@marticons.comwww.marticons.com",
               "ada@example.website", "x@haering.de Web"]
    fields, _ = validate(raw(emails=printed), regions=["IT"])
    assert fields["emails"] == ["luca@luxardo.it", "m.malone@marticons.com",
                                "ada@example.website", "x@haering.de"]
    assert fields["websites"] == ["https://www.marticons.com/"]


def test_a_postcode_glued_to_its_town_is_set_apart_and_house_numbers_are_left_alone():
    for printed, address in (
        ("rue Seguin, 50146Joubert-sur-Mer", "rue Seguin, 50146 Joubert-sur-Mer"),
        ("Nikkisingel 410, 7443HTHoek", "Nikkisingel 410, 7443HT Hoek"),
        ("12A Main St, 10115 Berlin", "12A Main St, 10115 Berlin"),
    ):
        fields, _ = validate(raw(address=[printed]), regions=["FR"])
        assert fields["address"] == address


def test_a_dash_between_a_house_number_and_the_postcode_is_a_comma_other_dashes_stay():
    """A dash printed between words stays as read, spaced on both sides; one between a
    house number and the postcode parts two lines set on one."""
    for printed, address in (
        ("3936 Kimberly Falls - North Michael, TX", "3936 Kimberly Falls - North Michael, TX"),
        ("Søndervangs Allé 78 – 3897 Blommenslyst", "Søndervangs Allé 78, 3897 Blommenslyst"),
        ("120 00 Praha 2 – Vinohrady", "120 00 Praha 2 – Vinohrady"),
        ("Bâtiment A - 6e étage", "Bâtiment A - 6e étage"),
        ("Salt Lake Sector V, Kolkata – 700030", "Salt Lake Sector V, Kolkata – 700030"),
        ("Rua Bela, 12, Recife - PE", "Rua Bela, 12, Recife - PE"),
        ("Pasadizo de Leonardo Mata 745- Cuenca", "Pasadizo de Leonardo Mata 745, Cuenca"),
        ("Scholtzplatz 8-4, 32586 Erkelenz", "Scholtzplatz 8-4, 32586 Erkelenz"),
        # Spaces lost after an abbreviation or a floor's sign, a floor's sign read as "*".
        ("Via del Corso, 207, 4°piano, 10121 Torino (TO)",
         "Via del Corso, 207, 4° piano, 10121 Torino (TO)"),
        ("Via Roma, 29, 18* piano", "Via Roma, 29, 18° piano"),
        ("Corso Vittorio Emanuele ll, 147, 50148 Firenze (Fl)",
         "Corso Vittorio Emanuele II, 147, 50148 Firenze (FI)"),
        ("Piso 7, Col.Americana, C.P. 44100", "Piso 7, Col. Americana, C.P. 44100"),
        # A bar OCR read as "I" or "l"; not a king's numeral before a number.
        ("Dunaújvárosi utca 136. I H-4034 Győr", "Dunaújvárosi utca 136., H-4034 Győr"),
        ("Dlhá Lúka l Slovakia", "Dlhá Lúka, Slovakia"),
        ("Calle Carlos I 5, Madrid", "Calle Carlos I 5, Madrid"),
        # A middle dot OCR read as a dash; postcodes and hyphenated towns keep theirs.
        ("Mirthehof 97-9860 VW-Ritthem", "Mirthehof 97, 9860 VW, Ritthem"),
        ("Liškova 3-700 81 Jihlava", "Liškova 3, 700 81 Jihlava"),
        ("Conny-Harloff-Gasse 92- 59237 Roding", "Conny-Harloff-Gasse 92, 59237 Roding"),
        ("Flat 0 -Warner Alley", "Flat 0, Warner Alley"),
        ("ul. Bałtycka 39, 33-217 Mysłowice-Polska", "ul. Bałtycka 39, 33-217 Mysłowice, Polska"),
        ("12 rue Haute, 94200 Ivry-sur-Seine", "12 rue Haute, 94200 Ivry-sur-Seine"),
        ("Avenida Baptista, 3, 2743-072 Rio Tinto", "Avenida Baptista, 3, 2743-072 Rio Tinto"),
        ("Via Ciseri 68 - CH-6710 Biasca", "Via Ciseri 68, CH-6710 Biasca"),
        ("Appartamento 27 .00151, Roma (RM)", "Appartamento 27, 00151, Roma (RM)"),
        ("Benktanbulevardi 7, O0803 Heinola", "Benktanbulevardi 7, 00803 Heinola"),
        ("Eichenbergerstrasse 8o, 2990 Kloten", "Eichenbergerstrasse 8o, 2990 Kloten"),
        ("Atatürk Bulvarı No: 11o, 3471o Kadıköy", "Atatürk Bulvarı No: 110, 34710 Kadıköy"),
        ("Fankhauserstrasse 27, 6741 0stermundigen", "Fankhauserstrasse 27, 6741 Ostermundigen"),
        ("Scala A, Piano4, 40121 Bologna(BO)", "Scala A, Piano 4, 40121 Bologna (BO)"),
        ("C.P. 44100 Guadalajara, Jal., in/valenc11", "C.P. 44100 Guadalajara, Jal."),
    ):
        fields, _ = validate(raw(address=[printed]), regions=["US"])
        assert fields["address"] == address


def test_a_name_ocr_read_as_one_word_is_split_as_the_email_or_honorific_splits_it():
    for printed, emails, name in (
        ("GYDAJESSEN", ["gyda.jessen@overgaard.com"], "GYDA JESSEN"),
        ("MR.ROMY HULS", [], "MR. ROMY HULS"),
        ("PROF.ANTON MOLLER", [], "PROF. ANTON MOLLER"),
        ("ARTURKOTALA", ["arturkotala@koczy.com"], "ARTURKOTALA"),  # nothing tells where
        ("MIRIAMMEYER", ["mmeyer@isar-logistik.de"], "MIRIAM MEYER"),  # initial, last name
        ("MIRIAMMEYER", ["m.meyer@isar-logistik.de"], "MIRIAM MEYER"),
        ("J.R. SMITH", [], "J.R. SMITH"),
    ):
        fields, _ = validate(raw(full_name=[printed], emails=emails), regions=["DK"])
        assert fields["full_name"] == name


def test_a_title_keeps_its_abbreviations_but_not_a_full_stop_or_a_handle():
    for printed, department in (
        ("Отдел маркетинга.", "Отдел маркетинга"),
        ("Sales Dept.", "Sales Dept."),
        ("alevtinagalkina36", None),
    ):
        fields, _ = validate(raw(department=[printed]), regions=["RU"])
        assert fields["department"] == department


def test_abbreviations_are_no_web_addresses_and_a_web_address_no_mailbox():
    fields, _ = validate(raw(websites=["H.No.", "S.Com.", "x.com", "www.x.com"],
                             emails=["www.icl.com@elena.impastato", "elena@icl.com"]),
                         regions=["IN"])
    assert fields["websites"] == ["https://www.x.com/"]
    assert fields["emails"] == ["elena@icl.com"]
    # A separator read as a digit after the domain; a country's domain without "www".
    fields, _ = validate(raw(websites=["henriksentransport.no1", "energiya.su"]),
                         regions=["NO"])
    assert fields["websites"] == ["https://henriksentransport.no/", "https://energiya.su/"]


def test_a_british_postcode_ocr_read_without_its_space_or_with_o_for_0_is_set_right():
    for printed, address in (
        ("Oliviaburgh, UB375UW", "Oliviaburgh, UB37 5UW"),
        ("Stewartville, B54QY", "Stewartville, B5 4QY"),
        ("Heide, 7920MI", "Heide, 7920MI"),
        ("Louisehaven, WO 7SD", "Louisehaven, W0 7SD"),
        ("Southampton, SO16 7NS", "Southampton, SO16 7NS"),
        ("Colchester, CO4 3SQ", "Colchester, CO4 3SQ"),
    ):
        fields, _ = validate(raw(address=[printed]), regions=["GB"])
        assert fields["address"] == address


def test_an_initial_of_a_russian_name_ocr_read_as_a_digit_is_its_letter_again():
    fields, _ = validate(raw(full_name=["Э. 3. Воронцов"]), regions=["RU"])
    assert fields["full_name"] == "Э. З. Воронцов"
    fields, _ = validate(raw(full_name=["John 3. Smith"]), regions=["US"])
    assert fields["full_name"] is None


def test_an_at_sign_read_as_a_capital_letter_makes_the_web_address_an_email():
    fields, _ = validate(raw(websites=["aneta.horakovaGtomanova-maresova.cz"]), regions=["CZ"])
    assert fields["emails"] == ["aneta.horakova@tomanova-maresova.cz"]
    assert fields["websites"] == []
    fields, _ = validate(raw(websites=["cchartierGallain-voisin.com", "www.allain-voisin.com"]),
                         regions=["FR"])
    assert fields["emails"] == ["cchartier@allain-voisin.com"]
    assert fields["websites"] == ["https://www.allain-voisin.com/"]
    # Another e-mail on the card, another domain: a capital in a web address stays.
    fields, _ = validate(raw(emails=["jo@x.de"], websites=["myOffice.de"]), regions=["DE"])
    assert fields["websites"] == ["https://myoffice.de/"]


def test_a_domain_misread_into_no_known_top_level_domain_takes_the_other_reading():
    fields, _ = validate(raw(emails=["ippazio@cabibbo.it"], websites=["www.cabibbo.jt"]),
                         regions=["IT"])
    assert fields["emails"] == ["ippazio@cabibbo.it"]
    assert fields["websites"] == ["https://www.cabibbo.it/"]


def test_a_social_network_profile_is_no_website():
    fields, _ = validate(raw(websites=["facebook.com/tekstil", "www.tekstil.com.tr",
                                       "https://www.instagram.com/tekstil"]), regions=["TR"])
    assert fields["websites"] == ["https://www.tekstil.com.tr/"]
    # A profile with its icon's letters glued before the network ("in" + linkedin.com).
    fields, _ = validate(raw(websites=["inlinkedin.com/in/savvatii-kononov", "mediaproekt.com"]),
                         regions=["RU"])
    assert fields["websites"] == ["https://mediaproekt.com/"]
    # A "w" OCR read as the Greek omega.
    fields, _ = validate(raw(websites=["wwω.rosseeona.be"]), regions=["BE"])
    assert fields["websites"] == ["https://www.rosseeona.be/"]


def test_one_site_read_with_and_without_www_is_one_website():
    fields, _ = validate(raw(websites=["www.valentin.be", "valentin.be", "shop.valentin.be"]),
                         regions=["BE"])
    assert fields["websites"] == ["https://www.valentin.be/", "https://shop.valentin.be/"]


def test_turkish_letters_ocr_lost_come_back_where_the_text_shows_them():
    fields, _ = validate(raw(full_name=["iLDE$ AKDENiZ"],
                             company=["ARSLAN iN$AAT SAN. VE TIC. A.$."],
                             position=["Insan Kaynakları Müdürü"],
                             department=["Satin Alma Departmanı"],
                             address=["Gazi Bulvarı No: 129", "34843 Beşiktaş/Istanbul"],
                             phones=["+90 548 579 40 56"]), regions=["TR"])
    assert fields["full_name"] == "İLDEŞ AKDENİZ"
    assert fields["company"] == "ARSLAN İNŞAAT SAN. VE TİC. A.Ş."
    assert fields["address"] == "Gazi Bulvarı No: 129, 34843 Beşiktaş/İstanbul"
    assert fields["position"] == "İnsan Kaynakları Müdürü"
    assert fields["department"] == "Satın Alma Departmanı"
    # Elsewhere "$" and a lower-case "i" are what was printed.
    fields, _ = validate(raw(company=["iRobot A.S."], address=["1 Main St", "Boston/icity"]),
                         regions=["US"])
    assert fields["company"] == "iRobot A.S." and fields["address"] == "1 Main St, Boston/icity"


def test_an_icon_read_as_a_cjk_character_or_a_lone_letter_is_no_value():
    fields, _ = validate(raw(full_name=["山Dipl.-Kfm. Denny Textor"], position=["口"],
                             address=["W"]), regions=["DE"])
    assert fields["full_name"] == "Dipl.-Kfm. Denny Textor"
    assert fields["position"] is None and fields["address"] is None
    # A Chinese card keeps its characters, a Latin name written beside them included.
    fields, _ = validate(raw(full_name=["何山"], company=["ABC科技有限公司"]), regions=["CN"])
    assert fields["full_name"] == "何山" and fields["company"] == "ABC科技有限公司"


def test_letters_and_marks_ocr_reads_for_others_are_set_right_by_the_cards_language():
    for printed, region, address in (
        (["Str. Republicii nr. 13, Braşov"], "RO", "Str. Republicii nr. 13, Brașov"),
        (["Petôfi Sándor utca 666.", "7634 Pécs"], "HU", "Petőfi Sándor utca 666., 7634 Pécs"),
        (["Calle Hernández, 27, 3° C", "48018 Bilbao"], "ES",
         "Calle Hernández, 27, 3º C, 48018 Bilbao"),
        # Eircodes are printed with and without their space: each stays as printed.
        (["13 Grafton Street, Galway, H915YR0"], "IE", "13 Grafton Street, Galway, H915YR0"),
        # "º" where Spanish writes it, "°" where Italian does; a German floor's "OG".
        (["Gran Vía, n° 25, 07016 Palma"], "ES", "Gran Vía, nº 25, 07016 Palma"),
        (["Via Garibaldi, 145c, 2° piano"], "IT", "Via Garibaldi, 145c, 2° piano"),
        (["Kuhnstrasse 158, 2. 0G, 6300 Zug"], "CH", "Kuhnstrasse 158, 2. OG, 6300 Zug"),
        (["Bahnhofstrasse 19, 3.OG, 90138 Nürnberg"], "DE",
         "Bahnhofstrasse 19, 3. OG, 90138 Nürnberg"),
        # A comma read as a full stop after the town; an abbreviation's stays.
        (["5523 Christopher Pass, New York. NY 10017"], "US",
         "5523 Christopher Pass, New York, NY 10017"),
        (["Anika-Weinhold-Platz 86, 20095 Hamburg. Deutschland"], "DE",
         "Anika-Weinhold-Platz 86, 20095 Hamburg, Deutschland"),
        (["Musterstr. 5, 20095 Hamburg"], "DE", "Musterstr. 5, 20095 Hamburg"),
        # Turkish has "ş": it stays.
        (["Beşiktaş/İstanbul"], "TR", "Beşiktaş/İstanbul"),
        # Latvian "ģ" carries its mark above, which OCR reads as Maltese "ġ".
        (["Tehnoloġiju iela 5, Rīga"], "LV", "Tehnoloģiju iela 5, Rīga"),
        # Turkish "ş" read as Romanian "ș".
        (["Kat: 12, Beșiktaș/İstanbul"], "TR", "Kat: 12, Beşiktaş/İstanbul"),
        # Greek initials read in Latin capitals ("T.K." for "Τ.Κ.").
        (["Τσιμισκή 149, t.k. 152 31, Χαλάνδρι"], "GR", "Τσιμισκή 149, Τ.Κ. 152 31, Χαλάνδρι"),
    ):
        fields, _ = validate(raw(address=printed), regions=[region])
        assert fields["address"] == address


def test_a_brazilian_address_keeps_its_dashes_and_loses_a_map_pin_before_the_street():
    """The dashes between its parts stay."""
    fields, _ = validate(raw(address=["9 Conjunto Hellena Pacheco, 90 - Sala 1897",
                                      "Rio de Janeiro/RJ - CEP06181-267"]), regions=["BR"])
    assert fields["address"] == ("Conjunto Hellena Pacheco, 90 - Sala 1897, "
                                 "Rio de Janeiro/RJ - CEP 06181-267")
    # Where the number comes first, a leading number is the house number.
    fields, _ = validate(raw(address=["9 rue de la Paix", "75002 Paris"]), regions=["FR"])
    assert fields["address"] == "9 rue de la Paix, 75002 Paris"


def test_a_company_s_legal_form_is_mended_where_ocr_glued_or_misread_it():
    for printed, company in (("Tartini InformaticaS.a.s.", "Tartini Informatica S.a.s."),
                             ("Zenix Impianti S.ρ.A.", "Zenix Impianti S.p.A."),
                             ("Rexina ple", "Rexina plc"),
                             ("Klinikum Leipzig gGmbH", "Klinikum Leipzig gGmbH")):
        fields, _ = validate(raw(company=[printed]), regions=["GB"])
        assert fields["company"] == company


def test_title_words_ocr_read_without_their_marks_get_them_back():
    fields, _ = validate(raw(position=["Responsavel de Marketing"], department=["Indkob"]),
                         regions=["PT"])
    assert fields["position"] == "Responsável de Marketing"
    assert fields["department"] == "Indkøb"


def test_queenslands_state_read_as_old_is_qld():
    fields, _ = validate(raw(address=["Level 12, 54 Collins Street", "Brisbane OLD 4000"]),
                         regions=["AU"])
    assert fields["address"] == "Level 12, 54 Collins Street, Brisbane QLD 4000"


def test_a_british_postcodes_digit_read_as_a_letter_is_a_digit():
    fields, _ = validate(raw(address=["181 Teresa Points", "Heathberg DEL 5ZU"]), regions=["GB"])
    assert fields["address"] == "181 Teresa Points, Heathberg DE1 5ZU"


def test_letters_ocr_read_as_digits_in_a_name_are_set_back():
    for printed, name in (("Dr. LOpE2 Thiago Benjamin", "Dr. LOpEZ Thiago Benjamin"),
                          ("MART1N KOWALSKI", "MARTIN KOWALSKI"),
                          ("Ana Gonza1ez", "Ana Gonzalez")):
        fields, _ = validate(raw(full_name=[printed]), regions=["US"])
        assert fields["full_name"] == name
    # A value with more digits than a misread gives is no name.
    fields, _ = validate(raw(full_name=["Suite 1200"]), regions=["US"])
    assert fields["full_name"] is None


def test_a_slogan_is_no_title():
    fields, _ = validate(raw(position=["Zuverlässig. Schnell. Regional."],
                             department=["Abteilung Einkauf."]), regions=["CH"])
    assert fields["position"] is None and fields["department"] == "Abteilung Einkauf"


def test_a_social_profile_or_an_icon_after_the_address_is_no_part_of_it():
    for printed, address in (
            (["Contrada Fracci, 125, 20165 Milano (MI)", "©viridiana.doria"],
             "Contrada Fracci, 125, 20165 Milano (MI)"),
            (["Pedro López 1155", "Valparaíso", "0"], "Pedro López 1155, Valparaíso"),
            (["0@bartekpaluszak", "ul. Długa 5"], "ul. Długa 5"),
            # A building's number or letter at the end stays.
            (["Rua X, 12", "Bloco B"], "Rua X, 12, Bloco B")):
        fields, _ = validate(raw(address=printed), regions=["IT"])
        assert fields["address"] == address


def test_an_icon_before_a_russian_address_and_a_latin_house_letter_are_mended():
    for printed, address in (
            (["9 пр-т Мира, д. 63, стр. 8"], "пр-т Мира, д. 63, стр. 8"),
            (["9 Россия, 191186, г. Санкт-Петербург"], "Россия, 191186, г. Санкт-Петербург"),
            (["9, 350000, г. Краснодар"], "350000, г. Краснодар"),
            (["9 ann. Сурикова, д. 116"], "алл. Сурикова, д. 116"),
            # Words Tesseract spelled in Latin letters Cyrillic ones look like.
            (["125009, r. Mockba, ул. Малышева, д. 68"], "125009, г. Москва, ул. Малышева, д. 68"),
            # A phone number's start run into the address.
            (["г. Казань, 420111", "+7 343"], "г. Казань, 420111"),
            (["пресненская наб., д. 11a, этаж 3"], "пресненская наб., д. 11а, этаж 3"),
            (["вул. Шевченка, буд, 6, м, Київ"], "вул. Шевченка, буд. 6, м. Київ")):
        fields, _ = validate(raw(address=printed), regions=["RU"])
        assert fields["address"] == address


def test_titles_and_companies_get_the_letters_ocr_misread_back_by_their_language():
    for field, printed, region, value in (
            # Slovak "ľ" read as "l" and an apostrophe.
            ("position", "Obchodný riaditel'", "SK", "Obchodný riaditeľ"),
            # Greek capitals carry no accents: none is added.
            ("position", "ΜΗΧΑΝΙΚΟΣ", "GR", "ΜΗΧΑΝΙΚΟΣ"),
            # Spanish "Socio" is no Portuguese "Sócio".
            ("position", "Socio Director", "ES", "Socio Director"),
            # A profile's path is no department.
            ("department", "iin/steinvik", "NO", None),
            # Words of a title OCR glued together are set apart; compounds stay.
            ("position", "Charteredaccountant", "US", "Chartered accountant"),
            ("position", "Fachzahnärztin füroralchirurgie", "DE",
             "Fachzahnärztin für oralchirurgie"),
            ("position", "Marketingleiterin", "DE", "Marketingleiterin"),
            ("department", "Økonomiafdelingen", "DK", "Økonomiafdelingen"),
            # A compound title's end gets its marks back.
            ("position", "Talouspäallikko", "FI", "Talouspäällikkö"),
            # Legal forms with a letter read as another.
            ("company", "Orbiix Sp. z 0.0.", "PL", "Orbiix Sp. z o.o."),
            ("company", "Valmarana Impianti S.r.1.", "IT", "Valmarana Impianti S.r.l."),
            ("company", "Ponte Vecchio S.r.I.", "IT", "Ponte Vecchio S.r.l."),
            ("company", "PONTE VECCHIO S.R.I.", "IT", "PONTE VECCHIO S.R.L."),
            ("company", "Fyrtårn Logistik I/S", "DK", "Fyrtårn Logistik I/S"),
            ("company", "Harris & Norman Partner Ine.", "US", "Harris & Norman Partner Inc."),
            # A degree after the name keeps its letters together.
            ("full_name", "Dr.-Ing. Karl Beckmann M.Sc.", "DE", "Dr.-Ing. Karl Beckmann M.Sc."),
            # A full-width sign read in Latin text.
            ("company", "INGRAM（PTY) LTD.", "ZA", "INGRAM (PTY) LTD."),
            # A Greek legal form read in Latin capitals, an "&" read as "8" or with an icon.
            ("company", "Ηλιος Πληροφορική I.K.E.", "GR", "Ηλιος Πληροφορική Ι.Κ.Ε."),
            ("company", "Στυλιανίδου 8 Βαλεντή Ι.Κ.Ε.", "GR", "Στυλιανίδου & Βαλεντή Ι.Κ.Ε."),
            ("company", "ΤΟΥΛΟΥΠΗ @& ΦΕΡΕΝΤΙΝΟΣ Ο.Ε.", "GR", "ΤΟΥΛΟΥΠΗ & ΦΕΡΕΝΤΙΝΟΣ Ο.Ε.")):
        fields, _ = validate(raw(**{field: [printed]}), regions=[region])
        assert fields[field] == value, printed


def test_a_label_or_an_icon_ocr_glued_to_a_phone_number_is_no_part_of_it():
    fields, _ = validate(raw(phones=["+40 712.067.262/Email:", "+55 77 2728-4604 0"]),
                         regions=["RO"])
    assert fields["phones"] == ["+40712067262", "+557727284604"]
    # A last digit that belongs to the number stays.
    fields, _ = validate(raw(phones=["+49 30 1234567 8"]), regions=["DE"])
    assert fields["phones"] == ["+493012345678"]


def test_ligatures_and_a_spelled_out_label_are_no_part_of_an_email_address():
    fields, _ = validate(raw(emails=["nguyen.nœl@orange.fr", "j.thies@sanitær-thies.de",
                                     "Emailgraham@graham.law"],
                             websites=["www.sanitær-thies.de"]), regions=["DE"])
    assert fields["emails"] == ["nguyen.noel@orange.fr", "j.thies@sanitaer-thies.de",
                                "graham@graham.law"]
    assert fields["websites"] == ["https://www.sanitaer-thies.de/"]
    # A mailbox that only starts like a label stays.
    fields, _ = validate(raw(emails=["mailand@mailand.it", "mailroom@mailroom.com"]),
                         regions=["IT"])
    assert fields["emails"] == ["mailand@mailand.it", "mailroom@mailroom.com"]


def test_a_dash_between_parts_of_a_title_is_spaced_and_a_hyphen_in_a_word_stays():
    fields, _ = validate(raw(position=["Regional Relationship Manager- Corporate Clients"],
                             department=["Amt für Strassen- und Verkehrswesen"],
                             address=["Campus de la Doua - Bât. Jules Verne", "75012 Paris"]),
                         regions=["FR"])
    assert fields["position"] == "Regional Relationship Manager - Corporate Clients"
    assert fields["department"] == "Amt für Strassen- und Verkehrswesen"
    assert fields["address"] == "Campus de la Doua - Bât. Jules Verne, 75012 Paris"
    fields, _ = validate(raw(position=["Ingenieur/ Ingénieur"], department=["F&E/IT"]),
                         regions=["CH"])
    assert fields["position"] == "Ingenieur / Ingénieur" and fields["department"] == "F&E/IT"


def test_a_logos_crumbs_and_a_misread_guillemet_are_no_part_of_a_russian_company_or_name():
    fields, _ = validate(raw(company=["all ТОВ «Слобожанська Агрокомпанія»"],
                             full_name=["idr Ковальчук Дмитро Іванович"]), regions=["UA"])
    assert fields["company"] == "ТОВ «Слобожанська Агрокомпанія»"
    assert fields["full_name"] == "Ковальчук Дмитро Іванович"
    fields, _ = validate(raw(company=["®. АО «Байкал Фарм”"]), regions=["RU"])
    assert fields["company"] == "АО «Байкал Фарм»"


def test_russian_address_abbreviations_tesseract_misread_are_mended():
    """"г." read as a Latin "r", "ул." with a semicolon, Bulgarian "бул." as "6yn,"."""
    for printed, address, region in (
            ("r Санкт-Петербург, Лиговский пр., д. 39А", "г. Санкт-Петербург, Лиговский пр., "
                                                         "д. 39А", "RU"),
            ("г. Астана, ул; Кенесары, д. 4", "г. Астана, ул. Кенесары, д. 4", "KZ"),
            ("6yn, „Руски“ 144, 4000 Пловдив", "бул. „Руски“ 144, 4000 Пловдив", "BG")):
        fields, _ = validate(raw(address=[printed]), regions=[region])
        assert fields["address"] == address, printed


def test_a_companys_low_opening_quote_ocr_lost_is_put_back_where_the_language_uses_it():
    for printed, company, region in (('UAB Gintaro sprendimai"', "UAB „Gintaro sprendimai“", "LT"),
                                     ("AS ,, Baltijas enerģija“", "AS „Baltijas enerģija“", "LV"),
                                     ('Kowalski i Wspólnicy"', "„Kowalski i Wspólnicy”", "PL")):
        fields, _ = validate(raw(company=[printed]), regions=[region])
        assert fields["company"] == company, printed
    # Elsewhere, and where the opening quote was read, the name stays as read.
    for printed, region in (('Acme "Tools"', "US"), ("SIA „Rīgas Tehnoloģijas“", "LV")):
        fields, _ = validate(raw(company=[printed]), regions=[region])
        assert fields["company"] == printed


def test_a_web_address_that_opens_with_the_persons_mailbox_is_their_email():
    """OCR read the "@" as a letter; the card's name shows where the mailbox ends."""
    for mailbox_and_domain, email in (
            ("nick_weinholdeklinikum-leipzig.de", "nick_weinhold@klinikum-leipzig.de"),
            ("chavvitailor©loopsoladesign.in", "chavvitailor@loopsoladesign.in")):
        fields, _ = validate(raw(full_name=["Nick Weinhold" if "nick" in email
                                            else "Chavvi Tailor"],
                                 websites=[mailbox_and_domain]), regions=["DE"])
        assert fields["emails"] == [email] and fields["websites"] == []
    # A web address that merely opens with the name stays one.
    fields, _ = validate(raw(full_name=["Anna Berg"], websites=["annaberg.se"]), regions=["SE"])
    assert fields["websites"] == ["https://annaberg.se/"] and fields["emails"] == []
    # A "web address" that is the mailbox and nothing after it is no e-mail (nor a crash).
    fields, _ = validate(raw(full_name=["Anna Berg"], websites=["annaberg"]), regions=["SE"])
    assert fields["emails"] == []


def test_numbers_valid_nowhere_the_card_suggests_are_read_where_they_all_are():
    """An Australian card with no address, domain or international number: its national
    numbers are invalid in the default region and valid in Australia."""
    fields, _ = validate(raw(phones=["(02) 1296 7585", "0412 484 346"]), regions=["US"])
    assert fields["phones"] == ["+61212967585", "+61412484346"]
    # A number valid where the card suggests stays there.
    fields, _ = validate(raw(phones=["(201) 555-0143"]), regions=["US"])
    assert fields["phones"] == ["+12015550143"]



def test_a_bar_between_a_titles_parts_read_as_a_letter_is_a_bar():
    fields, _ = validate(raw(position=["Kardiyoloji Uzmanı I Cardiologist"]), regions=["TR"])
    assert fields["position"] == "Kardiyoloji Uzmanı | Cardiologist"
    fields, _ = validate(raw(position=["Software Engineer I"]), regions=["US"])
    assert fields["position"] == "Software Engineer I"

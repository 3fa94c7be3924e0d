"""Clean and check raw field values; say how sure we are of each field.

Phones become E.164 (a well-formed number that phonenumbers cannot confirm is kept, with
lower confidence: it is printed on the card), e-mails are checked without DNS, web
addresses normalised, names and text fields tidied. Fax numbers stay apart from phones.
"""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from rapidfuzz.distance import Levenshtein

from bizcard.pipeline import lexicon, patterns
from bizcard.pipeline.assemble import RawValue
from bizcard.pipeline.regions import COUNTRY_NAMES
from bizcard.pipeline.schema import LIST_FIELDS, SINGLE_FIELDS, empty_fields

UNCONFIRMED_PHONE_FACTOR = 0.6  # a possible but not valid number: keep it, trust it less
SPACES = re.compile(r"\s+")
# A legal form OCR glued to the name before it: "MurilloS.L.", "ENGENHARIAS.A.", "LöwerAG".
# Dotted forms never end a word; bare ones only after a lower-case letter ("LöwerAG", not
# "BANG") but the "g" of a German charity's "gGmbH".
GLUED_LEGAL_FORM = re.compile(
    r"(?<=\w)(?=(?:S\.A\.|S\.L\.|B\.V\.|N\.V\.|S\.r\.l\.|S\.p\.A\.|S\.A\.S\.|S\.a\.s\.|"
    r"S\.n\.c\.|S\.C\.|S\.R\.L\.|S\.P\.A\.)(?!\S))"
    r"|(?<=[a-zß-ÿ])(?<!\bg)(?=(?:AG|GmbH|KG|KGaA|Ltd\.?|Inc\.?|LLC|SAS|SARL|Ltda\.?|Pty)(?!\S))"
)
EDGE_PUNCTUATION = " ,;:|·•-–—"
# A dash between a house number and the postcode ("Allé 78 – 3897 Blommenslyst") parts
# two lines set on one; other dashes between words are printed so ("Praha 2 – Vinohrady",
# "Bâtiment A – 6e étage", "Recife – PE") and stay (SPACED_DASH).
# OCR reads a middle dot between parts as a dash or full stop too: after a house number
# ("92- 59237", "97-9860 VW", "3-700 81"), glued to the next part ("Flat 0 -Warner Alley",
# "27 .00151 Roma"), after a Dutch postcode's letters ("9860 VW-Ritthem"); not inside a
# postcode ("33-217", "2743-072").
ADDRESS_PART_DASH = re.compile(
    r"(?<=\d)\s+[-–—]\s+(?=\d|[A-Z]{1,2}-\d)|(?<=\d)-\s+"
    r"|\s+[-.](?=[^\W_])"
    r"|(?<=\b\d{4} [A-Z]{2})-(?=[A-Z])")
# A dash set between two parts of a title or an address ("Manager – Corporate Clients",
# "Centro - Rio de Janeiro - RJ"), spaced or glued to the word before a capital; it gets
# a space on both sides and stays the dash OCR read: cards print hyphens and en dashes
# there alike, and OCR reads an en dash as one or the other. A hyphen joins words without
# spaces, or hangs before "und" ("Strassen- und Verkehrswesen").
SPACED_DASH = re.compile(r"(?<=[^\W_.])\s+([-–])\s+|(?<=[^\W\d_.])(-)\s+(?=[^\W\d_a-zß-ÿ])")
# A slash between a title's two languages with the space on one side lost ("Ingenieur/
# Ingénieur"); "M/F" stays.
# A bar between a title's parts read as a capital I or small l ("Kardiyoloji Uzmanı I
# Cardiologist"); a level after a title ("Engineer I") has no word after it.
BAR_READ_AS_LETTER = re.compile(r"(?<=[^\W\d_]) [Il] (?=[A-ZÀ-ÞА-ЯЁ])")
HALF_SPACED_SLASH = re.compile(r"(?<=\S)/\s+|\s+/(?=\S)")
HOUSE_NUMBER_DASH = re.compile(r"(?<![\d-])(\d{1,3})-(?=\d{4,5}\b|\d{3} \d{2}\b)")
# A postcode or house number of digits with one read as the letter O ("O0803" is "00803",
# "11o" is "110"); a town's O read as a zero ("0stermundigen").
NUMBER_LETTER_O = re.compile(r"\b(?=[\dOo]*[Oo])(?=(?:[\dOo]*\d){2})[\dOo]{3,6}\b")
ZERO_FOR_LETTER_O = re.compile(r"\b0(?=[^\W\d_]{3,})")
# A British postcode whose digit OCR read as the letter O ("WO 7SD" is "W0 7SD"): only after
# the one-letter postal areas, so "SO16" and "CO4" stay.
UK_POSTCODE_LETTER_O = re.compile(r"\b([BEGLMNSW])[Oo](?=[A-Z\d]? ?\d[A-Z]{2}\b)")
# The outward code's digit of a British postcode read as a letter ("DEL 5ZU" is "DE1 5ZU").
UK_POSTCODE_OUTWARD_L = re.compile(r"\b([A-Z]{1,2})[IL](?= \d[A-Z]{2}(?:,|$))")
# The inward code's digit of a British postcode read as a letter ("JE5B ILY" is "JE5B 1LY").
UK_POSTCODE_INWARD_I = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?) [Il](?=[A-Z]{2}\b)")
# A comma after a postcode read as a full stop ("85032. Chiaromonte").
POSTCODE_FULL_STOP = re.compile(r"\b(\d{4,6})\.(?= [A-ZÀ-Þ])")
# A comma read as a full stop after a town, before its state and postcode ("New York. NY
# 10017"), a Brazilian "CEP" or the country ("Hamburg. Deutschland").
TOWN_FULL_STOP = re.compile(r"(?<=[^\W\d_]{3})\. (?=[A-Z]{2} \d|CEP\b|([^\W\d_]+)$)")
# A bar between two parts of a one-line address as OCR reads it ("136. I H-4034 Győr",
# "Lúka I Slovakia"); before a capital only ("Carlos I 5" keeps the king's numeral).
ADDRESS_PART_BAR = re.compile(r"(?<=[\w.])\s+[Il|]\s+(?=[A-ZÀ-Þ])")
# A British postcode OCR read without its space ("UB375UW" is "UB37 5UW").
UNSPACED_UK_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})\b")
# A floor or flat number OCR glued to its word of four or five letters ("Piano4", "Floor5"),
# a province to its town ("Bologna(BO)").
GLUED_NUMBER = re.compile(r"\b([A-Za-zÀ-ÿ]{4,5})(?=\d{1,3}\b)")
GLUED_PROVINCE = re.compile(r"(?<=[^\W\d_])\((?=[A-Z]{2}\))")
# A house number glued to its street ("Thurnerplatz744"), a postcode to its label
# ("CEP11580-640", "C.P.90218"), a state and postcode to the town ("JesusfurtTAS2641"),
# and a house number run into the postcode at a full stop ("Platz 9.90139 Bad").
GLUED_STREET_NUMBER = re.compile(r"(?<=[^\W\d_]{{2}})({})(?=\d{{1,4}}[a-z]?\b)".format(
    "|".join(map(re.escape, lexicon.STREET_SUFFIXES))))
GLUED_POSTCODE_LABEL = re.compile(r"\b(CEP|C\.P\.)(?=\d)")
GLUED_STATE_POSTCODE = re.compile(r"(?<=[a-zß-ÿ])([A-Z]{2,3})(\d{4})\b")
HOUSE_NUMBER_FULL_STOP = re.compile(r"(?<=\s\d)\.(?=\d{5}\b)|(?<=\s\d\d)\.(?=\d{5}\b)")
# Countries that write the house number after the street ("Rua X, 90", "Calle Y 5").
NUMBER_AFTER_STREET = frozenset({"BR", "PT", "ES", "IT", "MX", "AR", "CL", "CO", "PE", "UY"})
# A map-pin icon read as a digit before a street whose number follows it ("9 Jinthebaan 819").
ICON_BEFORE_STREET = re.compile(r"^\d (?=[^\W\d_]{3,} \d)")
# Russian address abbreviations as Tesseract reads them in Latin letters ("np." for "пр.").
RU_ABBREVIATION_MISREADS = {"ann": "алл", "np": "пр", "a": "д", "g": "д", "ct": "ст",
                            "c": "с", "cmp": "стр", "k": "к", "yn": "ул", "yл": "ул", "of": "оф",
                            "кори": "корп", "r": "г", "6yn": "бул", "уа": "ул"}
# "д." as Tesseract reads it in front of a house number ("9, 15 стр. 662").
RU_HOUSE_MISREADS = frozenset({"9,", "9.", "4,", "4.", "A,", "д,"})
RU_BUILDING_PARTS = frozenset({"к", "стр", "корп"})
# A house number's letter that Tesseract read in Latin ("11a" for "11а").
HOUSE_NUMBER_LETTER = re.compile(r"(?<=\d)[AaBCcEeHKMOoPpTXxy](?=[,.]?$)")
# Cyrillic letters Tesseract reads as Latin ones in an address ("r." for "г.", "Mockba"
# for "Москва"), and a word made only of such letters, with its punctuation.
CYRILLIC_READ_AS_LATIN = str.maketrans("abcekmnoprtuxyABCEHKMOPTX", "авсекмпоргтихуАВСЕНКМОРТХ")
LATIN_READ_WORD = re.compile(r"[abcekmnoprtuxyABCEHKMOPTX]+[.,]?")
# A lower-case abbreviation glued to what follows it ("д.21", "ул.Ленина").
RU_GLUED_ABBREVIATION = re.compile(r"(?<![^\W\d_])([а-яё]{1,4})\.(?=[\dА-Яа-яЁё])")
# Russian, Ukrainian and Bulgarian legal forms by their upper-case letters, and the Latin
# letters and digits OCR reads for their Cyrillic ones: "000 «Вектор»" is an ООО, "3AO" a
# ЗАО, "TOB" a ТОВ.
CYRILLIC_LEGAL_FORMS = {form.upper(): form for form in (
    "ООО", "ОАО", "ЗАО", "ПАО", "АО", "НАО", "ИП", "ТОО", "НКО", "ГУП", "МУП", "ФГУП", "АНО",
    "ТОВ", "ПП", "ПрАТ", "ПАТ", "АТ", "ФОП", "ДП", "ТДВ", "ООД", "ЕООД", "АД", "ЕАД")}
CYRILLIC_LOOKALIKES = {**lexicon.LATIN_LOOKALIKES, **str.maketrans("03k", "ОЗк")}
CYRILLIC_INITIAL_DIGIT = re.compile(r"(?<!\S)([03])(?=\.)")
# A word in capitals that Tesseract spelled all in Latin look-alikes beside Cyrillic ones
# ("Лавр EPMAKOB", "АО «BEKTOP»"): every letter has a Cyrillic twin.
LATIN_LOOKALIKE_CAPITALS = re.compile(r"(?<![^\W\d_])[ABCEHKMOPTXY]{3,}(?![^\W\d_])")
# A floor or door number's ordinal indicator read as a degree sign ("3° C" is "3º C", "n° 16"
# is "nº 16"), where the language writes "º" (Italian and French write "°": "2° piano").
ORDINAL_READ_AS_DEGREE = re.compile(r"(?<=\d)°|(?<=\b[nN])°(?= ?\d)")
ORDINAL_REGIONS = frozenset({"ES", "PT", "BR", "MX", "AR", "CO", "CL", "PE", "UY", "VE", "EC"})
# The space OCR lost after an abbreviation's full stop or a floor's degree sign before the
# next word ("Col.Americana", "4°piano"); an Italian floor's "°" read as "*" ("18* piano").
GLUED_AFTER_ABBREVIATION = re.compile(r"(\b[A-Z][a-z]{1,3}\.(?=[A-Z][a-z])|\d[°º](?=[a-z]))")
# "I" read as "l" in an Italian province's code ("Firenze (Fl)") and a king's numeral
# ("Vittorio Emanuele ll").
PROVINCE_L_FOR_I = re.compile(r"\(([A-Z])l\)")
ROMAN_TWO_READ_LL = re.compile(r"(?<=[a-z] )ll(?=[,\s]|$)")
ASTERISK_FLOOR = re.compile(r"(?<=\d)\*(?= ?piano\b)")
# Queensland's "QLD" read as "OLD" before its postcode.
QUEENSLAND = re.compile(r"\bOLD(?= \d{4}\b)")
# A German floor ("3. OG", "EG") with its full stop's space lost or "O" read as "0".
GERMAN_FLOOR = re.compile(r"\b(\d{1,2})\.\s?([0O]G|[0o]g|EG|UG|DG)\b")
# Letters OCR reads for ones it has no model of, in a language that has none of the
# former: Romanian's comma-below "ș" read as Turkish "ş", Hungarian's "ő" as "ô" or "õ",
# Czech "ů" as "ü", Latvian "ģ" (its mark above) as Maltese "ġ", Turkish "ş" as Romanian
# "ș".
LANGUAGE_LOOKALIKES = {"RO": str.maketrans("şţŞŢ", "șțȘȚ"),
                       "HU": str.maketrans("ôõûũōÔÕÛŨŌ", "őőűűöŐŐŰŰÖ"),
                       "CZ": str.maketrans("üÜ", "ůŮ"),
                       "LV": str.maketrans("ġĠäÄ", "ģĢāĀ"),
                       "LT": str.maketrans("éÉ", "ėĖ"),
                       "TR": str.maketrans("șȘ", "şŞ")}
# Slovak and Czech "ľ", "ť", "ď" (a caron that looks like an apostrophe) read as the letter
# and an apostrophe ("riaditel'").
CARON_APOSTROPHE = re.compile(r"(?<=[^\W\d_])([ltdLTD])['’](?=[a-zà-ž]|\s|$)")
CARON_REGIONS = frozenset({"SK", "CZ"})
# Where company names are quoted „…“ and the closing quote each language sets.
LOW_QUOTE_CLOSINGS = {region: "“" for region in ("LT", "LV", "EE", "BG", "DE", "AT", "CZ",
                                                  "SK", "SI", "IS")} | {
    region: "”" for region in ("PL", "RO", "HU", "HR", "RS")}
CARON_LETTERS = {"l": "ľ", "t": "ť", "d": "ď", "L": "Ľ", "T": "Ť", "D": "Ď"}
# Turkish letters OCR reads without their marks (see _turkish_letters).
TURKISH_S_MISREAD = re.compile(r"(?<=[^\W\d_])\$|\$(?=[^\W\d_])|(?<=\.)\$(?=\.)")  # A.$.
TURKISH_CAPITAL_I = re.compile(r"^[iI](?=[a-zçğıöşü])")
TURKISH_PLACE_AFTER_SLASH = re.compile(r"/[iI](?=[a-zçğıöşü])")
TURKISH_LEGAL_FORM_SPELLING = {"A.S.": "A.Ş.", "STI.": "ŞTİ.", "ŞTI.": "ŞTİ.", "Sti.": "Şti.",
                               "TIC.": "TİC."}
TURKISH_LOOKALIKES = str.maketrans("ČčǦǧÍ", "ĞğĞğİ")  # letters Turkish does not have
TURKISH_LEGAL_FORMS = re.compile(r"(?<!\S)(?:A\.S\.|Ş?TI\.|STI\.|Sti\.|TIC\.)(?!\S)")
# Letters OCR reads as digits in a name, in capitals and in lower case; a word needs this
# many letters and at most this many such digits to be set right.
NAME_LETTER_LOOKALIKES = str.maketrans("012586", "OIZSBG")
NAME_LETTER_LOOKALIKES_LOWER = str.maketrans("01259", "olzsg")
MIN_NAME_LETTERS = 3
MIN_NAME_WORDS = 2  # a name keeps at least a first and a last name
MAX_NAME_DIGITS = 2
# Letters OCR reads for the "@" of an e-mail address; labels it glues before one ("Ejoakim").
MISREAD_AT = "qg@©a"
# After a mailbox made of the card's name, where the name tells where the "@" was, more.
NAMED_MAILBOX_AT = MISREAD_AT + "epoQGO"
# A label in capitals OCR glued to the value after it ("ОФИСклх Шуя", "SEDEvia Roma").
GLUED_LABEL = re.compile(r"([A-ZÀ-ÞА-ЯЁ]{4,}):?(?=[a-zß-ÿа-яё\d])")
GLUED_EMAIL_LABELS = ("e-mail", "email", "mail", "poczta", "correo", "courriel", "e")
# Shared mailboxes, which no label letter starts.
ROLE_MAILBOXES = frozenset("""info office contact kontakt sales support service hello post
    team admin vendas ventas vendite verkauf buero kontor administracion administration
    asiakaspalvelu reception recepcion secretariat sekretariat biuro ufficio kancelaria
    hr jobs career careers billing accounts geral comercial atendimento contato contacto
    kundenservice vertrieb marketing presse press rh rezeption""".split())
# An "@" OCR read as a capital letter between lower-case ones, the only capital of a
# "web address" that is an e-mail ("aneta.horakovaGtomanova-maresova.cz").
CAPITAL_AT = re.compile(r"^([a-z0-9][a-z0-9._-]*[a-z0-9])[GOQ]([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
                        r"\.[a-z]{2,})$")
# A label or web address after an e-mail's top-level domain, glued on by OCR or read into
# its value ("x@y.itSito", "x@y.comwww.y.com", "x@y.de Web"); not "site": ".website" is a
# domain.
LABEL_AFTER_EMAIL = re.compile(r"(@[\w-]+(?:\.[\w-]+)*?\.[A-Za-z]{2,3}?)\s*"
                               r"(https?|www|web|sito|tel|fax|mob)(?![^\W_])", re.IGNORECASE)
# CJK or Greek characters in a Latin value this few are an icon or a Latin letter misread
# (see _without_stray_script).
MAX_STRAY_LETTERS = 2
MIN_LATIN_LETTERS = 3
GREEK_LOOKALIKES = str.maketrans("ροαινκτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "poaivktuxABEZHIKMNOPTYX")
# Initials of a Greek abbreviation OCR read in Latin capitals: the legal forms "A.E.B.E.",
# "I.K.E.", the postcode's "T.K." (Τ.Κ.).
LATIN_GREEK_INITIALS = re.compile(
    r"(?<!\S)(?:[ABEZHIKMNOPTXYabezhikmnoptxy]\.){2,5}(?=[,;]?(?!\S))")
TO_GREEK_CAPITALS = str.maketrans("ABEZHIKMNOPTYX", "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ")
MIN_GREEK_LETTERS = 3  # a value with this many is Greek: its Latin initials are misread
# An ampersand between two names of a company that OCR read as "8" or with an icon's "@"
# ("Στυλιανίδου 8 Βαλεντή", "ΤΟΥΛΟΥΠΗ @& ΦΕΡΕΝΤΙΝΟΣ").
AMPERSAND_MISREAD = re.compile(r"(?<=[^\W\d_]) (?:8|@&|&@) (?=[^\W\d_])")
# A British "plc" whose "c" OCR read as "e", at the end of the company's name.
MISREAD_PLC = re.compile(r"(?<= )ple$")
MISREAD_INC = re.compile(r"(?<= )[Ii]ne\.$")  # "Inc." with its "c" read as "e"
MISREAD_POLISH_FORM = re.compile(r"(?<=\b[zZ] )[0oO]\.[0oO]\.")  # "Sp. z 0.0."
FORM_LETTERS_FOR_DIGITS = str.maketrans("10", "lo")  # "S.r.1." is "S.r.l."
# What OCR glues after an e-mail's top-level domain: a label printed after it, or the
# first letters of the next address ("x@y.cominfo@y.com").
GLUED_AFTER_DOMAIN = frozenset({"w", "e", "www", "web", "mail", "email", "e-mail", "info",
                                "tel", "fax", "mob", "sito", "site", "linkedin"})
# An honorific with its full stop glued to the capitals after it ("MR.ROMY", "PROF.ANTON").
GLUED_HONORIFIC = re.compile(r"\b[^\W\d_]+\.(?=[A-ZÀ-Þ]{2})")
# A social profile in an address's parts: "in/ana", "@ana", its "@" icon read as "0@ana" or
# "©ana.lopez".
SOCIAL_PART = re.compile(r"in/|.?@|[©®][\w.]+$")
# A phone number's start the model ran into the end of the address (", +7 343").
TRAILING_PHONE = re.compile(r",?\s*\+\d[\d\s()-]*$")
# "ae" and "oe" as PP-OCR reads them in e-mail and web addresses, which are ASCII.
LIGATURES = str.maketrans({"æ": "ae", "œ": "oe", "Æ": "AE", "Œ": "OE"})
MIN_SPELLED_LABEL = 4  # letters of "mail", the shortest label cut by the domain
FULL_WIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
# A profile's path with its icon read before it: "iin/steinvik".
PROFILE_PATH = re.compile(r"[a-z]{0,3}in/[\w.-]+")
# A social handle or mailbox name: lower-case letters run into digits.
HANDLE = re.compile(r"@?[a-z][a-z._]*\d+")
MIN_GLUED_NAME = 6  # letters of two names that OCR read as one word
MIN_REPAIRED_DOMAIN = 6  # shorter domains are too alike to repair one from another
# The start of a word and an upper-case letter glued after it ("Tara|Williams", "Dott.|Isa").
GLUED_NAME = re.compile(r"(?<![^\W\d_])([^\W\d_][^\W\d_.]*?(?:[a-zß-ÿ]|\.))(?=[A-ZÀ-Þ][a-zß-ÿ])")


def validate(
    raw: dict[str, list[RawValue]], *, regions: list[str]
) -> tuple[dict, dict[str, float]]:
    """Return ``(fields, confidence)`` in the schema; confidence only for non-empty fields."""
    fields = empty_fields()
    confidence: dict[str, float] = {}
    region = regions[0] if regions else None  # the card's likeliest, from its text
    for name in SINGLE_FIELDS:
        values = [RawValue(_without_stray_script(v.text), v.confidence) for v in raw.get(name, [])]
        values = [v for v in values if sum(c.isalnum() for c in v.text) > 1]
        if not values:
            continue
        if name == "address":
            text = _repaired_address(", ".join(_tidy(v.text) for v in values), region=region)
            score = sum(v.confidence for v in values) / len(values)
        else:
            best = max(values, key=lambda v: v.confidence)
            text, score = _tidy(best.text), best.confidence
        if name == "full_name":
            text = _name_split_by_email(_unglued_name(text),
                                        [v.text for v in raw.get("emails", [])])
            text, score = _check_name(text, score)
        if name in ("full_name", "company") and lexicon.CYRILLIC.search(text):
            text = LATIN_LOOKALIKE_CAPITALS.sub(
                lambda m: m.group(0).translate(lexicon.LATIN_LOOKALIKES), text)
        if name == "company":
            text = _cyrillic_legal_form(GLUED_LEGAL_FORM.sub(" ", text))
            text = AMPERSAND_MISREAD.sub(" & ", text)
            text = MISREAD_PLC.sub("plc", MISREAD_INC.sub("Inc.", text))
            text = MISREAD_POLISH_FORM.sub("o.o.", text)
            text = " ".join(_legal_form_misread(word) for word in text.split(" "))
            if region in LOW_QUOTE_CLOSINGS:
                text = _low_quotes(text, closing=LOW_QUOTE_CLOSINGS[region])
        if region in CARON_REGIONS:
            text = CARON_APOSTROPHE.sub(lambda m: CARON_LETTERS[m.group(1)], text)
        if name in ("position", "department"):
            text = _title_text(text)
        if region == "TR":
            text = _turkish_letters(text, name)
        if len(lexicon.GREEK.findall(text)) >= MIN_GREEK_LETTERS:
            text = LATIN_GREEK_INITIALS.sub(
                lambda m: m.group(0).upper().translate(TO_GREEK_CAPITALS), text)
        text = text.translate(LANGUAGE_LOOKALIKES.get(region, {}))
        if text:
            fields[name] = text
            confidence[name] = round(score, 3)
    regions = _regions_by_valid_numbers(
        [v.text for name in ("phones", "fax") for v in raw.get(name, [])], regions)
    raw = _emails_and_websites_apart(raw)
    for name in LIST_FIELDS:
        cleaned: dict[str, float] = {}
        for value in raw.get(name, []):
            for text, factor in _clean_list_values(name, value.text, regions):
                cleaned[text] = max(cleaned.get(text, 0.0), value.confidence * factor)
        if name == "websites":
            cleaned = _one_per_host(cleaned)
        if cleaned:
            fields[name] = list(cleaned)
            confidence[name] = round(min(cleaned.values()), 3)
    fields["emails"] = _without_glued_labels(fields["emails"], fields["full_name"])
    # A number printed as fax is not also a phone.
    fields["phones"] = [p for p in fields["phones"] if p not in fields["fax"]]
    if not fields["phones"]:
        confidence.pop("phones", None)
    return fields, confidence


def _repaired_address(text: str, *, region: str | None) -> str:
    """The address's parts joined as printed, with the OCR damage the patterns above
    describe undone, in this order. Brazilian addresses keep their " - " between parts
    ("1948 - Pinheiros - Recife/PE"): it is how they are written, not a separator OCR
    misread."""
    text = _without_address_label(text)
    first, _, rest = text.partition(" ")
    street = ",".join(rest.split(",")[:2])  # the street and the part after it
    if region in NUMBER_AFTER_STREET and len(first) == 1 and first.isdigit() and \
            lexicon.token(rest.split(" ")[0]) in lexicon.STREET_WORDS and \
            re.search(r"\b\d{1,4}\b", street):
        text = rest  # "9 Conjunto Pacheco, 90": a map pin; the number follows the street
    if region != "BR":
        text = ADDRESS_PART_DASH.sub(", ", text)
    text = HOUSE_NUMBER_DASH.sub(r"\1, ", text)
    text = ADDRESS_PART_BAR.sub(", ", text)
    text = lexicon.GLUED_POSTCODE.sub(r"\1 ", text)
    text = UNSPACED_UK_POSTCODE.sub(r"\1 \2", text)
    text = UK_POSTCODE_LETTER_O.sub(r"\g<1>0", UK_POSTCODE_INWARD_I.sub(r"\1 1", text))
    text = UK_POSTCODE_OUTWARD_L.sub(r"\g<1>1", text)
    text = POSTCODE_FULL_STOP.sub(r"\1,", text)
    text = TOWN_FULL_STOP.sub(
        lambda m: ", " if m.group(1) is None or m.group(1).lower() in COUNTRY_NAMES else m.group(0),
        text)
    text = GLUED_AFTER_ABBREVIATION.sub(r"\1 ", ASTERISK_FLOOR.sub("°", text))
    text = PROVINCE_L_FOR_I.sub(r"(\1I)", ROMAN_TWO_READ_LL.sub("II", text))
    if region == "AU":
        text = QUEENSLAND.sub("QLD", text)
    if region in ORDINAL_REGIONS:
        text = ORDINAL_READ_AS_DEGREE.sub("º", text)
    text = GERMAN_FLOOR.sub(lambda m: f"{m.group(1)}. {m.group(2).upper().replace('0', 'O')}",
                            text)
    text = _country_apart(text)
    text = NUMBER_LETTER_O.sub(lambda m: re.sub("[Oo]", "0", m.group(0)), text)
    text = ZERO_FOR_LETTER_O.sub("O", text)
    text = TRAILING_PHONE.sub("", _without_social(text))
    text = GLUED_PROVINCE.sub(" (", GLUED_NUMBER.sub(r"\1 ", text))
    text = GLUED_STREET_NUMBER.sub(r"\1 ", GLUED_POSTCODE_LABEL.sub(r"\1 ", text))
    text = GLUED_STATE_POSTCODE.sub(r" \1 \2", HOUSE_NUMBER_FULL_STOP.sub(", ", text))
    text = _spaced_dashes(text)
    return _russian_address_punctuation(text) if lexicon.CYRILLIC.search(text) else text


def _spaced_dashes(text: str) -> str:
    """Dashes between parts (SPACED_DASH) with one space on each side."""
    return SPACED_DASH.sub(lambda m: f" {m.group(1) or m.group(2)} ", text)


def _one_per_host(urls: dict[str, float]) -> dict[str, float]:
    """The first of web addresses on one host ("www.x.com" and "x.com" are one site)."""
    kept: dict[str, float] = {}
    hosts: set[str] = set()
    for url, score in urls.items():
        host = patterns.website_host(url)
        if host not in hosts:
            hosts.add(host)
            kept[url] = score
    return kept


ENGLISH_SPEAKING_REGIONS = ("GB", "AU", "IE", "NZ", "IN", "ZA", "SG", "CA")


def _regions_by_valid_numbers(numbers: list[str], regions: list[str]) -> list[str]:
    """``regions`` reordered by how many of the card's numbers are valid there, most first
    (a card's numbers share a country): a Colombian card's "(601) 793 4924" decides for
    its "321 950 6754", which is valid in Mexico too."""
    def counted(candidates: list[str]) -> dict[str, int]:
        return {region: sum(patterns.is_valid_phone(number, [region]) for number in numbers)
                for region in candidates}

    counts = counted(regions)
    if numbers and not any(counts.values()):
        # No clue named the country (no address, domain, international number or language
        # other than English): the English-speaking region where every number is valid
        # ("(02) 1296 7585" and "0412 484 346" are Australian).
        others = counted([r for r in ENGLISH_SPEAKING_REGIONS if r not in regions])
        found = [region for region, count in others.items() if count == len(numbers)]
        if found:
            return [found[0], *regions]
    return sorted(regions, key=lambda region: -counts[region])


def clean_list_value(field: str, text: str, *, regions: list[str]) -> str | None:
    """One value of a list field written as the validator writes what it reads (E.164
    phones, lower-case e-mail domains, URLs with a scheme); None when ``text`` is not one."""
    values = _clean_list_values(field, text, regions)
    return values[0][0] if values else None


def _clean_list_values(field: str, text: str, regions: list[str]) -> list[tuple[str, float]]:
    """The values of a list field ``text`` holds, each with its confidence factor: one
    phone or web address, or every e-mail address ("ana@x.nl/info@x.nl", glued by OCR)."""
    if field == "emails":
        return _clean_emails(text)
    result = _clean_phone(text, regions) if field in ("phones", "fax") else _clean_website(text)
    return [result] if result else []


def _without_stray_script(text: str) -> str:
    """A Latin value without the one or two CJK characters OCR read for an icon or logo
    beside it ("山Dipl.-Kfm. Denny Textor"), and with the Latin letters it read as Greek
    look-alikes ("S.ρ.A.")."""
    if len(lexicon.LATIN.findall(text)) < MIN_LATIN_LETTERS:
        return text
    if 0 < len(lexicon.CJK.findall(text)) <= MAX_STRAY_LETTERS:
        text = lexicon.CJK.sub("", text)
    if 0 < len(lexicon.GREEK.findall(text)) <= MAX_STRAY_LETTERS:
        text = text.translate(GREEK_LOOKALIKES)
    return text


def _tidy(text: str) -> str:
    """Collapse spaces; OCR drops the space after a comma ("Barozzi,Saracino") or on one
    side of an ampersand ("Research& Development") or before a bracket ("INGRAM(PTY)"):
    put it back. Full-width signs PP-OCR's Chinese model reads in Latin text ("INGRAM（PTY)")
    are the plain ones."""
    if not lexicon.CJK.search(text):
        text = re.sub(r"(?<=[^\W\d_])\((?=[^\W\d_])", " (", text.translate(FULL_WIDTH_TO_ASCII))
    text = re.sub(r",(?=[^\W\d_])", ", ", text)
    text = re.sub(r"(?<=\w)&(?=\s)|(?<=\s)&(?=\w)", " & ", text)
    return SPACES.sub(" ", text).strip(EDGE_PUNCTUATION)


def _title_text(text: str) -> str:
    """A job title or department as printed: its words' marks where OCR lost them
    (:func:`lexicon.with_marks`), without a sentence's full stop OCR read after it
    ("Отдел маркетинга."; "Dept." keeps its own), and nothing when it is a handle or
    mailbox read apart from its "@" ("gunnarpaulsson23") or a slogan of sentences."""
    sentences = [w for w in text.split(" ")
                 if w.endswith((".", "!")) and len(w) > lexicon.MIN_SENTENCE_WORD]
    if HANDLE.fullmatch(text) or PROFILE_PATH.fullmatch(text) or len(sentences) >= 2:
        return ""  # a handle, or a slogan ("Zuverlässig. Schnell. Regional.")
    text = " ".join(lexicon.with_marks(part) for word in text.split(" ")
                    for part in lexicon.glued_apart(word).split(" "))
    text = HALF_SPACED_SLASH.sub(" / ", _spaced_dashes(text))
    text = BAR_READ_AS_LETTER.sub(" | ", text)
    last = text.rsplit(" ", 1)[-1]
    if last.endswith(".") and last.count(".") == 1 and len(last) > lexicon.MIN_SENTENCE_WORD:
        return text[:-1]
    return text


def _check_name(text: str, score: float) -> tuple[str, float]:
    """A person's name has letters, no digits or @, and at most a handful of words. In a
    Cyrillic name, an initial OCR read as a digit is the letter it looks like ("Э. 3.
    Воронцов"), and a logo's crumbs read as Latin letters are dropped."""
    if lexicon.CYRILLIC.search(text):
        text = CYRILLIC_INITIAL_DIGIT.sub(lambda m: m.group(1).translate(CYRILLIC_LOOKALIKES),
                                          text)
        text = _without_latin_crumbs(text)
    text = " ".join(_letters_for_digits(word) for word in text.split(" "))
    if "@" in text or patterns.digit_count(text):
        return "", 0.0
    if len(text.split()) > 5:
        score *= 0.5
    return text, score


def _letters_for_digits(word: str) -> str:
    """A word of a name with a letter or two OCR read as digits ("LOpE2", "MART1N"), in
    the word's case; other words as they are."""
    digits = patterns.digit_count(word)
    letters = [c for c in word if c.isalpha()]
    if not digits or digits > MAX_NAME_DIGITS or len(letters) < MIN_NAME_LETTERS:
        return word
    upper = sum(c.isupper() for c in letters) * 2 > len(letters)
    lookalikes = NAME_LETTER_LOOKALIKES if upper else NAME_LETTER_LOOKALIKES_LOWER
    return word.translate(lookalikes)


def _clean_emails(text: str) -> list[tuple[str, float]]:
    emails = []
    text = text.translate(LIGATURES)
    for match in patterns.EMAIL.finditer(re.sub(r"\s*@\s*", "@", text).replace(" ", "")):
        candidate = match.group(0).strip(".")
        try:
            checked = validate_email(candidate, check_deliverability=False)
        except EmailNotValidError:
            continue
        local, domain = checked.normalized.rsplit("@", 1)
        if local.lower().startswith("www."):
            continue  # a web address run into what followed it, not a mailbox
        if local.lower() in lexicon.SOCIAL_HANDLE_LABELS:
            continue  # "Instagram @ana.lopez" run together: a profile, not a mailbox
        emails.append((f"{local}@{domain.lower()}", 1.0))
    return emails


def _emails_and_websites_apart(raw: dict[str, list[RawValue]]) -> dict[str, list[RawValue]]:
    """E-mail and web addresses OCR ran together or damaged, set right where the card shows
    what they must be: a web address glued after an e-mail ("ana@x.dk/x.dk") is a website
    too; a "website" that is an e-mail whose "@" was read as a letter ("ana.lindqx.dk",
    beside x.dk, or "ana.lindQx.dk" with no other e-mail) is an e-mail; and an e-mail
    domain one letter off the card's web address ("verogon.f" beside verogon.fi,
    "costafonseca.cor") is that address's; so is one that opens with a mailbox made of the
    person's name ("nick_weinholdeklinikum-leipzig.de" of Nick Weinhold). A label glued
    after an e-mail ("x@y.itSito") is cut off it."""
    emails, websites = [], []
    names = [v.text for v in raw.get("full_name", [])]
    raw_emails = [RawValue(_glued_after_domain(LABEL_AFTER_EMAIL.sub(r"\1 | \2", v.text)),
                           v.confidence) for v in raw.get("emails", [])]
    for value in raw_emails:
        rest = patterns.EMAIL.sub(" ", value.text)
        websites += [RawValue(rest[a:b], value.confidence)
                     for a, b in patterns.find_websites(rest)]
    site_hosts = {patterns.website_host(v.text) for v in [*raw.get("websites", []), *websites]}
    for value in raw_emails:
        emails.append(RawValue(_with_site_domain(value.text, site_hosts), value.confidence))
    email_hosts = {m.group(0).rsplit("@", 1)[1].lower() for v in emails
                   for m in patterns.EMAIL.finditer(v.text)}
    for value in raw.get("websites", []):
        host = patterns.website_host(value.text)
        email = _misread_email(host, site_hosts | email_hosts) or _capital_at(
            value.text, site_hosts, has_email=bool(emails)) or _named_mailbox(
            value.text.strip(), names)
        if email:
            emails.append(RawValue(email, value.confidence))
        else:
            websites.append(RawValue(_with_email_domain(value.text, email_hosts),
                                     value.confidence))
    return {**raw, "emails": emails, "websites": websites}


def _glued_after_domain(text: str) -> str:
    """An e-mail address with what OCR glued after its top-level domain set apart: a label
    ("x@y.usW", "x@y.comMail", "x@y.com.trE") or the next address ("x@y.cominfo@y.com",
    "x@y.comlinkedin.com/in/x"), where the domain's label is a known top-level domain and
    more ("usw" is "us" + "W"), and the whole is none."""
    match = re.search(r"@([\w-]+(?:\.[\w-]+)+)", text)
    if match is None:
        return text
    labels = match.group(1).split(".")
    for n, label in enumerate(labels[1:], start=1):
        if label.lower() in patterns.KNOWN_TLDS:
            continue
        for tld in patterns.KNOWN_TLDS_LONGEST_FIRST:
            rest = label[len(tld):]
            if label.lower().startswith(tld) and rest and (
                    rest.lower() in GLUED_AFTER_DOMAIN or n < len(labels) - 1
                    or "@" in text[match.end():match.end() + 1]):
                cut = match.start(1) + len(".".join(labels[:n])) + 1 + len(tld)
                return f"{text[:cut]} | {text[cut:]}"
        break
    return text


def _with_email_domain(text: str, email_hosts: set[str]) -> str:
    """A web address whose top-level domain OCR misread ("www.x.jt"), with the card's
    e-mail domain one edit off it ("x.it") in its place; one with an icon read as a letter
    before it ("wofner.at" beside x@ofner.at) without that letter."""
    host = patterns.website_host(text)
    if host[1:] in email_hosts:  # an icon read as a letter before it: "wofner.at", x@ofner.at
        return re.sub(re.escape(host), host[1:], text, count=1, flags=re.IGNORECASE)
    if patterns.has_known_tld(host):
        return text
    for other in email_hosts:
        if len(other) >= MIN_REPAIRED_DOMAIN and patterns.has_known_tld(other) and \
                Levenshtein.distance(host, other) == 1:
            return re.sub(re.escape(host), other, text, count=1, flags=re.IGNORECASE)
    return text


def _with_site_domain(text: str, site_hosts: set[str]) -> str:
    """``text`` with an e-mail domain one edit off a website host of the card replaced by it,
    unless only the e-mail's ends in a known top-level domain ("x.it" beside "x.jt")."""
    local, at, domain = text.strip().rpartition("@")
    if not at:
        return text
    for host in site_hosts:
        if len(host) >= MIN_REPAIRED_DOMAIN and Levenshtein.distance(host, domain.lower()) == 1 \
                and (patterns.has_known_tld(host) or not patterns.has_known_tld(domain)) \
                and host[1:] != domain.lower():  # "wofner.at": an icon read before the site
            return f"{local}@{host}"
    return text


def _misread_email(host: str, hosts: set[str]) -> str | None:
    """The e-mail address a web host really is when it ends in another host of the card
    after a letter OCR reads for "@" ("stepan_vavragveroica.eu" -> stepan_vavra@veroica.eu)
    or with its "@" lost ("alberto.dominguezfernandez-construcciones.es"); its local part
    must look like one (a "_" or "." in it), not a subdomain ("shop.x.dk")."""
    for other in hosts:
        head = host[:-len(other)]
        local = head[:-1] if head[-1:] in MISREAD_AT else head
        if (host.endswith(other) and len(head) > 1
                and ("_" in local or "." in local) and not local.endswith(".")):
            return f"{local}@{other}"
    return None


def _named_mailbox(text: str, names: list[str]) -> str | None:
    """The e-mail address a "web address" ``text`` really is when it opens with a mailbox
    made of the card's name ("nick_weinhold", "mdeschamps", "carrie.perry") and a letter
    OCR read for "@" after it, before a domain ("nick_weinholdeklinikum-leipzig.de")."""
    folded = lexicon.fold(text)
    for name in names:
        parts = [lexicon.fold(p) for p in re.findall(r"[^\W\d_]+", name) if len(p) > 1]
        if len(parts) < 2:
            continue
        first, last = parts[0], parts[-1]
        mailboxes = {f"{first}{mark}{last}" for mark in ("", ".", "_", "-")} | {
            f"{first[0]}{mark}{last}" for mark in ("", ".", "_")} | {
            f"{last}{mark}{first}" for mark in (".", "_")}
        for mailbox in sorted(mailboxes, key=len, reverse=True):
            domain = text[len(mailbox) + 1:]
            if folded.startswith(mailbox) and "." in domain \
                    and text[len(mailbox)] in NAMED_MAILBOX_AT and len(folded) == len(text):
                return f"{text[:len(mailbox)]}@{domain}"
    return None


def _capital_at(text: str, site_hosts: set[str], *, has_email: bool) -> str | None:
    """The e-mail address a "web address" is whose "@" OCR read as a capital G, O or Q,
    where the card has no other e-mail or the domain is the card's web address."""
    match = CAPITAL_AT.match(text.strip())
    if match is None or (has_email and match.group(2) not in site_hosts):
        return None
    return f"{match.group(1)}@{match.group(2)}"


def _without_glued_labels(emails: list[str], full_name: str | None) -> list[str]:
    """The card's e-mail addresses without labels OCR glued to them: a label found on one
    address ("Egeral@") is glued on the others it starts the same way ("Ecaetanaf@"), since
    they are printed alike."""
    cleaned = [_without_glued_label(e, full_name) for e in emails]
    found = {e[:len(e) - len(c)] for e, c in zip(emails, cleaned, strict=True) if c != e}
    if len(found) != 1:
        return cleaned
    [label] = found
    return [c[len(label):] if c == e and c.startswith(label) and c.index("@") > len(label) + 1
            else c for e, c in zip(emails, cleaned, strict=True)]


def _without_glued_label(email: str, full_name: str | None) -> str:
    """An e-mail address without an "E" or "Mail" label OCR glued to its local part, seen
    where the rest is a shared mailbox ("Einfo@", whoever holds the card) or spells the
    person's name ("ejoakim.knudsen@" for Joakim Knudsen, "Espersson@" for Sune Persson)
    and no name starts with the label's letters ("esmith@" is Eduardo Smith's initial).
    A capital "I" is the "l" OCR read it for where that spells the name ("Ihedlund@"). A
    spelled-out label ("Email", "Mail") is cut where the rest is in the domain
    ("Emailgraham@graham.law")."""
    local, domain = email.rsplit("@", 1)
    names = [lexicon.fold(t) for t in re.findall(r"[^\W\d_]{2,}", full_name or "")]
    if _mailbox_spells_name(lexicon.fold(local), names):
        return email
    if "I" in local and _mailbox_spells_name(lexicon.fold(local.replace("I", "l")), names):
        return f"{local.replace('I', 'l')}@{domain}"  # "Ihedlund@" for Lars Hedlund
    folded = lexicon.fold(local)
    for label in GLUED_EMAIL_LABELS:
        rest = local[len(label):].lstrip(".-_:")
        after = folded[len(label):].lstrip(".-_:")
        if folded.startswith(label) and (after in ROLE_MAILBOXES or (
                not any(n.startswith(label) for n in names) and (
                    _mailbox_spells_name(after, names) or any(after[:2] == name[:1] + "."
                                                      for name in names)))
                or (len(label) >= MIN_SPELLED_LABEL and len(after) >= MIN_SPELLED_LABEL
                    and after in domain.split(".")[0] and folded not in domain)):
            return f"{rest}@{domain}"
    return email


def _mailbox_spells_name(mailbox: str, names: list[str]) -> bool:
    """Whether a folded mailbox starts with one of the person's ``names``, or with one's
    initial and another ("spersson" for Sune Persson)."""
    return any(mailbox.startswith(name) for name in names) or any(
        mailbox[:1] == initial[:1] and mailbox[1:].startswith(name)
        for name in names for initial in names if initial != name)


def _without_address_label(text: str) -> str:
    """The address without the label printed before it ("Anschrift: Grünerstr. 5", "SIÈGE
    boulevard ...", "Visit us – 596 Morris Passage") and without an icon OCR read as a digit
    before the street ("9Ivanpad 60", "9 Jinthebaan 819": a house number follows, so the 9
    is no part of it)."""
    glued = GLUED_LABEL.match(text)
    if glued and glued.group(1).lower() in lexicon.ADDRESS_LABELS:
        text = text[glued.end():]  # "ОФИСклх Шуя": a label in capitals glued to the address
    words = text.split(" ")
    for length in (2, 1):
        label = lexicon.token(" ".join(words[:length])).rstrip(".:")
        if len(words) > length and (label in lexicon.ADDRESS_LABELS or (
                length == 1 and words[0].endswith(":") and len(label) == 1)):
            text = " ".join(words[length:]).lstrip(EDGE_PUNCTUATION)
            break
    street = text.split(",", 1)[0]
    if re.match(r"\d[^\W\d_]{3,}", text) and patterns.digit_count(street) > 1:
        text = text[1:]
    text = re.sub(r"^(\d{2,})(?=[A-ZÀ-Þ][a-zß-ÿ])", r"\1 ", text)  # "103Mill Lane"
    return ICON_BEFORE_STREET.sub("", text)


def _without_social(text: str) -> str:
    """An address without a social profile read into it (", in/valenc11", ", @acme", its
    "@" icon read as "0@acme" or "©acme.pl"), nor an icon OCR read as "0" or a sign after it
    (", 0"); a letter or another digit there may be a building's ("корп. 1"), and one
    before it a house number ("5, rue de la Paix")."""
    parts = [p for p in text.split(", ") if not SOCIAL_PART.match(p)]
    while len(parts) > 1 and (parts[-1] == "0" or (
            len(parts[-1]) == 1 and not parts[-1].isalnum())):
        parts.pop()
    return ", ".join(parts)


def _country_apart(text: str) -> str:
    """A country OCR joined to the town before it with a dash ("Mysłowice-Polska") set
    apart with a comma; hyphenated towns ("Ivry-sur-Seine") stay."""
    town, dash, country = text.rpartition("-")
    if dash and town and not town.endswith(" ") and country.strip().lower() in COUNTRY_NAMES:
        return f"{town}, {country.strip()}"
    return text


def _russian_address_punctuation(text: str) -> str:
    """A Russian address punctuated as it is printed, where Tesseract misreads a comma as a
    full stop, glues an abbreviation to its number or spells it in Latin ("np." is "пр.",
    "1K." is "1 к.", "д." before a house number and its building is "9,"), drops the comma
    before the postcode, or reads an icon before it:
    "д. Уфа. наб. Мельничная, д, 5 стр. 71. 190958" is "д. Уфа, наб. Мельничная, д. 5
    стр. 71, 190958"."""
    text = RU_GLUED_ABBREVIATION.sub(
        lambda m: m.group(0) + " " if m.group(1) in lexicon.RU_ADDRESS_ABBREVIATIONS
        else m.group(0), text)
    text = re.sub(r"(?<=\d)(?=(?:к|стр|корп)\.)", " ", re.sub(r"(?<=\d)[Kk]\.", "к.", text))
    text = re.sub(r"(?<!\w)прт(?!\w)", "пр-т", text)  # its hyphen lost
    # The six-digit postcode is set apart with a comma: "к. 57 200483", "к. 6,016969".
    text = re.sub(r"(?<=\d)(?:\s+|,)(?=\d{6}\b)", ", ", text)
    tokens = text.split()
    second = tokens[1].rstrip(".,").lower() if len(tokens) > 1 else ""
    if len(tokens) > 2 and (
            (len(tokens[0]) <= 2
             and RU_ABBREVIATION_MISREADS.get(second, second) + "." in lexicon.RU_SETTLEMENTS)
            or (len(tokens[0].rstrip(",")) == 1 and not tokens[0][0].isalpha()
                and (lexicon.CYRILLIC.match(tokens[1]) or tokens[1].rstrip(",").isdigit()))):
        # An icon read as "9" or "А." before "д. Можайск", "пр-т Мира", "Россия" or the
        # postcode: a Russian address starts with no house number.
        tokens = tokens[1:]
    # A house number's letter read in Latin ("11a" is "11а").
    tokens = [HOUSE_NUMBER_LETTER.sub(lambda m: m.group(0).translate(lexicon.LATIN_LOOKALIKES),
                                      token) for token in tokens]
    for n, token in enumerate(tokens):
        core = token.rstrip(".,;")  # "ул;": a full stop read as a semicolon
        if n < len(tokens) - 1 and core.lower() in RU_ABBREVIATION_MISREADS:
            core = RU_ABBREVIATION_MISREADS[core.lower()]
        if core.lower() in lexicon.RU_ADDRESS_ABBREVIATIONS:
            tokens[n] = core + "."
        elif token in RU_HOUSE_MISREADS and n + 2 < len(tokens) and tokens[n + 1][
                0].isdigit() and tokens[n + 2].rstrip(".,") in RU_BUILDING_PARTS:
            tokens[n] = "д."  # a house number comes with its building, never a flat
        elif token.endswith(".") and n < len(tokens) - 1 and "." not in core and (
                core[-1:].isdigit() or len(core) >= 3):
            tokens[n] = core + ","
    for n in range(1, len(tokens) - 1):
        if tokens[n] == "д." and tokens[n + 1][0].isdigit() and not tokens[n - 1].endswith(","):
            tokens[n - 1] += ","  # "Невский пр., д. 17": the house number is a part of its own
    # A word Tesseract spelled all in Latin letters that Cyrillic ones look like ("r. Mockba"
    # is "г. Москва").
    tokens = [token.translate(CYRILLIC_READ_AS_LATIN) if LATIN_READ_WORD.fullmatch(token)
              else token for token in tokens]
    return " ".join(tokens)


def _turkish_letters(text: str, field: str) -> str:
    """Turkish letters OCR has no model for, where the text shows which was printed: "Ş"
    read as "$" ("IN$AAT"), "Ğ" as "Č", the dotted capital "İ" as "i" in a word of capitals
    ("AKDENiZ"), and as "i" or "I" at the start of a name, title or place ("Şişli/istanbul",
    "Insan Kaynakları": Turkish words start with "İ" far more often than with "I"), and the
    legal forms "A.Ş." and "Ltd. Şti." read without their marks."""
    text = TURKISH_S_MISREAD.sub("Ş", text).translate(TURKISH_LOOKALIKES)
    words = text.split(" ")
    for n, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        if sum(c.isupper() for c in letters) >= 2 and all(c.isupper() or c == "i"
                                                          for c in letters):
            word = word.replace("i", "İ")
        starts_name = field != "address" or n == 0 or words[n - 1].endswith((",", "/"))
        word = TURKISH_CAPITAL_I.sub("İ", word) if starts_name else word
        words[n] = TURKISH_PLACE_AFTER_SLASH.sub("/İ", word)
    text = " ".join(words)
    if field == "company":
        text = TURKISH_LEGAL_FORMS.sub(lambda m: TURKISH_LEGAL_FORM_SPELLING[m.group(0)], text)
    return text


def _legal_form_misread(word: str) -> str:
    """A legal form with a letter OCR read as a digit ("S.r.1." is "S.r.l.") or an "l" read
    as a capital I ("S.r.I.") as the form; other words as they are."""
    if lexicon.token(word) in lexicon.LEGAL_FORMS or not any(c.isalpha() for c in word):
        return word
    capitals = word.replace("I", "").isupper()  # "S.R.I." is "S.R.L."
    for letters in (word.translate(FORM_LETTERS_FOR_DIGITS),
                    word.replace("I", "L" if capitals else "l")):
        if letters != word and lexicon.token(letters) in lexicon.LEGAL_FORMS:
            return letters
    return word


def _cyrillic_legal_form(text: str) -> str:
    """A Russian, Ukrainian or Bulgarian legal form as printed, where OCR read its Cyrillic
    letters as Latin ones or digits ("000 «Вектор»", "3AO «Стройстрой»", "TOB"): the name
    beside it is Cyrillic or in «guillemets». A logo's crumbs before the form ("all ТОВ
    «…»", "®. АО «…»") are dropped, and a closing guillemet OCR read as a quote or angle
    (”, >) is put back."""
    words = text.split(" ")
    forms = [n for n, word in enumerate(words)
             if word.lstrip("([{").translate(CYRILLIC_LOOKALIKES).upper() in CYRILLIC_LEGAL_FORMS]
    if forms and forms[0] and all(not lexicon.CYRILLIC.search(w) for w in words[:forms[0]]):
        words = words[forms[0]:]
    first, rest = words[0], " ".join(words[1:])
    if not rest or not (lexicon.CYRILLIC.search(rest) or rest.startswith("«")):
        return text
    if "«" in rest and "»" not in rest:
        rest = re.sub(r"[”“\">›]$", "»", rest)
    # A bracket OCR read for a logo's edge before the form: "(000 «Звезда»".
    form = CYRILLIC_LEGAL_FORMS.get(first.lstrip("([{").translate(CYRILLIC_LOOKALIKES).upper())
    return f"{form or first} {rest}"


def _low_quotes(company: str, *, closing: str) -> str:
    """A company name quoted „…“ as the language prints it, where OCR lost the low opening
    quote at the baseline ("UAB Gintaro sprendimai"") or read it as two commas ("AS ,,
    Baltijas"), and read the closing one as a straight quote."""
    text = re.sub(r",,\s*", "„", company)
    if "„" in text or not text.endswith(('"', "“", "”")):
        return text
    words = text[:-1].split(" ")
    at = 1 if len(words) > 1 and lexicon.token(words[0]) in lexicon.LEGAL_FORMS else 0
    words[at] = "„" + words[at]
    return " ".join(words) + closing


def _without_latin_crumbs(name: str) -> str:
    """A Cyrillic name without the words of no Cyrillic letter OCR read into it from a logo
    or an icon beside it ("idr Ковальчук Дмитро", "Новикова Вера al")."""
    words = name.split(" ")
    kept = [w for w in words if lexicon.CYRILLIC.search(w)]
    return " ".join(kept) if len(kept) >= MIN_NAME_WORDS else name


def _name_split_by_email(name: str, emails: list[str]) -> str:
    """A name OCR read as one word where an e-mail address spells it in parts
    ("GYDAJESSEN" with gyda.jessen@...) or as its initial and last name ("MIRIAMMEYER"
    with mmeyer@ or m.meyer@): split where the address splits it, or before the last
    name."""
    words = name.split()
    for n, word in enumerate(words):
        folded = lexicon.fold(word)
        if len(word) < MIN_GLUED_NAME or not word.isalpha() or len(folded) != len(word):
            continue
        for email in emails:
            parts = [p for p in re.split(r"[._-]", email.split("@")[0].lower()) if p]
            if len(parts) == 2 and "".join(parts) == folded:
                words[n] = f"{word[:len(parts[0])]} {word[len(parts[0]):]}"
                break
            initial_and_last = "".join(parts) if len(parts) == 1 or (
                len(parts) == 2 and len(parts[0]) == 1) else ""
            last = initial_and_last[1:]
            if len(last) >= MIN_GLUED_NAME // 2 and folded.startswith(initial_and_last[:1]) \
                    and folded.endswith(last) and len(folded) - len(last) >= 2:
                words[n] = f"{word[:-len(last)]} {word[-len(last):]}"
                break
    return " ".join(words)


def _unglued_name(text: str) -> str:
    """A name whose words OCR glued together split again: "TaraWilliams", "DrJoshua",
    "Dott.Isa", "PROF.ANTON"; not "McDonald", "DeVito" or "FitzGerald"."""
    def split(match: re.Match[str]) -> str:
        before = match.group(1)
        head = lexicon.token(before)
        if lexicon.token(match.string[match.start():].split(" ", 1)[0]) in lexicon.HONORIFICS:
            return before  # a degree after the name: "M.Sc.", "Ph.D."
        if head in lexicon.HONORIFICS or head + "." in lexicon.HONORIFICS or (
                len(before) >= 3 and head not in lexicon.NAME_PREFIXES):
            return f"{before} "
        return before
    text = GLUED_NAME.sub(split, text)
    return GLUED_HONORIFIC.sub(
        lambda m: m.group(0) + " " if lexicon.token(m.group(0)) in lexicon.HONORIFICS
        else m.group(0), text)


# "www." as OCR misreads it: a w lost or doubled ("ww.", "wwww."), its dot read as "-" or
# dropped ("wwwcontoso.com"), or the whole prefix read twice ("www-www.", a globe icon read
# as "www" before it: "wwwwww."). Tesseract's Cyrillic "ммм." is "www." too.
_MISREAD_WWW = re.compile(r"^(?:[wω]{2,8}[.\-]|[мш]{3}\.)+|^www(?=[a-z0-9-]+\.[a-z])")


def _clean_website(text: str) -> tuple[str, float] | None:
    text = text.translate(LIGATURES)
    # A separator OCR read as a digit glued after the top-level domain ("x.no1").
    match = patterns.URL.search(re.sub(r"(\.[^\W\d_]{2,})\d+$", r"\1", text.strip()))
    if not match:
        return None
    url = match.group(0).rstrip(".,;")
    scheme_match = re.match(r"^(https?)://", url, re.IGNORECASE)
    scheme = scheme_match.group(1).lower() if scheme_match else "https"
    rest = url[scheme_match.end():] if scheme_match else url
    host, _, path = rest.partition("/")
    host = _MISREAD_WWW.sub("www.", host.lower())
    if "." not in host or (lexicon.is_social_host(host) and path.strip("/")):
        return None  # no host, or a profile on a social network, not the company's site
    if not scheme_match and patterns.is_abbreviation(rest):
        return None
    return f"{scheme}://{host}/{path}", 1.0


def _clean_phone(text: str, regions: list[str]) -> tuple[str, float] | None:
    number = patterns.parse_phone(text, regions)
    if number is None:
        return None
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    factor = 1.0 if phonenumbers.is_valid_number(number) else UNCONFIRMED_PHONE_FACTOR
    return formatted, factor

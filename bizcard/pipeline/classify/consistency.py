"""Card-level fixes both classifiers apply to their word labels: what one word's label
cannot know but the whole card shows."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from itertools import pairwise

from bizcard.pipeline import lexicon, patterns
from bizcard.pipeline.layout import (
    reading_order,
    reading_order_lines,
    right_under,
    segments,
    value_words,
    word_height,
)
from bizcard.pipeline.regions import COUNTRY_NAMES
from bizcard.pipeline.schema import NUMBER_ENTITIES, OUTSIDE, entity_of
from bizcard.pipeline.types import Word

KEPT_ON_REGISTRATION_LINES = frozenset({"EMAIL", "WEBSITE"})
MONOGRAM_LETTERS = 2
# A logo's letter read on the company's line is this much taller than the name's letters,
# or this many of their heights apart from it.
LOGO_LETTER_SIZE = 1.5
LOGO_LETTER_GAP = 1.5
INITIALS_SIZE = 1.2  # the same for letters that are the company's initials
INITIALS_GAP = 0.7
NAME_SIZE_RATIO = (0.8, 1.25)  # two lines of one name are set in about the same size
# A name set beside its title on one line is this much larger, tallest letter to tallest.
NAME_OVER_TITLE_SIZE = 1.25
MAX_NAME_WORDS = 4
MIN_FIRST_NAME_MAILBOX = 3  # letters of a first or last name alone as a mailbox ("che@")
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*$")
# Legal-form words a company name can go on after ("Smith Partners Architecture"): the
# others end it.
NOT_FINAL_FORMS = frozenset(
    """group holding holdings partners associates gruppe groupe grupo gruppo company co co.
    corporation sociedad associados asociados associés cia cia. stiftung групп группа
    холдинг""".split())
MIN_HANDLE = 5  # letters of the shortest handle told apart from a word of a field
# A social handle as printed: "@ana.lopez", "in/ana-lopez", "linkedin.com/in/ana-lopez".
SOCIAL_HANDLE = re.compile(r"(?:^@|(?:^|/)in/)([\w.-]{3,})$")
# Networks' labels before a handle: "x" ("X: @ana") is also a mailbox ("x@acme.com").
HANDLE_LABELS = lexicon.SOCIAL_HANDLE_LABELS | {"x"}
HANDLE_SIMILARITY = 0.75  # a handle as OCR read it ("anagueffa") to what it spells
MIN_DOMAIN_NAME = 4  # letters a company's name must have to be told by its domain
MIN_NAME_WORDS = 2  # a title read into a name leaves the name this many words
MIN_PHONE_DIGITS = 6  # fewer digits than any phone number on a card has
POSTCODE_LINE_WORDS = 4
COMPASS_LETTERS = frozenset("NSEW")  # "N Main St"
MIN_PROSE_WORD = 4  # letters of a lower-case word that is no particle ("de", "nad")
# A Russian patronymic ("Ильич", "Брониславович", "Викторовна"): three words of a Russian
# name are a first name, a patronymic and a surname in some order.
PATRONYMIC = re.compile(r"(?:ич|[ое]вна|ична)$")
TOWN = re.compile(r"^[^\W\d_][^\W\d_'-]+(?: [^\W\d_][^\W\d_'-]+){0,2}$")
STATE_CODE = re.compile(r"^[A-Z]{2,4}\.?$")  # "MS", "SLP", "CDMX"
# Up to four words of a street's name and its house number: "Björkgatan 82", "Rue de la
# Paix 12", "Vinohradská 1511/23", "Dzirnavu iela 143".
STREET_AND_NUMBER = re.compile(
    r"^[^\W\d_][^\W\d_'’.-]*(?: [^\W\d_][^\W\d_'’.-]*){0,3},? \d{1,4}[^\W\d_]?"
    r"(?:[/-]\d{1,4}[^\W\d_]?)?,?$")
# A postcode before its town ("411 19 Göteborg", "80-656 Gdańsk", "D-10115 Berlin").
POSTCODE_AND_TOWN = re.compile(r"^(?:[A-Z]{1,2}-)?\d{2,5}(?:[ -]\d{2,3})?,? [^\W\d_]")
TOWN_LINE_WORDS = 6  # "130 00 Praha 3 – Žižkov"
MAX_ADDRESS_GAP = 2  # words left outside between two of the address's on one line
# Countries whose addresses end with the postcode and town (and the country): no state
# or province line follows.
POSTCODE_TOWN_ENDS = frozenset("""DE AT CH LI FR BE NL LU DK SE NO FI IS PL CZ SK HU SI HR
    EE LV LT PT""".split())
# Regions whose addresses end with the postcode ("Chicago, IL 60606", "CEP 01310-100"),
# and the postcode as it ends a line there (no house number: "Rio Branco, 1736").
POSTCODE_ENDS = {
    "US": re.compile(r"\b[A-Z]{2},? \d{5}(?:-\d{4})?$"),
    "CA": re.compile(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d$"),
    "GB": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$"),
    "AU": re.compile(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT) \d{4}$"),
    "BR": re.compile(r"\b\d{5}-\d{3}$"),
}
ORDINAL = re.compile(r"\d{1,3}\.")  # "19." of a floor ("19. krs", "3. OG")
MAX_BUILDING_WORDS = 5  # "Campus de la Doua – Bât. Jules Verne"
# "г." (город) and "м." (Ukrainian місто) before a town, also as Tesseract reads them
# without the full stop or in Latin ("r").
TOWN_MARKERS = frozenset({"г.", "г", "r.", "r", "м.", "с.", "п.", "пос.", "пгт", "смт"})
MAX_TOWN_WORDS = 3  # "г. Нижний Новгород", "г. Ростов-на-Дону"
TOWN_WORD = re.compile(r"^[А-ЯЁІЇЄ][а-яёіїє][А-ЯЁІЇЄа-яёіїє'-]+[,.]?$")
# Labels of a phone number's extension ("ext. 12", "доб. 12").
EXTENSION_LABELS = frozenset({"ext", "extn", "x", "poste", "ramal", "interno", "int", "доб",
                              "durchwahl", "dw", "anexo"})
# Fields a street name beside its house number cannot be.
CONTACT_ENTITIES = NUMBER_ENTITIES | {"EMAIL", "WEBSITE"}
COMPANY_FORM_CONTINUES = frozenset({"&", "+", "and", "und", "et", "y", "e", "en", "i", "ve"})
# Words of a line that only states a company's legal form ("GmbH & Co. KG", "sp. z o.o.").
LEGAL_FORM_LINE_WORDS = lexicon.LEGAL_FORMS | COMPANY_FORM_CONTINUES | {"z"}
# Words of LEGAL_FORMS that many a brand or slogan ends in, too.
WEAK_LEGAL_FORMS = frozenset("""group holding holdings partners associates gruppe groupe grupo
    gruppo company co co. corporation групп группа холдинг sociedad associados asociados
    associés stiftung""".split())
STRONG_LEGAL_FORMS = lexicon.LEGAL_FORMS - WEAK_LEGAL_FORMS
# Digits and signs OCR reads for the letters of a legal form: "000" (ООО), "0.0." (o.o.),
# "A.$." (A.Ş.).
LEGAL_FORM_MISREADS = (str.maketrans("0$", "oş"), str.maketrans("03", "оз"))
MAX_COMPANY_WORDS = 8
COMPANY_WORD = re.compile(r"^(?:[^\W\d_](?:[^\W\d_]|['’.&-])*,?|&|\+)$")  # no digit nor colon
SPACED_LETTER = re.compile(r"[^\W\d_]\.")  # one letter of a form printed spaced: "s. r. o."
# What the model may call a name it did not see ("Πολύμνια Αλεξανδρίδου" as a department);
# a line with a title's, department's or company's word is none.
NAME_OR_NOTHING = frozenset({None, "COMPANY", "DEPARTMENT", "POSITION"})
# Words of a rank that a comma and what it is over follow ("Vice President, Sales").
RANK_WORDS = frozenset("""director manager head president vice vp svp evp avp chief lead
    officer partner principal associate senior executive managing general deputy assistant
    regional global group""".split())
# A Czech or Slovak house number, its land-registry and street numbers: "1741/159,".
HOUSE_NUMBER_WITH_SLASH = re.compile(r"\d{1,5}/\d{1,4}[a-zA-Z]?,?")
MAX_LINK_WORDS = 2  # words left outside at the end of a title's line that link it on
MIN_SLOGAN_WORDS = 2  # lower-case words beside a title that make its line a sentence
OPENING_QUOTES = ("«", '"', "“", "„", "'")
# Marks between a title and a department on one line ("Head of Sales | IT Department");
# "I" and "l" are a bar as OCR reads it.
TITLE_MARKS = frozenset({"|", "I", "l", "-", "–", "—", "·", "•", "/", ",", ":"})
# Words the model may leave outside inside a title or department ("Marketing & PR").
TITLE_CONNECTORS = frozenset({"&", "and", "und", "et", "y", "e", "i", "и", "de", "of", "der"})
GLUED_TITLE_MARKS = "-–—,|"
# Words that leave a title unfinished at the end of its line ("Head of Research and" /
# "Development").
TITLE_GOES_ON = frozenset({"and", "&", "of", "und", "für", "et", "de", "y", "e", "i", "for",
                           "и", "по", "-", "–"})
# The same inside a line ("Fachanwältin für Familienrecht", "Responsable des achats").
TITLE_OPEN_ENDS = (TITLE_GOES_ON - {"-", "–"}) | {
    "pour", "des", "du", "per", "para", "en", "voor", "för", "ds.", "dla", "na", "do", "och",
    "og", "ja", "in", "és", "a", "ve", "za", "sa", "ir", "un", "inden", "within"}


def card_consistent(words: Sequence[Word], labels: Sequence[str],
                    regions: list[str]) -> list[str]:
    """``labels`` of upright ``words`` with the card-level fixes below applied."""
    labels = registration_lines_outside(words, labels)
    labels = contact_labels_outside(words, labels)
    labels = opening_hours_outside(words, labels)
    labels = qr_caption_outside(words, labels)
    labels = monogram_outside(words, labels)
    labels = social_handle_outside(words, labels)
    labels = company_ends_at_legal_form(words, labels)
    labels = company_named_by_domain(words, labels)
    labels = legal_form_joins_company(words, labels)
    labels = legal_form_line_joins_company(words, labels)
    labels = company_as_registered(words, labels)
    labels = company_with_legal_form(words, labels)
    labels = practice_is_the_company(words, labels)
    labels = company_apart_from_its_logo_and_slogan(words, labels)
    labels = company_line_before_address(words, labels)
    labels = company_link_words(words, labels)
    labels = company_in_quotes(words, labels)
    labels = company_over_two_lines(words, labels)
    # Again: the company rules above label whole lines, a logo's letter on them too.
    labels = monogram_outside(words, labels)
    labels = title_with_a_title_word(words, labels)
    labels = title_in_a_slogan(words, labels)
    labels = title_goes_on_in_its_line(words, labels)
    labels = title_in_two_languages(words, labels)
    labels = title_over_two_lines(words, labels)
    labels = title_ends_with_its_line(words, labels)
    labels = title_without_credentials(words, labels)
    labels = department_apart_from_title(words, labels)
    labels = title_and_department_lines(words, labels)
    labels = department_line(words, labels)
    labels = department_opens_line(words, labels)
    labels = title_and_department_swapped(words, labels)
    labels = services_line_outside(words, labels)
    labels = institution_over_its_department(words, labels)
    labels = name_over_two_lines(words, labels)
    labels = title_after_name(words, labels)
    labels = russian_name_lines(words, labels)
    labels = name_beside_title(words, labels)
    labels = name_in_mailbox(words, labels)
    labels = name_as_its_mailbox(words, labels)
    labels = name_after_honorific(words, labels)
    labels = country_line_in_address(words, labels)
    labels = state_after_address(words, labels)
    labels = extension_outside(words, labels)
    labels = house_number_in_address(words, labels, regions)
    labels = street_line_in_address(words, labels)
    labels = street_line_before_postcode(words, labels)
    labels = postcode_after_its_label(words, labels)
    labels = address_gap_filled(words, labels)
    labels = town_in_address(words, labels)
    labels = address_line_between(words, labels)
    labels = building_opens_address(words, labels)
    labels = address_tail(words, labels)  # after the short "phones" (postcodes) are left out
    labels = address_ends_before_prose(words, labels, regions)
    labels = address_apart_from_taglines(words, labels)
    labels = street_read_as_name(words, labels)
    labels = address_icons_outside(words, labels)
    return address_head(words, labels)


def contact_labels_outside(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """The label words before a phone, e-mail or web address ("Ligne directe", "Direkt",
    "Durchwahl.") are no name, title, department or company."""
    labels = list(labels)
    for line in reading_order_lines(words):
        for position, i in enumerate(line[1:], start=1):
            if entity_of(labels[i]) not in CONTACT_ENTITIES or not labels[i].startswith("B-"):
                continue
            before = position - 1
            while before >= 0 and entity_of(labels[line[before]]) not in CONTACT_ENTITIES \
                    and (_label_word(words[line[before]].text)
                         or words[line[before]].text in LABEL_SEPARATORS):
                labels[line[before]] = OUTSIDE
                before -= 1
    return labels


# Marks printed between a contact label and its value ("E-post | ana@x.se").
LABEL_SEPARATORS = frozenset({"|", "·", "•", ":", "/", "-", "–"})


def _label_word(text: str) -> bool:
    """A contact label; a lone letter only with its mark ("T:", "M."), as "C" may end an
    address ("Building C") or a name."""
    label = lexicon.contact_label(text)
    return len(label) > 1 or (bool(label) and text.rstrip().endswith((".", ":")))


def registration_lines_outside(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A segment that starts with a registration label ("Org.nr 556355-4483", "P.IVA
    0123...", "N° TVA FR39...") or a social network's ("LinkedIn: in/name"), or that is a
    bank account number ("PL87 5436 3360 ..."), is small print, not an address, phone or
    name; so is one with a registration label and its number further on after words with
    no digit (a court's name, "Amtsgericht Köln HRB 14010", however OCR misread it)."""
    labels = list(labels)
    for segment in segments(words):
        first_two = lexicon.token(" ".join(w.text for w in segment.words[:2])).rstrip(".:")
        # After a floor's number the word is the floor's ("19. krs" is Finnish, not KRS).
        opening = segment.words[:1] if ORDINAL.fullmatch(segment.words[0].text) \
            else segment.words[:2]
        if not any(lexicon.is_small_print_label(w.text) for w in opening) and \
                first_two not in lexicon.REGISTRATION_PHRASES and \
                not lexicon.IBAN.fullmatch(segment.text.strip()) and \
                not _registration_after_words(segment.words):
            continue
        for i in segment.word_ids:
            if entity_of(labels[i]) not in KEPT_ON_REGISTRATION_LINES:
                labels[i] = OUTSIDE
    return labels


def _registration_after_words(words: Sequence[Word]) -> bool:
    """A registration label with a number in or after it ("HRB 14010", "CHE-578.414.114"),
    after words without digits only."""
    for n, word in enumerate(words):
        if lexicon.is_registration_label(word.text) and (
                patterns.digit_count(word.text) or
                (n + 1 < len(words) and patterns.digit_count(words[n + 1].text))):
            return True
        if patterns.digit_count(word.text):
            return False
    return False


def qr_caption_outside(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A QR code's caption ("Scan me", "Scan to save my contact", "Scannen & speichern") is
    no field."""
    labels = list(labels)
    for line in reading_order_lines(words):
        text = " ".join(words[i].text for i in line)
        if QR_CAPTION.match(text) and not any(
                entity_of(labels[i]) in CONTACT_ENTITIES for i in line):
            for i in line:
                labels[i] = OUTSIDE
    return labels


QR_CAPTION = re.compile(
    r"(?:scan|scannen|scanne|scannez|escanea|escaneie|escaneá|scansiona|zeskanuj|naskenuj"
    r"|tara|okut|сканируй|сканируйте|скануй|скануйте|отсканируй)(?![^\W\d_])", re.IGNORECASE)


def opening_hours_outside(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """Opening hours ("Mon-Fri 9:00-17:30", "Horário 2ª a 6ª, 9h-18h") and the year a
    company was founded ("Since 1987", "Fundada en 1974") are no field, on a line of their
    own or after the address on its line; nor is the rest of a tagline with that year and
    no other number ("Работаем для вас с 1998 года"), the company's name aside."""
    labels = list(labels)
    for line in reading_order_lines(words):
        texts = [words[i].text for i in line]
        text = " ".join(texts)
        spans = [(m.start(), m.end()) for m in lexicon.FOUNDED.finditer(text)]
        start = lexicon.opening_hours_start(text)
        if start is not None:
            spans.append((start, len(text)))
        # A tagline around the year ("Работаем для вас с 1998 года") goes with it.
        rest = "".join(c for n, c in enumerate(text) if not any(b <= n < e for b, e in spans))
        tagline = bool(spans) and start is None and not patterns.digit_count(rest)
        position = 0
        for i, word in zip(line, texts, strict=True):
            inside = any(position < end and position + len(word) > begin
                         for begin, end in spans)
            entity = entity_of(labels[i])
            if (inside and entity not in KEPT_ON_REGISTRATION_LINES) or (
                    tagline and entity not in KEPT_ON_REGISTRATION_LINES | {"COMPANY"}):
                labels[i] = OUTSIDE
            position += len(word) + 1
    return labels


def monogram_outside(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A logo's monogram, as OCR reads it, is no part of the name or the company: a line
    of one or two letters labelled as the company ("F" over "Ferrovis Ltda."), or as the
    name when they are the company's initials ("HE" beside "Ashley Jarvis" of Hussain
    Engineering); such letters before the name or the company on its line when they are
    much taller or set well apart ("t Terrapoint Corp."), or the company's initials and a
    little so ("M Arch. Giancarlo Catenazzi" of Malacarne)."""
    labels = list(labels)
    initials = _company_initials(words, labels)
    for line in reading_order_lines(words):
        first = line[0]
        entity = entity_of(labels[first])
        letters = words[first].text.strip(".,&")
        if entity not in ("COMPANY", "NAME") or len(letters) > MONOGRAM_LETTERS:
            continue
        theirs = letters.isupper() and lexicon.fold(letters) in initials
        if len(line) == 1:
            if entity == "COMPANY" or theirs:
                labels[first] = OUTSIDE
        elif entity_of(labels[line[1]]) == entity and _logo_before(
                words[first], words[line[1]], initials=theirs):
            labels[first], labels[line[1]] = OUTSIDE, f"B-{entity}"
    return labels


def _company_initials(words: Sequence[Word], labels: Sequence[str]) -> set[str]:
    """What a monogram of the card's company may read: the initials of its name's words
    (its legal form aside), their first, or the first letter of the card's domain."""
    name = [lexicon.fold(words[i].text) for i, label in enumerate(labels)
            if entity_of(label) == "COMPANY" and words[i].text[:1].isalpha()
            and lexicon.token(words[i].text) not in lexicon.LEGAL_FORMS]
    initials = {"".join(word[:1] for word in name), name[0][:1]} if name else set()
    initials |= {domain[:1] for domain in _card_domains(words, labels)}
    return initials - {""}


def _logo_before(letter: Word, word: Word, *, initials: bool) -> bool:
    """Whether ``letter`` is a logo's letter OCR read on the line of the name after it:
    much taller than it, or set well apart; a little less so for the company's
    ``initials``."""
    height = word_height(word)
    gap = (min(x for x, _ in word.quad) - max(x for x, _ in letter.quad)) / height
    size = word_height(letter) / height
    if initials:
        return size >= INITIALS_SIZE or gap >= INITIALS_GAP
    return size >= LOGO_LETTER_SIZE or gap >= LOGO_LETTER_GAP


def social_handle_outside(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A word on a line of its own that spells the card's domain, mailbox or the person's
    name run together, after a character that is the "@" or a network's icon as OCR read
    it ("Olanfranchi", "Gerlingmikkelsen"), or the name run together itself, is a social
    handle, not a line of the address or the company; so is a word after a network's
    label, and the label itself ("IG: @ana")."""
    labels = list(labels)
    spelled = _card_domains(words, labels) | {
        mailbox.replace(".", "") for mailbox in _mailboxes(words, labels)}
    name = [lexicon.fold(words[i].text) for i, label in enumerate(labels)
            if entity_of(label) == "NAME"]
    run_together = "".join(name) if len(name) >= MIN_NAME_WORDS else ""
    spelled = {handle for handle in spelled | {run_together} if len(handle) >= MIN_HANDLE}
    for line in reading_order_lines(words):
        i = line[0]
        text = lexicon.fold(words[i].text)
        if len(line) != 1 or entity_of(labels[i]) in CONTACT_ENTITIES or not text.isalpha():
            continue
        if entity_of(labels[i]) == "NAME" and words[i].text.isupper():
            continue  # a name printed spaced in capitals, read run together ("MIRIAMMEYER")
        if text == run_together or any(_handle_after_icon(text, handle) for handle in spelled):
            labels[i] = OUTSIDE
    for line in reading_order_lines(words):  # "IG: @ana", "X: ©ana_lopez"
        for network, handle in pairwise(line):
            label, text = words[network].text, words[handle].text
            if (lexicon.token(label).rstrip(".") in HANDLE_LABELS
                    and (label.endswith(":") or text.startswith(("@", "©")))
                    and entity_of(labels[handle]) not in CONTACT_ENTITIES):
                labels[network] = labels[handle] = OUTSIDE
    return labels


def _handle_after_icon(text: str, handle: str) -> bool:
    """Whether ``text`` is ``handle`` after one character, as OCR read them: the rest is
    like the handle, and more like it than the whole word is (a wordmark misread a
    little, "Lanfranchl", is not a handle)."""
    after_icon = SequenceMatcher(None, text[1:], handle).ratio()
    return after_icon >= HANDLE_SIMILARITY and after_icon > SequenceMatcher(
        None, text, handle).ratio()


def company_ends_at_legal_form(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A company whose line ends in its legal form ("Westman Fastigheter AB") does not go
    on into the next line ("Din partner i vardagen" is its slogan), unless that line goes
    on with the form ("Müller GmbH" / "& Co. KG")."""
    labels = list(labels)
    lines = reading_order_lines(words)
    for line, following in pairwise(lines):
        last = lexicon.token(words[line[-1]].text)
        if (entity_of(labels[line[-1]]) != "COMPANY" or last not in lexicon.LEGAL_FORMS
                or last in NOT_FINAL_FORMS or labels[following[0]] != "I-COMPANY"):
            continue
        first = lexicon.token(words[following[0]].text)
        if first in COMPANY_FORM_CONTINUES or first in lexicon.LEGAL_FORMS:
            continue
        for i in following:
            if entity_of(labels[i]) == "COMPANY":
                labels[i] = OUTSIDE
    return labels


def company_named_by_domain(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line that spells the card's e-mail or web domain ("Fisher-Mendez" for
    fishermendez.com, "Méndez Logística" for mendez-logistica.com, a legal form aside) is
    the company, whatever it was labelled, unless it is a name on a person's own domain
    (jane@janeroe.com). A company the model found on a line away from it is not one: it
    is the name when the two were swapped, else nothing."""
    labels = list(labels)
    domains = _card_domains(words, labels)
    mailboxes = _mailboxes(words, labels)
    personal = {domain for domain in domains if any(
        len(part) >= MIN_DOMAIN_NAME - 1 and part in domain
        for mailbox in mailboxes for part in re.split(r"[._\-\d]+", mailbox))}
    card_segments = segments(words)
    for segment in card_segments:
        entities = {entity_of(labels[i]) for i in segment.word_ids}
        if entities == {"COMPANY"} or entities & CONTACT_ENTITIES or any(
                "@" in w.text for w in segment.words):  # a social handle
            continue
        kept = [w.text for w in segment.words if lexicon.token(w.text) not in
                lexicon.LEGAL_FORMS]
        spelled = re.sub(r"[^a-z0-9]", "", lexicon.fold("".join(kept)))
        if len(spelled) < MIN_DOMAIN_NAME or spelled not in domains or (
                "NAME" in entities and spelled in personal):
            continue
        # The model swapped name and company: the company it found is the name.
        displaced = "NAME" if entities == {"NAME"} else None
        near = {segment.line_no - 1, segment.line_no, segment.line_no + 1}
        for other in card_segments:
            if other.line_no in near and not displaced:
                continue  # the company's next line ("Fisher-Mendez" / "Consulting")
            ids = [i for i in other.word_ids if entity_of(labels[i]) == "COMPANY"]
            for n, i in enumerate(ids):
                labels[i] = f"{'B' if n == 0 else 'I'}-{displaced}" if displaced else OUTSIDE
        _label_value(labels, segment.word_ids, "COMPANY")
        return labels
    return labels


def legal_form_joins_company(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A legal form the model left outside right after the company on its line ("Bláhová
    k.s.") is part of it."""
    labels = list(labels)
    for line in reading_order_lines(words):
        for before, form in pairwise(line):
            if (entity_of(labels[before]) == "COMPANY" and labels[form] == OUTSIDE
                    and lexicon.token(words[form].text) in lexicon.LEGAL_FORMS):
                labels[form] = "I-COMPANY"
    return labels


def legal_form_line_joins_company(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line that is only a legal form ("S.p.A.", "GmbH & Co. KG", "sp. z o.o."), printed
    right under the company's name, is the end of the company."""
    labels = list(labels)
    for above, line in pairwise(reading_order_lines(words)):
        tokens = [lexicon.token(words[i].text) for i in line]
        if (entity_of(labels[above[-1]]) != "COMPANY" or not right_under(words, above, line)
                or not any(token in lexicon.LEGAL_FORMS for token in tokens)
                or not all(token in LEGAL_FORM_LINE_WORDS for token in tokens)
                or all(entity_of(labels[i]) == "COMPANY" for i in line)):
            continue
        for i in line:
            labels[i] = "I-COMPANY"
    return labels


def company_as_registered(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """Where a card prints its brand ("COOK SOLUTIONS", "RIOS") and, apart, the same name,
    or a longer one it starts, with its legal form ("Cook Solutions Co.", "Rios & Alvarez
    S.A.S."), the company is the registered name: the line with the legal form, not the
    brand, nor both run together; the brand is no department, title or name either. The
    name is left alone where the card names no one else ("Jan Novák" of "Jan Novák
    s.r.o.")."""
    labels = list(labels)
    lines = reading_order_lines(words)
    folded = [[lexicon.fold(lexicon.token(words[i].text)) for i in line] for line in lines]
    for registered in lines:
        tokens = [lexicon.token(words[i].text) for i in registered]
        core = list(tokens)
        while core and _legal_form(core[-1]):
            core.pop()
        while core and _legal_form(core[0]):  # "ЗАО «Альфа пром»"
            core.pop(0)
        if not core or len(core) == len(tokens) or any(
                entity_of(labels[i]) in CONTACT_ENTITIES for i in registered):
            continue
        folded_core = [lexicon.fold(token) for token in core]
        for brand, brand_folded in zip(lines, folded, strict=True):
            named = [i for i in brand if entity_of(labels[i]) == "NAME"]
            # A surname on the line under the first name ("LARISSA" / "MACHADO") is the
            # name's, whatever firm bears it ("Machado & Guerra Advogados S.A.").
            name_goes_on = any(
                all(entity_of(labels[i]) == "NAME" for i in other)
                and _one_over_the_other(words, brand, other) for other in lines
                if other is not brand)
            if brand is registered or any(
                    entity_of(labels[i]) in CONTACT_ENTITIES for i in brand) or (
                    named and (not _name_elsewhere(labels, brand) or name_goes_on)):
                continue
            if brand_folded and brand_folded == folded_core[:len(brand_folded)]:
                for i in brand:
                    labels[i] = OUTSIDE
                _label_value(labels, registered, "COMPANY")
                return labels
    return labels


def company_with_legal_form(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A company printed with its legal form is the company, not a brand beside it: of the
    companies the model found, those without a legal form go where one has it ("BLUEFORM"
    and "Guerreiro & Lima Lda."), and where none has, a line of its own that ends in one
    is the company ("Luminet" and "Nagy Kereskedelmi Bt."). A line that holds a contact
    or a number is left alone (a registration line), and so is a name the card prints
    nowhere else. The registered name takes its whole line ("NOVAUM" of "NOVAUM
    CONSULTORIA UNIPESSOAL LDA.")."""
    labels = list(labels)
    lines = reading_order_lines(words)
    registered_lines = [line for line in lines if _registered_line(words, labels, line)]
    values = _values(lines, labels, "COMPANY")
    registered = [value for value in values if _ends_in_legal_form(
        [lexicon.token(words[i].text) for i in value]) or any(
        _legal_form(lexicon.token(words[i].text), strong=True) for i in value)]
    if not registered and not registered_lines:
        return labels
    chosen = registered[0] if registered else registered_lines[0]
    for value in values:
        if not registered or value not in registered:
            for i in value:
                labels[i] = OUTSIDE
    line = next((line for line in registered_lines if set(chosen) <= set(line)), chosen)
    _label_value(labels, line, "COMPANY")
    return labels


def practice_is_the_company(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line that opens with a practice's word ("Kanzlei Dr. Trüb", "Praxis für
    Zahnheilkunde Dr. med. dent. Mälzer", "Law Office of Ann Ferrell") is the company,
    unless the company found has a legal form; a company found elsewhere without one is a
    logo's word or the professional's name read as one, and gives way."""
    labels = list(labels)
    lines = reading_order_lines(words)
    company = [i for i, label in enumerate(labels) if entity_of(label) == "COMPANY"]
    if any(_legal_form(lexicon.token(words[i].text), strong=True) for i in company):
        return labels
    for line in lines:
        opening = " ".join(lexicon.token(words[i].text) for i in line[:2])
        if not (lexicon.token(words[line[0]].text) in lexicon.PRACTICE_WORDS
                or opening in lexicon.PRACTICE_WORDS) or len(line) > MAX_COMPANY_WORDS or any(
                entity_of(labels[i]) in CONTACT_ENTITIES | {"ADDRESS"} for i in line) or (
                patterns.digit_count(" ".join(words[i].text for i in line))):
            continue
        for i in company:
            labels[i] = OUTSIDE
        _label_value(labels, line, "COMPANY")
        return labels
    return labels


def company_apart_from_its_logo_and_slogan(words: Sequence[Word],
                                          labels: Sequence[str]) -> list[str]:
    """A company the model ran over lines loses a line that is one word of another of its
    lines (the logo's "ROMERO" over "Romero Family Dentistry"); a company that reads as a
    sentence ("Trusted advice since day one"), with no legal form, is no company."""
    labels = list(labels)
    lines = reading_order_lines(words)
    for value in _values(lines, labels, "COMPANY"):
        value_lines = [[i for i in line if i in value] for line in lines]
        value_lines = [line for line in value_lines if line]
        folded = [{lexicon.fold(lexicon.token(words[i].text)) for i in line}
                  for line in value_lines]
        logo = [line[0] for n, line in enumerate(value_lines)
                if len(value_lines) > 1 and len(line) == 1
                and any(folded[n] <= other for m, other in enumerate(folded) if m != n)]
        kept = [i for i in value if i not in logo]
        for i in logo:
            labels[i] = OUTSIDE
        if logo and kept:
            labels[kept[0]] = "B-COMPANY"
        texts = [words[i].text for i in value]
        lower = [text for text in texts if _prose_word(text)]
        if len(lower) >= MIN_SLOGAN_WORDS + 1 and sum(
                len(text) >= MIN_PROSE_WORD for text in lower) >= MIN_SLOGAN_WORDS and not any(
                _legal_form(lexicon.token(text)) for text in texts):
            for i in value:
                labels[i] = OUTSIDE
    return labels


def _registered_line(words: Sequence[Word], labels: Sequence[str], line: list[int]) -> bool:
    """Whether ``line`` reads as a company's registered name: words ending in a legal form,
    or a legal form and a name in quotes ("AS "Baltijas Loģistika"") or in Russian ("ООО
    «Вектор»", "ИП Ермаков В.Е."); no lower-case word of prose ("a member of X Ltd."), no
    number, contact, address or small-print label, nor a name found nowhere else."""
    tokens = [lexicon.token(words[i].text) for i in line]
    form_first = len(line) > 1 and _legal_form(tokens[0], strong=True) and (
        words[line[1]].text.startswith(OPENING_QUOTES) or lexicon.CYRILLIC.match(tokens[0]))
    return ((_ends_in_legal_form(tokens) or form_first)
            and not all(map(_legal_form, tokens))
            and len(line) <= MAX_COMPANY_WORDS
            and not any(token.isalpha() and words[i].text[:1].islower()
                        and len(token) >= MIN_PROSE_WORD and not _legal_form(token)
                        for i, token in zip(line, tokens, strict=True))
            and not patterns.digit_count(" ".join(words[i].text for i in line))
            and not QR_CAPTION.match(words[line[0]].text)  # "Scan me" ends in Brazil's "ME"
            and not any(entity_of(labels[i]) in CONTACT_ENTITIES | {"ADDRESS"} for i in line)
            and not any(lexicon.is_small_print_label(words[i].text) for i in line)
            and not (any(entity_of(labels[i]) == "NAME" for i in line)
                     and not _name_elsewhere(labels, line)))


def _values(lines: list[list[int]], labels: Sequence[str], entity: str) -> list[list[int]]:
    """The values of ``entity`` in reading order: runs of its words, each from a B- word
    (or an I- word after another entity's) over the I- words right after it."""
    values: list[list[int]] = []
    previous = OUTSIDE
    for i in (i for line in lines for i in line):
        if entity_of(labels[i]) == entity:
            if labels[i].startswith("I-") and entity_of(previous) == entity:
                values[-1].append(i)
            else:
                values.append([i])
        previous = labels[i]
    return values


def _ends_in_legal_form(tokens: list[str]) -> bool:
    """Whether words end in a legal form company law names, also one printed with spaces
    between its letters ("s. r. o.", "a. s.")."""
    if tokens and _legal_form(tokens[-1], strong=True):
        return True
    letters = list(itertools.takewhile(SPACED_LETTER.fullmatch, reversed(tokens)))
    return any(_legal_form("".join(reversed(letters[:n])), strong=True)
               for n in range(2, len(letters) + 1))


def _legal_form(token: str, *, strong: bool = False) -> bool:
    """Whether a word is a legal form or a word that joins forms ("&", "z"), also as OCR
    misreads it ("000" for ООО, "0.0." for o.o., "A.$." for A.Ş.); ``strong``: only a
    form that company law names, not "Group" or "Partners"."""
    forms = STRONG_LEGAL_FORMS if strong else LEGAL_FORM_LINE_WORDS
    return token in forms or any(token.translate(misread) in forms
                                 for misread in LEGAL_FORM_MISREADS)


def _name_elsewhere(labels: Sequence[str], line: list[int]) -> bool:
    """Whether a word off ``line`` is labelled as the name."""
    return any(entity_of(label) == "NAME" for i, label in enumerate(labels) if i not in line)


def company_in_quotes(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A name in quotes after what names its kind ("ГБУЗ «Городская клиническая больница №
    26»", "Юридическая фирма «ТрансЛогистик»", "ФГБОУ ВО «Уральский" / "государственный
    университет»") is the company whole, into the line under it up to the closing quote,
    where the kind is a legal form, an abbreviation in capitals or a word before the quote
    the model read as the company's."""
    labels = list(labels)
    lines = reading_order_lines(words)
    for n, line in enumerate(lines):
        opening = next((p for p, i in enumerate(line)
                        if words[i].text.startswith(OPENING_QUOTES)), None)
        if not opening:  # no quote, or one that opens the line: no kind named before it
            continue
        kind = [words[i].text for i in line[:opening]]
        named = [i for i in line if entity_of(labels[i]) == "COMPANY"]
        if not (any(_legal_form(lexicon.token(t)) or CAPITALS_ABBREVIATION.fullmatch(t)
                    for t in kind) or (named and lexicon.has_word(kind, lexicon.COMPANY_WORDS))
                or (named and len(kind) <= MAX_COMPANY_KIND_WORDS)):
            continue
        value = list(line)
        closed = any(words[i].text.rstrip(",.").endswith(CLOSING_QUOTES) for i in line[opening:])
        if not closed and n + 1 < len(lines) and right_under(words, line, lines[n + 1]):
            below = lines[n + 1]
            end = next((p for p, i in enumerate(below)
                        if words[i].text.rstrip(",.").endswith(CLOSING_QUOTES)), None)
            if end is not None:
                value += below[:end + 1]
        if any(entity_of(labels[i]) in CONTACT_ENTITIES | {"NAME", "ADDRESS"} for i in value) \
                or len(value) > MAX_COMPANY_WORDS:
            continue
        _label_value(labels, value, "COMPANY")
    return labels


CLOSING_QUOTES = ("»", '"', "”", "“")
CAPITALS_ABBREVIATION = re.compile(r"[A-ZА-ЯЁ]{2,6}")  # "ГБУЗ", "ФГБОУ ВО"
MAX_COMPANY_KIND_WORDS = 2  # "Юридическая фирма", "Коллегия адвокатов"


def company_link_words(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A linking word the model left outside between two of the company's words on one
    line ("Hochschule für Wirtschaft", "Ministry of Transport") is the company's."""
    labels = list(labels)
    for line in reading_order_lines(words):
        for before, link, after in zip(line, line[1:], line[2:], strict=False):
            if (labels[link] == OUTSIDE and entity_of(labels[before]) == "COMPANY"
                    and entity_of(labels[after]) == "COMPANY"
                    and lexicon.token(words[link].text) in TITLE_OPEN_ENDS):
                labels[link] = "I-COMPANY"
                labels[after] = "I-COMPANY"
    return labels


def company_over_two_lines(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A long company name wrapped onto two lines in one type size is one name: the line
    right over the company's, left outside or read as a department ("Regionalny Zarząd
    Gospodarki" / "Wodnej w Olsztynie", "Biuro Projektów Kowalczyk" / "i Wspólnicy Sp. z
    o.o."), unless it ends in a legal form or names a department outright; and the line
    right under it where the company's line ends in a linking word or a comma ("Agenzia
    Regionale per" / "l'Ambiente del Piemonte") or the line under ends in a legal form.
    Neither line holds a contact, a name, an address, a title or a sentence, and the line
    added is words of two or more, none with a digit or a label's colon (not opening hours
    or a handle)."""
    labels = list(labels)
    for above, below in pairwise(reading_order_lines(words)):
        ratio = word_height(words[below[0]]) / max(word_height(words[above[-1]]), 1.0)
        found = [{entity_of(labels[i]) for i in line} for line in (above, below)]
        texts = [[words[i].text for i in line] for line in (above, below)]
        if not right_under(words, above, below) or not (
                NAME_SIZE_RATIO[0] <= ratio <= NAME_SIZE_RATIO[1]) or any(
                entities - {None, "COMPANY", "DEPARTMENT"} or _prose(line_texts)
                or lexicon.names_a_department(line_texts) for entities, line_texts in zip(
                    found, texts, strict=True)):
            continue
        added = 0 if "COMPANY" not in found[0] else 1  # the line the company gains
        if len(texts[added]) < MIN_NAME_WORDS or _names_a_country(
                words, (above, below)[added]) or not all(
                COMPANY_WORD.match(text) for text in texts[added]):
            continue
        tokens = [[lexicon.token(text) for text in line_texts] for line_texts in texts]
        upper_open = tokens[0][-1] in TITLE_OPEN_ENDS | COMPANY_FORM_CONTINUES \
            or texts[0][-1].endswith(",")  # "Ministerium für Wirtschaft," / "Arbeit und ..."
        # Both lines read as two companies: one name unless the upper one is complete
        # with its legal form or the lower repeats it (a logo over the registered name).
        two_halves = found[0] == found[1] == {"COMPANY"} and labels[below[0]] == "B-COMPANY" \
            and not set(tokens[0]) & set(tokens[1])
        upper_added = found[1] == {"COMPANY"} and "COMPANY" not in found[0]
        lower_added = found[0] == {"COMPANY"} and "COMPANY" not in found[1]
        if ((upper_added or two_halves) and not _ends_in_legal_form(tokens[0])) or (
                lower_added and (upper_open or _ends_in_legal_form(tokens[1]))):
            _label_value(labels, above + below, "COMPANY")
    return labels


def company_line_before_address(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line without digits that ends in a legal form ("George & Estrada Co.") or names an
    institution ("Pennine Building Society", "Opća bolnica Sveti Duje") is a company, and
    one that names a department ("Setor de Compras") a department, not the first line of
    the address the model ran it into; the card's company or department when it names
    none."""
    labels = list(labels)
    lines = reading_order_lines(words)
    for line, following in pairwise(lines):
        texts = [words[i].text for i in line]
        if (labels[line[0]] != "B-ADDRESS" or any(labels[i] != "I-ADDRESS" for i in line[1:])
                or labels[following[0]] != "I-ADDRESS"
                or patterns.digit_count(" ".join(texts))):
            continue
        if lexicon.token(texts[-1]) in lexicon.LEGAL_FORMS or lexicon.has_word(
                texts, lexicon.COMPANY_WORDS):
            entity = "COMPANY"
        elif lexicon.names_a_department(texts) or _opens_as_department(texts):
            entity = "DEPARTMENT"
        else:
            continue
        if any(entity_of(label) == entity for label in labels):
            for i in line:
                labels[i] = OUTSIDE
        else:
            _label_value(labels, line, entity)
        labels[following[0]] = "B-ADDRESS"
    return labels


def _host(text: str) -> str:
    """The host of an e-mail or web address as printed."""
    if "@" in text:
        return text.rsplit("@", 1)[1]
    return patterns.website_host(text)


def _card_domains(words: Sequence[Word], labels: Sequence[str],
                  entities: tuple[str, ...] = ("EMAIL", "WEBSITE")) -> set[str]:
    """What the card's e-mail and web hosts spell of a name (:func:`lexicon.domain_label`:
    "fishermendez" for mail.fisher-mendez.com)."""
    return {lexicon.domain_label(host) for i, label in enumerate(labels)
            if entity_of(label) in entities and (host := _host(words[i].text))} - {""}


def _mailboxes(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """The local parts of the card's e-mail addresses, folded (:func:`lexicon.fold`)."""
    return [lexicon.fold(words[i].text.split("@")[0]) for i, label in enumerate(labels)
            if entity_of(label) == "EMAIL"]


def title_with_a_title_word(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """Of job titles the model found in two places, one with a title's word ("Dyrektor
    Handlowy") and one without ("w biznesie" of the slogan "Twój partner w biznesie",
    "Vækst"), the latter is none, unless it is printed right over or under the other (a
    title over two lines, "Creative" / "Director")."""
    labels = list(labels)
    lines = reading_order_lines(words)
    line_of = {i: line for line in lines for i in line}
    values = _values(lines, labels, "POSITION")
    titled = [value for value in values
              if lexicon.has_title_word(" ".join(words[i].text for i in value))]
    titled_lines = [line_of[value[0]] for value in titled]
    for value in values:
        line = line_of[value[0]]
        if titled and value not in titled and not any(
                line is other or _one_over_the_other(words, line, other)
                for other in titled_lines):
            for i in value:
                labels[i] = OUTSIDE
    return labels


def title_in_a_slogan(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A title or department the model found in a line of prose is a slogan's word: the
    rest of the line is words in lower case ("Quality you can trust"), or the words before
    it on its line, which a title never follows, are outside and one is in lower case
    ("Wir bauen Ihre Zukunft", "Ihr Partner für Recht und Steuern")."""
    labels = list(labels)
    for line in reading_order_lines(words):
        titles = [p for p, i in enumerate(line)
                  if entity_of(labels[i]) in ("POSITION", "DEPARTMENT")]
        if not titles:
            continue
        rest = [words[i].text for i in line if labels[i] == OUTSIDE]
        prose = [text for text in rest if _prose_word(text)]
        before = [line[p] for p in range(titles[0])]
        if (len(prose) >= MIN_SLOGAN_WORDS and len(prose) == len(rest) and any(
                len(text) >= MIN_PROSE_WORD for text in prose)) or (
                before and all(labels[i] == OUTSIDE for i in before)
                and any(_prose_word(words[i].text) for i in before)):
            for p in titles:
                labels[line[p]] = OUTSIDE
    return labels


def title_goes_on_in_its_line(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A title that stops at a word that leaves it unfinished ("Fachanwältin für",
    "Sachverständiger für") goes on to the end of its line ("Familienrecht",
    "Immobilienbewertung"), whatever the model read there, unless that holds a contact,
    the address or the name."""
    labels = list(labels)
    for line in reading_order_lines(words):
        for position, i in enumerate(line[:-2]):
            rest = line[position + 2:]
            if (entity_of(labels[i]) == "POSITION" and labels[line[position + 1]] == OUTSIDE
                    and lexicon.token(words[line[position + 1]].text) in TITLE_OPEN_ENDS
                    and not any(entity_of(labels[j]) in CONTACT_ENTITIES | {"ADDRESS", "NAME"}
                                for j in rest)):
                for j in [line[position + 1], *rest]:
                    labels[j] = "I-POSITION"
                break
    return labels


def title_in_two_languages(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A title or department printed in two languages (or two titles) on one line, the
    parts set apart by a slash or a bar ("Projektleiterin / Project Manager", "Diensthoofd
    / Chef de service", "Verkställande direktör | CEO"), is one value: where one part is
    the title (or department) and each other part is too or reads as one, the marks join
    them."""
    labels = list(labels)
    for line in reading_order_lines(words):
        # A slash may be glued to the end of the first language ("Ingenieur/ Ingénieur").
        parts = _split_at(words, line, TWO_LANGUAGE_MARKS, glued_end="/")
        if len(parts) < 2 or not all(parts):
            continue
        entities = [{entity_of(labels[i]) for i in part} for part in parts]
        for entity, reads_as in (("POSITION", _reads_as_title),
                                 ("DEPARTMENT", lexicon.reads_as_department)):
            # A part read as another field may still read as this one ("Logistikchef |"
            # read as a department, "| Cardiologist" as a name).
            if any(found == {entity} for found in entities) and all(
                    found == {entity} or (found <= TITLE_LIKE and reads_as(
                        " ".join(words[i].text for i in part)))
                    for found, part in zip(entities, parts, strict=True)):
                _label_value(labels, line, entity)
    return labels


def _split_at(words: Sequence[Word], line: list[int], marks: frozenset[str], *,
              glued_start: str = "", glued_end: str = "",
              full_stops: bool = False) -> list[list[int]]:
    """``line``'s words in parts between the words that are ``marks`` (the marks left
    out), before a word that starts with one of ``glued_start``'s characters, after one that
    ends with one of ``glued_end``'s, and with ``full_stops`` after a word ending a sentence
    ("Sprzedaży."); a part may be empty ("a | | b")."""
    parts: list[list[int]] = [[]]
    for i in line:
        text = words[i].text
        if text in marks:
            parts.append([])
            continue
        if len(text) > 1 and text[0] in glued_start:
            parts.append([])
        parts[-1].append(i)
        if (len(text) > 1 and text[-1] in glued_end) or (
                full_stops and text.endswith(".") and len(text) > lexicon.MIN_SENTENCE_WORD):
            parts.append([])
    return parts


TWO_LANGUAGE_MARKS = frozenset({"/", "|"})
TITLE_LIKE = frozenset({None, "POSITION", "DEPARTMENT", "NAME"})


def _reads_as_title(text: str) -> bool:
    return lexicon.has_title_word(text) and not lexicon.reads_as_department(text)


def title_over_two_lines(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A long title or department wrapped onto the line right under it in the same type
    size goes on there: that line starts in lower case ("Menadžer za razvoj poslovanja" /
    "i odnose sa ključnim klijentima"), or the title's line ends in a comma, a word that links
    ("Regional Sales Manager," / "Northern Europe & Baltics") or a slash or bar before its
    other language ("Logistikchef |" / "Head of Logistics"); the next line holds no
    contact, name or address. A line read as a department that ends in such a word, right
    over the title, is the title's start ("Rahvusvahelise müügi ja" / "kliendisuhete
    osakonna juhataja")."""
    labels = list(labels)
    for above, below in pairwise(reading_order_lines(words)):
        last, first = above[-1], below[0]
        if not right_under(words, above, below):
            continue
        ratio = word_height(words[first]) / max(word_height(words[last]), 1.0)
        link_end = words[last].text.endswith(",") or \
            lexicon.token(words[last].text) in TITLE_OPEN_ENDS
        # A slash or bar at the end: the title goes on in another language ("Catedrática
        # de Derecho Mercantil /" / "Professor of Commercial Law").
        open_end = link_end or words[last].text.endswith("/") or words[last].text == "|"
        if (entity_of(labels[last]) == "DEPARTMENT" and link_end
                and entity_of(labels[first]) == "POSITION"
                and all(entity_of(labels[i]) == "DEPARTMENT" for i in above)):
            _label_value(labels, above + [i for i in below
                                          if entity_of(labels[i]) == "POSITION"], "POSITION")
            continue
        marked_end = open_end and not link_end
        if (marked_end and all(labels[i] == OUTSIDE for i in above)
                and all(entity_of(labels[i]) == "POSITION" for i in below)
                and lexicon.has_title_word(" ".join(words[i].text for i in above))):
            _label_value(labels, above + below, "POSITION")  # "Управляющий партнёр |"
            continue
        opens = _prose_word(words[first].text) or open_end
        # The linking word itself may have been left outside ("Affärsområdeschef för"),
        # and a word before a slash ("Mercantil /").
        tail = list(itertools.takewhile(lambda i: labels[i] == OUTSIDE, reversed(above)))
        link_outside = open_end and 0 < len(tail) <= MAX_LINK_WORDS and len(tail) < len(above)
        entity = entity_of(labels[above[-1 - len(tail)]] if link_outside else labels[last])
        if (entity in ("POSITION", "DEPARTMENT") and (labels[last] != OUTSIDE or link_outside)
                and opens and NAME_SIZE_RATIO[0] <= ratio <= NAME_SIZE_RATIO[1] and not any(
                    entity_of(labels[i]) in CONTACT_ENTITIES | {"NAME", "ADDRESS", "COMPANY"}
                    for i in below)):
            for i in [*tail, *below] if link_outside else below:
                labels[i] = f"I-{entity}"
    return labels


def title_ends_with_its_line(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A title the model ran on into the line under it, where its own line does not end in a
    word that links it on, ends there when that line is something else: a department
    ("Business Coach" / "Customer Success"), a company with its legal form ("ELECTRICISTA" /
    "Reformas Atlas S. de R.L. de C.V."), or a slogan ("Мастер" / "Ремонт под ключ")."""
    labels = list(labels)
    for above, below in pairwise(reading_order_lines(words)):
        last, first = above[-1], below[0]
        if (entity_of(labels[last]) != "POSITION" or labels[first] != "I-POSITION"
                or any(entity_of(labels[i]) != "POSITION" for i in below)
                or words[last].text.endswith((",", "/", "-", "&"))
                or lexicon.token(words[last].text) in TITLE_GOES_ON | TITLE_OPEN_ENDS
                or _prose_word(words[first].text)):
            continue
        texts = [words[i].text for i in below]
        text = " ".join(texts)
        if lexicon.reads_as_department(text):
            _label_value(labels, below, "DEPARTMENT")
        elif _ends_in_legal_form([lexicon.token(t) for t in texts]):
            _label_value(labels, below, "COMPANY")
        elif (sum(map(_prose_word, texts)) >= MIN_SLOGAN_WORDS - 1 and len(texts) > 2
              and not lexicon.has_title_word(text)):
            for i in below:
                labels[i] = OUTSIDE
    return labels


def title_without_credentials(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """Degrees and credentials the model read as the start of the title ("AIA, LEED AP" /
    "CTO", "Dipl.-Designerin Grafikdesigner") are no part of it."""
    labels = list(labels)
    order = reading_order(words)
    for position, i in enumerate(order):
        if labels[i] != "B-POSITION":
            continue
        value = [i, *itertools.takewhile(lambda j: labels[j] == "I-POSITION",
                                         order[position + 1:])]
        credentials = list(itertools.takewhile(
            lambda j: lexicon.is_credential(words[j].text) or words[j].text in ",·|", value))
        if 0 < len(credentials) < len(value):
            for j in credentials:
                labels[j] = OUTSIDE
            labels[value[len(credentials)]] = "B-POSITION"
    return labels


def _prose_word(text: str) -> bool:
    return text[:1].islower() and text.isalpha()


def _one_over_the_other(words: Sequence[Word], line: list[int], other: list[int]) -> bool:
    """Whether one of two lines is printed right under the other."""
    above, below = sorted((line, other), key=lambda ids: min(words[i].box[1] for i in ids))
    return right_under(words, above, below)


def department_apart_from_title(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A title and a department printed on one line, apart by a mark ("Head of Marketing
    -IT Department", "Ufficio Acquisti | Consulente", "Marketing, Ingeniero") or after a
    one-word title ("Kundenberater Abteilung Einkauf"), are two values, whichever of the
    two the line was labelled: the part that reads as a department is the department,
    the other the title. A title that heads the department after it is one title."""
    labels = list(labels)
    for line in reading_order_lines(words):
        for run in _title_runs(words, labels, line):
            parts = _parts_at_marks(words, run)
            if len(parts) == 1 and lexicon.heads_a_department([words[i].text for i in run]):
                _label_value(labels, run, "POSITION")
                continue
            if len(parts) == 1 and len(run) > 1 and _department_after_title(words, run):
                parts = [run[:1], run[1:]]
            if len(parts) != 2:
                continue
            texts = [" ".join(words[i].text for i in part) for part in parts]
            is_department = [lexicon.reads_as_department(text) for text in texts]
            if is_department[0] == is_department[1]:
                continue
            if is_department == [False, True] and texts[0].endswith(",") and \
                    _bare_rank(texts[0]) and not lexicon.names_a_department(texts[1].split()):
                # "Director, Client Services": what a rank is over, not a department; after
                # a title of its own it is ("Jefe de Proyecto, Atención al Cliente").
                _label_value(labels, run, "POSITION")
                continue
            for i in run:
                labels[i] = OUTSIDE
            for part, department in zip(parts, is_department, strict=True):
                _label_value(labels, part, "DEPARTMENT" if department else "POSITION")
    return labels


def _bare_rank(title: str) -> bool:
    """Whether a title is a rank alone, over nothing it names ("Director,", "Senior Vice
    President,")."""
    return all(lexicon.token(word).strip(",") in RANK_WORDS for word in title.split())


def _department_after_title(words: Sequence[Word], run: list[int]) -> bool:
    """Whether a one-word title starts ``run`` with a department after it and no mark
    between: "Kundenberater Abteilung Einkauf" (a department word starts the rest),
    "Innkjøpsansvarlig Innkjøp" (the title is a compound of the department)."""
    title = lexicon.token(words[run[0]].text)
    rest = [lexicon.token(words[i].text) for i in run[1:]]
    return lexicon.has_title_word(title) and (
        rest[0] in lexicon.DEPARTMENT_WORDS
        or (len(rest) == 1 and len(rest[0]) >= MIN_DOMAIN_NAME and title.startswith(rest[0])
            and title != rest[0]))


def _title_runs(words: Sequence[Word], labels: Sequence[str], line: list[int]
                ) -> list[list[int]]:
    """Runs of title and department words on a line, with the marks and connectors
    between them."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in line:
        if entity_of(labels[i]) in ("POSITION", "DEPARTMENT") or (current and (
                words[i].text in TITLE_MARKS or words[i].text.lower() in TITLE_CONNECTORS)):
            current.append(i)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    return [run for run in runs if run]


def _parts_at_marks(words: Sequence[Word], run: list[int]) -> list[list[int]]:
    """``run`` cut at marks: a mark word of its own, or one glued to a word's end
    ("Accountant-", "Sprzedaży.") or start ("-Accounts"); empty parts dropped."""
    parts = _split_at(words, run, TITLE_MARKS, glued_start=GLUED_TITLE_MARKS,
                      glued_end=GLUED_TITLE_MARKS, full_stops=True)
    return [part for part in parts if part]


def title_and_department_lines(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """The card's two title-or-department lines, one a job title and the other a
    department ("Verkoopadviseur" / "Marketing", "Konsulent" / "Indkøb"), are the title
    and the department, whichever labels (one value over both lines, two departments) they
    had; a title that goes on into the next line ("Head of Sales and" / "Marketing") stays
    one."""
    labels = list(labels)
    lines = [[i for i in line if entity_of(labels[i]) in ("POSITION", "DEPARTMENT")]
             for line in reading_order_lines(words)]
    lines = [line for line in lines if line]
    if len(lines) != 2 or lexicon.token(words[lines[0][-1]].text) in TITLE_GOES_ON:
        return labels
    texts = [" ".join(words[i].text for i in line) for line in lines]
    is_title = [lexicon.has_title_word(t) and not lexicon.reads_as_department(t)
                for t in texts]
    is_department = [lexicon.reads_as_department(t) for t in texts]
    if is_title[0] == is_title[1] or is_department != [not title for title in is_title]:
        return labels
    for line, title in zip(lines, is_title, strict=True):
        _label_value(labels, line, "POSITION" if title else "DEPARTMENT")
    return labels


def department_opens_line(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line that opens with a word only departments have ("Faculty of Health Sciences",
    "Seksjon for arealplan", "Dipartimento di Ingegneria Civile", "Referat 32 –
    Wasserwirtschaft"), or with one departments share with titles and a linking word ("Klinik
    für Innere Medizin", "Service des routes"), is a department whole, where it holds no
    title word, contact, name, address or legal form; so is one that closes with a word only
    departments have ("Juridisk Afdeling", "Кардіологічне відділення"), or that the model
    read as a department up to such a word it shares ("International Relations Office")."""
    labels = list(labels)
    for line in reading_order_lines(words):
        texts = [words[i].text for i in line]
        closing = lexicon.token(lexicon.with_marks(texts[-1])).rstrip(".")
        closes = len(line) > 1 and (closing in lexicon.DEPARTMENT_WORDS or (
            closing in lexicon.WEAK_DEPARTMENT_WORDS
            and entity_of(labels[line[0]]) == "DEPARTMENT"))
        if not (_opens_as_department(texts) or closes) \
                or lexicon.has_word(texts, lexicon.LEGAL_FORMS) \
                or len(line) > MAX_COMPANY_WORDS or lexicon.has_title_word(" ".join(texts)) \
                or any(entity_of(labels[i]) in CONTACT_ENTITIES | {"NAME", "ADDRESS"}
                       for i in line):
            continue
        _label_value(labels, line, "DEPARTMENT")
    return labels


def _opens_as_department(texts: list[str]) -> bool:
    """Whether words open with a word only departments have, or with one departments share
    with titles and a linking word after it ("Klinik für", "Setor de")."""
    opening = lexicon.token(texts[0]).rstrip(".")
    linked = len(texts) > 2 and lexicon.token(texts[1]) in TITLE_OPEN_ENDS
    return opening in lexicon.DEPARTMENT_WORDS or (
        opening in lexicon.WEAK_DEPARTMENT_WORDS and linked)


def services_line_outside(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line of three or more short items set apart by marks ("Strategie · Finanzen ·
    Personal", "Web · Apps · Cloud") lists what a firm does: no department, title, name or
    address, unless every item is a title ("Advocaat | Partner | Notaris") or one is a name
    of two words or more, or the line holds a number, a contact or a legal form."""
    labels = list(labels)
    for line in reading_order_lines(words):
        items = _split_at(words, line, LIST_MARKS)
        texts = [words[i].text for i in line]
        if len(items) < MIN_LIST_ITEMS or not all(0 < len(item) <= MAX_LIST_ITEM_WORDS
                                                  for item in items) \
                or patterns.digit_count(" ".join(texts)) \
                or lexicon.has_word(texts, lexicon.LEGAL_FORMS) \
                or all(lexicon.has_title_word(" ".join(words[i].text for i in item))
                       for item in items) \
                or any(len(item) > 1 and all(entity_of(labels[i]) == "NAME" for i in item)
                       for item in items) \
                or any(entity_of(labels[i]) in CONTACT_ENTITIES for i in line):
            continue
        for i in line:
            labels[i] = OUTSIDE
    return labels


def institution_over_its_department(words: Sequence[Word], labels: Sequence[str]
                                    ) -> list[str]:
    """On a card with no company and two departments, the one printed over the name is the
    institution the other belongs to ("Secretaría de Economía" over "Mónica de la Cruz",
    "Subdirección General de Tributos" under her): the company."""
    labels = list(labels)
    lines = reading_order_lines(words)
    departments = _values(lines, labels, "DEPARTMENT")
    name = [i for i, label in enumerate(labels) if entity_of(label) == "NAME"]
    if any(entity_of(label) == "COMPANY" for label in labels) or len(departments) != 2 \
            or not name:
        return labels
    top = min(words[i].box[1] for i in name)
    first, second = departments
    if max(words[i].box[3] for i in first) <= top < min(words[i].box[1] for i in second):
        _label_value(labels, first, "COMPANY")
    return labels


MIN_LIST_ITEMS = 3
MAX_LIST_ITEM_WORDS = 4  # "Web & mobile apps"


def department_line(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """On a card with no department, a line labelled as the title, the name or the company
    that reads as a department ("Tietohallinto" under "Talousjohtaja", "Inköp") is the
    department when that field has words on another line too (the title a line above, the
    name elsewhere); the line a title goes on into ("Head of Sales and" / "Marketing")
    stays the title."""
    labels = list(labels)
    if any(entity_of(label) == "DEPARTMENT" for label in labels):
        return labels
    lines = reading_order_lines(words)
    for n, line in enumerate(lines):
        entities = {entity_of(labels[i]) for i in line}
        if len(entities) != 1 or not entities <= {"POSITION", "NAME", "COMPANY"}:
            continue
        entity = entities.pop()
        elsewhere = any(entity_of(labels[i]) == entity for other in lines if other is not line
                        for i in other)
        text = " ".join(words[i].text for i in line)
        title_goes_on = n > 0 and lexicon.token(words[lines[n - 1][-1]].text) in TITLE_GOES_ON
        if (elsewhere or entity == "POSITION") and not title_goes_on \
                and lexicon.reads_as_department(text):
            for k, i in enumerate(line):
                labels[i] = f"{'B' if k == 0 else 'I'}-DEPARTMENT"
            return labels
    return labels


def title_and_department_swapped(words: Sequence[Word], labels: Sequence[str]
                                 ) -> list[str]:
    """A "department" with a job title's word ("Assistenz der Geschäftsleitung") and a
    "title" that reads as a department ("Marketing") trade labels; a "department" that is
    the card's only title-like line and has a title's word ("Kundenberater") is the
    title."""
    labels = list(labels)
    values: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        entity = entity_of(label)
        if label.startswith("B-") and entity in ("POSITION", "DEPARTMENT"):
            if entity in values:
                return labels  # two titles or two departments: no pair to swap
            values[entity] = value_words(words, labels, i)
    if list(values) == ["DEPARTMENT"]:  # a lone "department" that is a title
        department = " ".join(words[i].text for i in values["DEPARTMENT"])
        if lexicon.has_title_word(department) and not lexicon.reads_as_department(department):
            _label_value(labels, values["DEPARTMENT"], "POSITION")
        return labels
    if len(values) != 2:
        return labels
    title = " ".join(words[i].text for i in values["POSITION"])
    department = " ".join(words[i].text for i in values["DEPARTMENT"])
    if lexicon.has_title_word(department) and not lexicon.has_title_word(title) \
            and lexicon.reads_as_department(title):
        _label_value(labels, values["POSITION"], "DEPARTMENT")
        _label_value(labels, values["DEPARTMENT"], "POSITION")
    return labels


def name_over_two_lines(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A name of a single word completes itself with the line right above or below it in
    the same type size when that line reads like the rest of a name ("Ditte" over
    "Kristensen", the company's label on one of them notwithstanding): a person's full
    name has two words at least."""
    labels = list(labels)
    name_words = [i for i, label in enumerate(labels) if entity_of(label) == "NAME"]
    if len(name_words) != 1:
        return labels
    lines = reading_order_lines(words)
    at = next(n for n, line in enumerate(lines) if name_words[0] in line)
    if len(lines[at]) != 1:
        return labels
    _join_name_line(words, labels, lines, at, (at + 1, at - 1), name_words[0])
    return labels


def title_after_name(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """Words the model read on into the name that read as a job title or a department are
    that field: a line under the name, or its start ("Vice President" under "Prof.
    Chaitaly Iyengar", "Zahnärztin · Implantologie" under "Dr. med. dent. Branka Riehl"),
    or the end of the name's line before the title ("Фаина Максимова Бухгалтерия, Менеджер
    проектов"; two words of the name at least stay)."""
    labels = list(labels)
    lines = reading_order_lines(words)
    for above, line in pairwise(lines):
        if entity_of(labels[line[0]]) != "NAME" or entity_of(labels[above[-1]]) != "NAME":
            continue
        named = list(itertools.takewhile(lambda i: entity_of(labels[i]) == "NAME", line))
        _relabel_as_title(words, labels, named)
    for line in lines:
        for before, after in pairwise(line):
            if entity_of(labels[before]) != "NAME" or entity_of(labels[after]) != "POSITION":
                continue
            name_run = value_words(words, labels, before)
            for start in range(MIN_NAME_WORDS, len(name_run)):
                entity = _relabel_as_title(words, labels, name_run[start:])
                if entity == "POSITION":
                    labels[after] = "I-POSITION"
                if entity is not None:
                    break
    return labels


def russian_name_lines(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A Russian name printed over lines is told by its patronymic: its words are a first
    name and a surname, with a patronymic when there are three. A line of its own under
    a name already whole is the title ("Олимпий" / "Никифоров" / "Бактериолог"; "Шашков Ян
    Всеволодович" / "Пулемётчик"). A first name and patronymic alone take the one word on
    the line right above or below as the surname, whatever the model took it for
    ("Горбачев" / "Пров Брониславович")."""
    labels = list(labels)
    name = [i for i, label in enumerate(labels) if entity_of(label) == "NAME"]
    if not name or not all(lexicon.CYRILLIC.search(words[i].text) for i in name):
        return labels
    lines = reading_order_lines(words)
    name_lines = [n for n, line in enumerate(lines) if any(i in name for i in line)]
    patronymics = [i for i in name if PATRONYMIC.search(words[i].text.lower().rstrip(","))]
    last = lines[name_lines[-1]]
    before = [i for i in name if i not in last]
    whole = len(before) >= (MIN_NAME_WORDS + 1 if set(patronymics) & set(before)
                            else MIN_NAME_WORDS)
    if len(name_lines) > 1 and whole and not set(patronymics) & set(last) \
            and all(entity_of(labels[i]) == "NAME" for i in last):
        text = " ".join(words[i].text for i in last)
        _label_value(labels, last,
                     "DEPARTMENT" if lexicon.reads_as_department(text) else "POSITION")
    elif patronymics and len(name) == MIN_NAME_WORDS and len(name_lines) == 1:
        at = name_lines[0]
        _join_name_line(words, labels, lines, at, (at - 1, at + 1), name[0], most_words=1)
    return labels


def name_beside_title(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A card with no name, whose title line starts in larger type ("Дарья Ширяева
    Специалист по подбору персонала"), has its name there: the larger words that read as
    a name are the name, the rest the title."""
    labels = list(labels)
    if any(entity_of(label) == "NAME" for label in labels):
        return labels
    for line in reading_order_lines(words):
        if any(entity_of(labels[i]) != "POSITION" for i in line):
            continue
        for split in range(MIN_NAME_WORDS, min(MAX_NAME_WORDS, len(line) - 1) + 1):
            name, title = line[:split], line[split:]
            texts = [words[i].text for i in name]
            if max(word_height(words[i]) for i in name) < NAME_OVER_TITLE_SIZE * max(
                    word_height(words[i]) for i in title):
                continue
            if all(NAME_WORD.match(t) and t[0].isupper() for t in texts) and not \
                    lexicon.has_word(texts, lexicon.NOT_IN_A_NAME):
                _label_value(labels, name, "NAME")
                if _relabel_as_title(words, labels, title) is None:
                    _label_value(labels, title, "POSITION")
            break
    return labels


def name_in_mailbox(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """On a card with no name, a line labelled company, title, department or nothing that
    the e-mail address spells as a person's name ("ESPEN ANTONSEN" for espen.antonsen@,
    e.antonsen@ or eantonsen@; "Lic. María Luisa Caro" for marialuisa_caro@; "Πολύμνια
    Αλεξανδρίδου" for alexandridou@), or the web address does
    (www.espenantonsen.com, a person's own site), is the name, unless a word of it is a
    company's ("Keith Consulting" for keithconsulting.com)."""
    labels = list(labels)
    if any(entity_of(label) == "NAME" for label in labels):
        return labels
    mailboxes = [re.sub(r"[^a-z._-]", "", mailbox) for mailbox in _mailboxes(words, labels)]
    sites = _card_domains(words, labels, entities=("WEBSITE",))
    for segment in segments(words):
        entities = {entity_of(labels[i]) for i in segment.word_ids}
        if len(entities) != 1 or not entities <= NAME_OR_NOTHING or not (
                2 <= len(segment.words) <= MAX_NAME_WORDS) or any(
                lexicon.token(w.text) in lexicon.NOT_IN_A_NAME or patterns.digit_count(w.text)
                or w.text in ("&", "+") for w in segment.words):  # "Clavero & Expósito"
            continue
        printed = [w.text for w in segment.words
                   if lexicon.token(w.text) not in lexicon.HONORIFICS]
        spellings = [[re.sub(r"[^a-z]", "", lexicon.fold(spell(text))) for text in printed]
                     for spell in (str, lexicon.transliterated)]
        if printed and any(
                any(_spells_name(mailbox, names, first_alone=True) for mailbox in mailboxes)
                or any(_spells_name(site, names, first_alone=False) for site in sites)
                for names in spellings):
            _label_value(labels, segment.word_ids, "NAME")
            break
    return labels


def name_as_its_mailbox(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line of two or three capitalised words that the e-mail address spells as first and
    last name set apart ("David Lane" for david.lane@), or a social handle as both run
    together ("Bryan Assunção" for in/bryanassuncao), read as something else than the
    company (an address for its "Lane", a title), is the name where the name the model
    found spells no mailbox (a monogram "HS", the company's brand)."""
    labels = list(labels)
    named = [i for i, label in enumerate(labels) if entity_of(label) == "NAME"]
    mailboxes = [mailbox for mailbox in _mailboxes(words, labels)
                 if re.fullmatch(r"[a-z]+[._-][a-z]+", mailbox)]
    handles = [match.group(1).lower() for w in words
               if (match := SOCIAL_HANDLE.search(w.text)) and "@" not in w.text[1:]]
    if not named or not (mailboxes or handles):
        return labels
    found = [re.sub(r"[^a-z]", "", lexicon.fold(words[i].text)) for i in named
             if lexicon.token(words[i].text) not in lexicon.HONORIFICS]
    if found and any(_spells_name(mailbox, found, first_alone=True)
                     for mailbox in mailboxes + handles):
        return labels
    for line in reading_order_lines(words):
        texts = [words[i].text for i in line]
        if not MIN_NAME_WORDS <= len(line) <= MAX_NAME_WORDS - 1 or any(
                entity_of(labels[i]) in CONTACT_ENTITIES | {"COMPANY"}
                or not NAME_WORD.match(text)
                or not text[0].isupper() for i, text in zip(line, texts, strict=True)):
            continue
        first, last = (lexicon.fold(texts[0]), lexicon.fold(texts[-1]))
        if any(re.split(r"[._-]", mailbox) == [first, last] for mailbox in mailboxes) or any(
                re.sub(r"[._-]", "", handle) == first + last for handle in handles):
            for i in named:
                labels[i] = OUTSIDE
            _label_value(labels, line, "NAME")
            return labels
    return labels


def name_after_honorific(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """On a card with no name (none but a degree or a lower-case word found as one), a line
    of honorifics and one to four capitalised words, perhaps a degree after them ("Dr.
    med. dent. Ian Mälzer", "Dipl.-Kffr. Ellinor Tschentscher", "Mag. Eva Huber, MBA"),
    read as the company or as nothing, is the name; what was found is not."""
    labels = list(labels)
    if any(entity_of(label) == "NAME" and words[i].text[:1].isupper()
           and len(words[i].text) > 1 and lexicon.token(words[i].text) not in lexicon.HONORIFICS
           for i, label in enumerate(labels)):
        return labels
    for line in reading_order_lines(words):
        tokens = [lexicon.token(words[i].text) for i in line]
        titles = list(itertools.takewhile(lexicon.HONORIFICS.__contains__, tokens))
        rest = [words[i].text for i in line[len(titles):]
                if lexicon.token(words[i].text) not in lexicon.HONORIFICS]
        if (titles and 1 <= len(rest) <= MAX_NAME_WORDS
                and all(NAME_WORD.match(text.rstrip(",")) and text[0].isupper()
                        for text in rest)
                and not lexicon.has_word(rest, lexicon.NOT_IN_A_NAME)
                and all(entity_of(labels[i]) in (None, "COMPANY") for i in line)):
            for i, label in enumerate(labels):
                if entity_of(label) == "NAME":
                    labels[i] = OUTSIDE
            _label_value(labels, line, "NAME")
            return labels
    return labels


def _spells_name(mailbox: str, names: list[str], *, first_alone: bool) -> bool:
    """Whether a mailbox is made of a person's first and last name, whole or as initial,
    of all their names ("marialuisa_caro"), or, where ``first_alone``, of the first or
    last name alone ("che@", "naef@"; a web domain that is one word of a line is the
    company's)."""
    first, last = names[0], names[-1]
    if len(first) < 2 or len(last) < 2:
        return False
    plain = re.sub(r"[._-]", "", mailbox)
    return plain in {first + last, first[0] + last, first + last[0], last + first,
                     last + first[0], "".join(names)} or (
        first_alone and plain in (first, last) and len(plain) >= MIN_FIRST_NAME_MAILBOX)


def _join_name_line(words: Sequence[Word], labels: list[str], lines: list[list[int]],
                    at: int, others: tuple[int, int], name_word: int, *,
                    most_words: int = MIN_NAME_WORDS) -> None:
    """Label line ``at`` and the first of ``others`` (line numbers, tried in order) that
    completes its name, right above or below it, as one name."""
    for other in others:
        if not 0 <= other < len(lines) or len(lines[other]) > most_words:
            continue
        above, below = sorted((at, other))
        if right_under(words, lines[above], lines[below]) and _completes_name(
                words, lines[other], name_word):
            _label_value(labels, lines[above] + lines[below], "NAME")
            return


def _label_value(labels: list[str], ids: list[int], entity: str) -> None:
    """Label the words ``ids`` as one value of ``entity``: B- first, I- after."""
    for n, i in enumerate(ids):
        labels[i] = f"{'B' if n == 0 else 'I'}-{entity}"


def _relabel_as_title(words: Sequence[Word], labels: list[str], ids: list[int]) -> str | None:
    """Label ``ids`` as a job title or a department if their text reads as one; which."""
    text = " ".join(words[i].text for i in ids)
    first = words[ids[0]].text
    entity = ("POSITION" if lexicon.has_title_word(first) else
              "DEPARTMENT" if lexicon.reads_as_department(text) else None)
    if entity is not None:
        _label_value(labels, ids, entity)
    return entity


def _completes_name(words: Sequence[Word], line: list[int], name_word: int) -> bool:
    texts = [words[i].text for i in line]
    ratio = word_height(words[line[0]]) / max(word_height(words[name_word]), 1.0)
    return (len(texts) <= 2 and NAME_SIZE_RATIO[0] <= ratio <= NAME_SIZE_RATIO[1]
            and all(NAME_WORD.match(t) and t[0].isupper() for t in texts)
            and not lexicon.has_word(texts, lexicon.NOT_IN_A_NAME))


def country_line_in_address(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A country named right after the address ("Liechtenstein" on the next line, "...
    69002 Lyon – France") ends the address, whatever the word was labelled."""
    labels = list(labels)
    previous = OUTSIDE
    for line in reading_order_lines(words):
        for position, i in enumerate(line):
            if labels[i] != "I-ADDRESS" and entity_of(previous) == "ADDRESS" \
                    and _names_a_country(words, line[position:]):
                for j in line[position:]:
                    labels[j] = "I-ADDRESS"
            previous = labels[i]
    return labels


def address_tail(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A postcode the model left outside (all or part of it) right after the address, on
    the line under it or after a separator ("IL 58516", "UB375UW", "SA, 2921",
    "9364Wolkersdorf"), ends the address; so does a town after a separator that follows
    the postcode on its line ("1469 IS | Bovenkarspel", "753 20 Uppsala", "Cork T12
    R2NC")."""
    labels = list(labels)
    lines = reading_order_lines(words)
    for previous, segment in pairwise(segments(words)):
        outside = [labels[i] == OUTSIDE for i in segment.word_ids]
        if entity_of(labels[previous.word_ids[-1]]) != "ADDRESS" or not any(outside) or any(
                not out and entity_of(labels[i]) != "ADDRESS"
                for i, out in zip(segment.word_ids, outside, strict=True)):
            continue
        text = " ".join(w.text for w in segment.words)
        if any(lexicon.is_small_print_label(w.text) for w in segment.words):
            continue  # "Amtsgericht München HRB 382662" is no postcode line
        same_line = segment.line_no == previous.line_no
        if not (same_line or (segment.line_no == previous.line_no + 1 and right_under(
                words, lines[previous.line_no], lines[segment.line_no]))):
            continue
        town_after_postcode = same_line and TOWN.match(text) and lexicon.POSTCODE.search(
            " ".join(w.text for w in previous.words[-2:]))
        if len(segment.words) <= POSTCODE_LINE_WORDS and (
                town_after_postcode or postcode_line(text)):
            for i in segment.word_ids:
                labels[i] = "I-ADDRESS"
    for line in lines:  # the same at the end of the address's own line ("753 20 Uppsala")
        ends = [p for p, i in enumerate(line) if entity_of(labels[i]) == "ADDRESS"]
        if not ends or ends[-1] == len(line) - 1:
            continue
        rest = line[ends[-1] + 1:]
        text = " ".join(words[i].text for i in rest)
        address_end = " ".join(words[i].text for i in line[max(0, ends[-1] - 1):ends[-1] + 1])
        if len(rest) <= POSTCODE_LINE_WORDS and all(labels[i] == OUTSIDE for i in rest) and (
                postcode_line(text) or (TOWN.match(text)
                                        and lexicon.POSTCODE.search(address_end))):
            for i in rest:
                labels[i] = "I-ADDRESS"
    return labels


def address_ends_before_prose(words: Sequence[Word], labels: Sequence[str],
                              regions: Sequence[str] = ()) -> list[str]:
    """After its postcode, an address goes on only with a state, a province or a country,
    and after its house number with a town: a line with no digit that reads as prose
    ("Building tomorrow, today", "Zuverlässig. Schnell. Regional."), after the postcode or
    last after a house number ("Надежность, проверенная временем"), is a slogan the model
    ran into it; so are the address's words of such a line ("до успіху" of "Разом до
    успіху")."""
    labels = list(labels)
    address_lines = [line for line in reading_order_lines(words)
                     if any(entity_of(labels[i]) == "ADDRESS" for i in line)]
    texts = [" ".join(words[i].text for i in line) for line in address_lines]
    postcodes = [lexicon.POSTCODE.search(text) for text in texts]
    # Lines of the postcode and the town after it, and lines the postcode ends.
    towns = [bool(match and re.search(r"[^\W\d_]{2}", text[match.end():]))
             for match, text in zip(postcodes, texts, strict=True)]
    ending = POSTCODE_ENDS.get(regions[0]) if regions else None
    last = [bool(ending and ending.search(text.rstrip(" ,."))) for text in texts]
    for n, line in enumerate(address_lines[1:], start=1):
        after_postcode = any(postcodes[:n])
        last_after_number = n == len(address_lines) - 1 and patterns.digit_count(texts[n - 1])
        tail = [i for i in line if entity_of(labels[i]) == "ADDRESS"]
        building = lexicon.token(words[line[0]].text) in lexicon.BUILDING_WORDS and len(
            line) > 1 and words[line[1]].text.lstrip("«\"„“")[:1].isupper()  # "БЦ «Северная»"
        # Where a line of the postcode and the town after it ends the address, or the
        # postcode itself ("Chicago, IL 60606", "Leeds LS1 4DY"), only a country may
        # follow ("Kompetenz", "Luotettava", "Private Banking" are taglines).
        town_ends = bool(regions) and ((regions[0] in POSTCODE_TOWN_ENDS and any(towns[:n]))
                                       or any(last[:n]))
        if not (after_postcode or last_after_number) or building \
                or patterns.digit_count(texts[n]) or any(
                labels[i] != OUTSIDE for i in line if i not in tail) or not (
                town_ends or _prose([words[i].text for i in tail])) \
                or _names_a_country(words, line):
            continue
        for i in tail:
            labels[i] = OUTSIDE
    return labels


def address_apart_from_taglines(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """The first or last line of an address, with no digit, is a list of services set apart
    by marks ("Karayolu · Denizyolu · Havayolu", "Private Banking | Asset Management") or,
    opening the address (or being all of it), a slogan ("Hoitoa lähellä sinua", "Software
    der virker") the model ran into it, unless it names a street, a building, a town after
    its marker or a country."""
    labels = list(labels)
    lines = reading_order_lines(words)
    blocks: list[list[list[int]]] = []
    for line in lines:
        if not any(entity_of(labels[i]) == "ADDRESS" for i in line):
            continue
        if blocks and right_under(words, blocks[-1][-1], line):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    for block in blocks:
        edges = [(block[0], block[1:], True), (block[-1], block[:-1], False)]
        for line, rest, opening in edges[:1] if len(block) == 1 else edges:
            texts = [words[i].text for i in line]
            tokens = [lexicon.token(text) for text in texts]
            marks = sum(text in LIST_MARKS for text in texts)
            if (patterns.digit_count(" ".join(texts))
                    or (rest and not patterns.digit_count(
                        " ".join(words[i].text for other in rest for i in other)))
                    or any(entity_of(labels[i]) not in (None, "ADDRESS") for i in line)
                    or any(t in lexicon.STREET_WORDS or t in lexicon.BUILDING_WORDS
                           or t in TOWN_MARKERS for t in tokens)
                    or _names_a_country(words, line)
                    or not ((marks and len(line) > marks + 1) or (opening and _prose(texts)))):
                continue
            for i in line:
                labels[i] = OUTSIDE
            if rest and opening and entity_of(labels[rest[0][0]]) == "ADDRESS":
                labels[rest[0][0]] = "B-ADDRESS"
    return labels


# Marks between the items of a list of services, as OCR reads them.
LIST_MARKS = frozenset({"·", "•", "|", "I"})


def _prose(texts: list[str]) -> bool:
    """Words that read as a sentence, not a place's name: a word in lower case (short
    particles such as "de" and abbreviations such as "ул." aside), or two sentences."""
    # After an elided article the noun tells: "l'Ambiente" is a name, "l'ambiente" prose.
    nouns = [re.split("['’]", t)[-1] for t in texts]
    lower = [t for t in nouns if t[:1].islower() and len(t.strip(",;")) >= MIN_PROSE_WORD
             and not t.endswith(".")]
    sentences = [t for t in texts if t.endswith((".", "!"))
                 and len(t) >= lexicon.MIN_SENTENCE_WORD]
    return bool(lower) or len(sentences) >= 2


def street_read_as_name(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line that starts with a house number is the address's, not a name the model read
    in it ("093 Michael Cliff"): no name starts with a number."""
    labels = list(labels)
    for line in reading_order_lines(words):
        if entity_of(labels[line[0]]) == "NAME" and words[line[0]].text.isdigit() \
                and len(line) > 1:
            _label_value(labels, line, "ADDRESS")
    return labels


def address_icons_outside(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A map pin or other icon OCR read as a letter is no part of the address: a line of
    one letter, or one letter set apart before the address's words ("D South
    Michelleshire") or before a street's word ("P Av. Rio Branco"), but for a town's
    marker ("г Москва")."""
    labels = list(labels)
    for line in reading_order_lines(words):
        first = words[line[0]].text
        if entity_of(labels[line[0]]) != "ADDRESS" or len(first) != 1 or not first.isalpha():
            continue
        if len(line) == 1:
            labels[line[0]] = OUTSIDE
        elif entity_of(labels[line[1]]) == "ADDRESS" and first not in COMPASS_LETTERS and \
                not _town_after_marker(words, line) and (
                    lexicon.token(words[line[1]].text) in lexicon.STREET_WORDS
                    or _logo_before(words[line[0]], words[line[1]], initials=True)):
            labels[line[0]], labels[line[1]] = OUTSIDE, labels[line[0]]
    return labels


def street_line_in_address(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line that starts with a street word and has a number ("Soseaua Florentina Barbu
    Nr. 84 Bl. 85 Sc. 17 Ap. 456"), part of which the model gave to the address, is the
    address whole: the rest is no company and no stray number."""
    labels = list(labels)
    for line in reading_order_lines(words):
        entities = {entity_of(labels[i]) for i in line}
        text = " ".join(words[i].text for i in line)
        if ("ADDRESS" in entities and not entities & (CONTACT_ENTITIES | {"NAME"})
                and lexicon.token(words[line[0]].text) in lexicon.STREET_WORDS
                and patterns.digit_count(text)):
            _label_value(labels, line, "ADDRESS")
    return labels


def street_line_before_postcode(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A street and house number ("Björkgatan 82", "Dzirnavu iela 143", "Miletičova 33")
    right over a postcode-and-town line ("411 19 Göteborg") is the address's first line,
    and the postcode line its second, whatever the model read in them: a street named for
    a person is read as a name, and many languages print no street word."""
    labels = list(labels)
    lines = reading_order_lines(words)
    for before, street, town in zip([[], *lines], lines, lines[1:], strict=False):
        street_text = " ".join(words[i].text for i in street)
        town_text = " ".join(words[i].text for i in town)
        if (not STREET_AND_NUMBER.match(street_text) or lexicon.FOUNDED.search(street_text)
                or lexicon.opening_hours_start(street_text) is not None  # "Open daily 10-10"
                or all(entity_of(labels[i]) == "ADDRESS" for i in street + town)
                or any(entity_of(labels[i]) in CONTACT_ENTITIES for i in street + town)
                or len(town) > TOWN_LINE_WORDS or not postcode_line(town_text)
                or not (any(entity_of(labels[i]) == "ADDRESS" for i in town)
                        or POSTCODE_AND_TOWN.match(town_text))
                or not right_under(words, street, town)):
            continue
        _label_value(labels, street + town, "ADDRESS")
        if before and entity_of(labels[before[-1]]) == "ADDRESS" and right_under(
                words, before, street):
            labels[street[0]] = "I-ADDRESS"
    return labels


def address_gap_filled(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A word or two the model left outside between two of the address's words are the
    address's, unless they are a contact's label: on one line ("Mannerheiminbulevardi
    159, FI-01510 Vantaa", "Tour E, 6e étage"), or at the end of an address line and the
    start of the line right under it that goes on with the address ("Søndergade 150, 3.
    tv." / "1620 København V", "Na Příkopě 196" / "budova A, 7. patro")."""
    labels = list(labels)
    lines = reading_order_lines(words)
    runs = [*lines, *(above + below for above, below in pairwise(lines)
                      if right_under(words, above, below))]
    for run in runs:
        in_address = [p for p, i in enumerate(run) if entity_of(labels[i]) == "ADDRESS"]
        for start, end in pairwise(in_address):
            gap = run[start + 1:end]
            if 0 < len(gap) <= MAX_ADDRESS_GAP and all(
                    labels[i] == OUTSIDE and not _label_word(words[i].text) for i in gap):
                for i in gap:
                    labels[i] = "I-ADDRESS"
    return labels


def town_in_address(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A town after its marker ("г. Ростов-на-Дону", "м. Одеса") right before or after
    the address in reading order is the address's, whatever the model read it as: a
    Russian town's name is no title or company, and the marker is no label."""
    labels = list(labels)
    order = [i for line in reading_order_lines(words) for i in line]
    for position, marker in enumerate(order):
        if words[marker].text.lower() not in TOWN_MARKERS:
            continue
        town = list(itertools.takewhile(lambda i: TOWN_WORD.match(words[i].text),
                                        order[position + 1:position + 1 + MAX_TOWN_WORDS]))
        for end, i in enumerate(town, start=1):
            if words[i].text.endswith((",", ".")):
                town = town[:end]
                break
        if not town or any(entity_of(labels[i]) in CONTACT_ENTITIES for i in town):
            continue
        before = order[position - 1] if position else None
        after = order[position + 1 + len(town)] if position + 1 + len(town) < len(order) \
            else None
        joins_before = before is not None and entity_of(labels[before]) == "ADDRESS"
        if not joins_before and (after is None or entity_of(labels[after]) != "ADDRESS"):
            continue
        labels[marker] = "I-ADDRESS" if joins_before else "B-ADDRESS"
        for i in town:
            labels[i] = "I-ADDRESS"
        if not joins_before:
            labels[after] = "I-ADDRESS"  # type: ignore[index]
    return labels


def _town_after_marker(words: Sequence[Word], line: list[int]) -> bool:
    """Whether a line opens with a town's marker and the town ("г. Москва", "г Москва")."""
    return len(line) > 1 and words[line[0]].text.lower() in TOWN_MARKERS and bool(
        TOWN_WORD.match(words[line[1]].text))


def building_opens_address(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line that names a building ("Cathedral Buildings", "Technologiepark, Haus B",
    "Gebäude C, 3. OG", "Bank Chambers"), right over the address and left outside (all or
    in part), opens the address, unless it names a company ("Pennine Building Society", a
    legal form); a
    line left outside right under the address that opens with a building's word ("БЦ
    «Северная башня»") closes it."""
    labels = list(labels)
    for above, below in pairwise(reading_order_lines(words)):
        opening = lexicon.token(words[below[0]].text)
        if entity_of(labels[above[-1]]) == "ADDRESS" and all(
                labels[i] == OUTSIDE for i in below) and right_under(words, above, below) \
                and opening in lexicon.BUILDING_WORDS and len(below) <= MAX_BUILDING_WORDS \
                and _names_a_building([words[i].text for i in below]):
            for i in below:
                labels[i] = "I-ADDRESS"
            continue
        texts = [words[i].text for i in above]
        tokens = [lexicon.token(text) for text in texts]
        if entity_of(labels[below[0]]) != "ADDRESS" \
                or any(labels[i] != OUTSIDE and entity_of(labels[i]) != "ADDRESS"
                       for i in above) \
                or not right_under(words, above, below) or len(above) > MAX_BUILDING_WORDS \
                or not any(t in lexicon.BUILDING_WORDS or t.endswith(lexicon.BUILDING_SUFFIXES)
                           for t in tokens) \
                or (lexicon.has_word(texts, lexicon.COMPANY_WORDS | lexicon.LEGAL_FORMS)
                    and tokens[-1] not in lexicon.BUILDING_WORDS) \
                or not _names_a_building(texts):
            continue
        _label_value(labels, above + below[:1], "ADDRESS")
    return labels


def _names_a_building(texts: list[str]) -> bool:
    """Whether a line with a building's word names one ("Tower B, 4th floor"), not a
    slogan that opens with the word ("Building stronger communities since 1887"); a name in
    quotes may be in lower case ("БЦ «Северная башня»")."""
    text = " ".join(texts)
    unquoted = list(itertools.takewhile(lambda t: not t.startswith(OPENING_QUOTES), texts))
    return not _prose(unquoted) or (bool(patterns.digit_count(text))
                                    and not lexicon.FOUNDED.search(text))


def address_line_between(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A line printed between two lines of the address, right under the one and right over
    the other, is the address's too ("34 Raffles Place" / "#18-07 Ocean Financial Centre" /
    "Singapore 711164"), unless it holds a contact, a name or opening hours."""
    labels = list(labels)
    lines = reading_order_lines(words)
    for above, middle, below in zip(lines, lines[1:], lines[2:], strict=False):
        if (entity_of(labels[above[-1]]) == "ADDRESS" and entity_of(labels[below[0]]) == "ADDRESS"
                and not any(entity_of(labels[i]) in CONTACT_ENTITIES | {"NAME", "ADDRESS"}
                            for i in middle)
                and not any(lexicon.is_small_print_label(words[i].text) for i in middle)
                and lexicon.opening_hours_start(" ".join(words[i].text for i in middle)) is None
                and right_under(words, above, middle) and right_under(words, middle, below)):
            for i in [*middle, below[0]]:
                labels[i] = "I-ADDRESS"
    return labels


def address_head(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A house-number prefix, a Russian or Ukrainian street's or town's abbreviation or a
    country the model left outside right before the address on its line ("H.No. 636,
    Murthy Nagar", "Flat 91, ...", "вул. Хрещатик, 27", "Россия, 630099, г. Новосибирск")
    starts the address."""
    labels = list(labels)
    for line in reading_order_lines(words):
        for prefix, first in pairwise(line):
            if labels[prefix] == OUTSIDE and entity_of(labels[first]) == "ADDRESS" and (
                    lexicon.token(words[prefix].text) in lexicon.HOUSE_NUMBER_PREFIXES
                    or words[prefix].text.lower() in lexicon.RU_SETTLEMENTS
                    or _names_a_country(words, [prefix])):
                labels[prefix], labels[first] = "B-ADDRESS", "I-ADDRESS"
    return labels


def postcode_line(text: str) -> bool:
    """Whether ``text`` is a postcode with perhaps a state or town beside it, and nothing
    of a contact or a year of founding ("Since 1987")."""
    return (bool(lexicon.POSTCODE.search(text) or lexicon.GLUED_POSTCODE.search(text))
            and not lexicon.FOUNDED.search(text)
            and patterns.digit_count(text) < MIN_PHONE_DIGITS + 2
            and not any(mark in text for mark in ("@", "www", "/", "+")))


def state_after_address(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A state's letters after a slash or dash that follows the address on its line
    ("70876-398 Camargo / MS", "Recife - PE"), or after a comma at the end of the line
    ("Vieja Bélgica, SLP"), end the address, whatever they were labelled."""
    labels = list(labels)
    for line in reading_order_lines(words):
        for before, mark, state in zip(line, line[1:], line[2:], strict=False):
            if (entity_of(labels[before]) == "ADDRESS" and words[mark].text in ("/", "-", "–")
                    and STATE_CODE.match(words[state].text)
                    and entity_of(labels[mark]) is None
                    and entity_of(labels[state]) in (None, "ADDRESS")):
                labels[mark] = labels[state] = "I-ADDRESS"
        before, state = line[-2:] if len(line) > 1 else (None, None)
        if (before is not None and entity_of(labels[before]) == "ADDRESS"
                and words[before].text.endswith(",") and STATE_CODE.match(words[state].text)
                and entity_of(labels[state]) not in CONTACT_ENTITIES):
            labels[state] = "I-ADDRESS"
    return labels


def extension_outside(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """An extension after a phone number ("+1 845-553-4118 ext. 84390") is no field of its
    own (phones are stored as E.164, without it), whatever its words were labelled."""
    labels = list(labels)
    for line in reading_order_lines(words):
        for before, mark, after in zip(line, line[1:], line[2:], strict=False):
            if (entity_of(labels[before]) in NUMBER_ENTITIES
                    and lexicon.token(words[mark].text).rstrip(".:") in EXTENSION_LABELS
                    and patterns.digit_count(words[after].text)):
                labels[mark] = labels[after] = OUTSIDE
    return labels


def postcode_after_its_label(words: Sequence[Word], labels: Sequence[str]) -> list[str]:
    """A postcode behind its label ("CEP 50113-496", "C.P. 97184") is part of the address,
    however many digits it has ("Cep" is also Turkish for a mobile: its numbers are
    longer). It joins the address before it on its line, or starts one."""
    labels = list(labels)
    for line in reading_order_lines(words):
        for position, i in enumerate(line[:-1]):
            number = line[position + 1]
            if lexicon.token(words[i].text) not in lexicon.POSTCODE_LABELS or \
                    not lexicon.LABELLED_POSTCODE.fullmatch(words[number].text):
                continue
            before = line[position - 1] if position else None
            if before is not None and entity_of(labels[before]) == "ADDRESS":
                labels[i] = labels[number] = "I-ADDRESS"
            else:
                _label_value(labels, [i, number], "ADDRESS")
            after = line[position + 2] if position + 2 < len(line) else None
            if after is not None and entity_of(labels[after]) == "ADDRESS":
                labels[after] = "I-ADDRESS"
    return labels


def house_number_in_address(words: Sequence[Word], labels: Sequence[str],
                            regions: list[str]) -> list[str]:
    """A "phone" that is part of the address beside it on its line: one with fewer digits
    than any phone number ("302 Amelia Loaf"), or, right before the address, a number that
    is no valid phone ("2743-072 Rio Tinto", a postcode) or a house number with its comma
    ("Cihlářova 45, 346 47 Chýnov": the street before it is address too), or right after
    the address a postcode or a Czech house number that is no valid phone ("Constanța
    900088", "Vinohradská 1741/159"). A short "phone"
    elsewhere is left out. (A lone number the model left outside before an address is not
    joined: it is as often a map pin icon OCR read as "9".)"""
    labels = list(labels)
    for line in reading_order_lines(words):
        runs: list[list[int]] = []  # positions on the line of each number's words
        for position, i in enumerate(line):
            if entity_of(labels[i]) not in NUMBER_ENTITIES:
                continue
            if labels[i].startswith("I-") and runs and runs[-1][-1] == position - 1:
                runs[-1].append(position)
            else:
                runs.append([position])
        for positions in runs:
            run = [line[p] for p in positions]
            text = " ".join(words[i].text for i in run)
            after = line[positions[-1] + 1] if positions[-1] + 1 < len(line) else None
            before = line[positions[0] - 1] if positions[0] else None
            if any(j is not None and entity_of(labels[j]) in NUMBER_ENTITIES
                   for j in (before, after)):
                continue  # a number OCR split, read as two
            address_before = before is not None and entity_of(labels[before]) == "ADDRESS"
            address_after = after is not None and entity_of(labels[after]) == "ADDRESS"
            house_number = address_after and any(
                words[i].text.endswith(",") for i in run[:-1])
            postcode_after = address_before and len(run) == 1 and bool(
                lexicon.POSTCODE.fullmatch(text.rstrip(",")) or HOUSE_NUMBER_WITH_SLASH.fullmatch(
                    text))
            if patterns.digit_count(text) >= MIN_PHONE_DIGITS and not (
                    (address_after and house_number)
                    or ((address_after or postcode_after)
                        and not patterns.is_valid_phone(text, regions))):
                continue
            if address_before:
                new = ["I-ADDRESS"] * len(run)
            elif address_after:
                street = line[:positions[0]] if house_number and all(
                    entity_of(labels[i]) not in CONTACT_ENTITIES for i in line[:positions[0]]
                ) else []
                labels[after] = "I-ADDRESS"
                new = ["B-ADDRESS"] + ["I-ADDRESS"] * (len(street) + len(run) - 1)
                run = street + run
            else:
                new = [OUTSIDE] * len(run)
            for i, label in zip(run, new, strict=True):
                labels[i] = label
    return labels


def _names_a_country(words: Sequence[Word], ids: list[int]) -> bool:
    text = " ".join(words[i].text for i in ids)
    return re.sub(r"^[\s\-–—,]+|[\s.,]+$", "", text).lower() in COUNTRY_NAMES



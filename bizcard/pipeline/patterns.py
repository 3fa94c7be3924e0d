"""Patterns for values that are certain when they match: e-mails, web addresses, phones.

Shared by the rule classifier (to find them) and the validator (to clean them), so both
agree on what an e-mail or a phone number looks like.
"""

from __future__ import annotations

import re

import phonenumbers

from bizcard.pipeline.lexicon import DIGIT_LOOKALIKES, is_social_host

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", re.UNICODE)
# Also an address OCR split at its "@", or whose last letter it lost ("ana@verogon.f"):
# the validator mends those from the card's web address.
EMAIL_ACROSS_WORDS = re.compile(r"[\w.+'-]+ ?@ ?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]+", re.UNICODE)
# Top-level domains a web address printed without "www." or a scheme is told by.
KNOWN_TLDS = frozenset("""
    com org net io ai co biz info eu de fr es it nl br ru uk cn at ch be pt us ca au pl se dk
    no fi ie lu jp in mx ar cl nz za cz sk hu ro bg gr tr li ee lv lt si hr rs ua by kz il ae
    sg hk tw kr is pe uy ve ec app dev tech online store shop site studio design agency
    digital cloud media group company solutions consulting systems xyz me tv global world
    network works team pro law legal health finance capital partners services software ltd
    gmbh berlin london paris рф su mt cy ma tn eg ng ke ph my id th vn pk sa qa am ge az md mk
    al ba mobi asia edu gov art blog news live life club email cat eus swiss wien bayern nrw
    amsterdam brussels vlaanderen quebec nyc рус бел укр""".split())
# Longest first, so that an alternation or a prefix test takes "com" before "co".
KNOWN_TLDS_LONGEST_FIRST = tuple(sorted(KNOWN_TLDS, key=len, reverse=True))
URL = re.compile(
    r"(?:(?:https?://)?(?:www\.)[\w-]+(?:\.[\w-]+)*\.[a-zA-Zа-я]{2,}|"
    r"https?://[\w-]+(?:\.[\w-]+)*\.[a-zA-Zа-я]{2,}|"
    r"[\w-]+(?:\.[\w-]+)*\.(?:" + "|".join(KNOWN_TLDS_LONGEST_FIRST)
    + r")\b)(?::\d+)?(?:/[^\s]*)?",
    re.IGNORECASE,
)


def has_known_tld(host: str) -> bool:
    """Whether ``host`` ends in a top-level domain of KNOWN_TLDS ("x.it", not "x.jt")."""
    return host.rsplit(".", 1)[-1].lower() in KNOWN_TLDS


# A run of digits with the punctuation phone numbers are printed with.
# OCR reads the brackets around an area code as square ones: "+64 [3] 234 7078".
PHONE_CANDIDATE = re.compile(r"(?:\+|\b00)?[(\[]?\d[\d\s()\[\].\-/]{5,}\d")
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15

LOOKALIKE_RUN = re.compile(r"(?<=\d)[OoDQlI|iSBZ](?=[\d\s\-)])|(?<=[\d\s(+\-])[OoDQlI|iSBZ](?=\d)")


def repair_digits(text: str) -> str:
    """Swap letters that OCR confuses with digits, but only where digits surround them."""
    previous = None
    while previous != text:
        previous = text
        text = LOOKALIKE_RUN.sub(lambda m: m.group(0).translate(DIGIT_LOOKALIKES), text)
    return text


def digit_count(text: str) -> int:
    return sum(c.isdigit() for c in text)


def find_emails(text: str) -> list[tuple[int, int]]:
    """Spans of e-mail addresses, also where OCR split one at its "@" ("ana @x.pt")."""
    return [m.span() for m in EMAIL_ACROSS_WORDS.finditer(text)]


def find_websites(text: str) -> list[tuple[int, int]]:
    """Web addresses outside e-mail addresses and social-media profiles; a bare one-letter
    host ("S.Com.", a Spanish legal form) is none."""
    email_spans = find_emails(text)
    spans = []
    for match in URL.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in email_spans) or (start and text[start - 1] == "@"):
            continue
        if is_social_host(website_host(match.group(0))) or is_abbreviation(match.group(0)):
            continue  # a profile, or a legal form ("S.Com."), not the company's site
        spans.append((start, end))
    return spans


def is_abbreviation(url: str) -> bool:
    """Whether a "web address" is an abbreviation ("S.Com.", "H.No."): a one-letter host
    printed without a scheme or "www.", which no company's site is."""
    bare = url.strip().rstrip("/.").lower()
    return "/" not in bare and not bare.startswith("www.") and len(bare.split(".")[0]) == 1


def website_host(url: str) -> str:
    host = re.sub(r"^https?://", "", url.strip(), flags=re.IGNORECASE).split("/")[0]
    host = host.split(":")[0].lower()
    return host[4:] if host.startswith("www.") else host


def is_valid_phone(text: str, regions: list[str]) -> bool:
    """Whether ``text`` is a valid phone number in one of ``regions``."""
    number = parse_phone(text, regions)
    return number is not None and phonenumbers.is_valid_number(number)


# A contact label OCR glued after a number ("712.067.262/Email:"), and a lone last digit
# (an icon read as "0").
GLUED_LABEL_AFTER = re.compile(r"(?<=\d)\s*/\s*[^\W\d_]{2,}[.:]?\s*$")
STRAY_LAST_DIGIT = re.compile(r"\s+\d$")


def parse_phone(text: str, regions: list[str]) -> phonenumbers.PhoneNumber | None:
    """The best parse of a printed number: a valid one in any candidate region, else possible.
    A label OCR glued after it ("712.067.262/Email:") is no part of it, nor is a last lone
    digit (an icon read as "0") that makes a valid number invalid."""
    text = GLUED_LABEL_AFTER.sub("", text)
    number = _parse_phone(text, regions)
    stray = STRAY_LAST_DIGIT.search(text)
    if stray and (number is None or not phonenumbers.is_valid_number(number)):
        without = _parse_phone(text[:stray.start()], regions)
        if without is not None and phonenumbers.is_valid_number(without):
            return without
    return number


def _parse_phone(text: str, regions: list[str]) -> phonenumbers.PhoneNumber | None:
    candidate = repair_digits(text).replace("[", "(").replace("]", ")")
    candidate = re.sub(r"^[^\d+(]+", "", candidate)
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
    if not MIN_PHONE_DIGITS <= digit_count(candidate) <= MAX_PHONE_DIGITS:
        return None
    possible = None
    for region in regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
        if possible is None and phonenumbers.is_possible_number(number):
            possible = number
    return possible


def find_phones(text: str, regions: list[str] | None = None) -> list[tuple[int, int]]:
    """Spans of phone-number candidates (7 to 15 digits) in ``text``, after digit repair.
    With ``regions``, a run that is no valid number but valid numbers side by side, the
    separator between them lost ("+31 6 1765 7162 020-521 7022"), gives each of them.

    Repair never changes the length of the text, so spans index the original too.
    """
    repaired = repair_digits(text)
    spans = []
    for match in PHONE_CANDIDATE.finditer(repaired):
        start, end = match.span()
        # A valid run comes back whole; a valid number has 7 to 15 digits.
        parts = _valid_numbers(match.group(0), start, regions, MAX_NUMBERS_IN_A_RUN) \
            if regions else None
        if parts:
            spans += parts
        elif MIN_PHONE_DIGITS <= digit_count(match.group(0)) <= MAX_PHONE_DIGITS:
            spans.append((start, end))
    return spans


MAX_NUMBERS_IN_A_RUN = 3


def _valid_numbers(text: str, offset: int, regions: list[str],
                   most: int) -> list[tuple[int, int]] | None:
    """Spans of up to ``most`` valid numbers that make up ``text`` between spaces or
    slashes; None when it is not made of them."""
    if is_valid_phone(text, regions):
        return [(offset, offset + len(text))]
    if most == 1:
        return None
    for gap in re.finditer(r"\s*/\s*|\s+", text):
        left, right = text[:gap.start()], text[gap.end():]
        if digit_count(left) < MIN_PHONE_DIGITS or digit_count(right) < MIN_PHONE_DIGITS:
            continue
        if is_valid_phone(left, regions):
            rest = _valid_numbers(right, offset + gap.end(), regions, most - 1)
            if rest:
                return [(offset, offset + gap.start()), *rest]
    return None

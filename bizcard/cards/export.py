"""Contacts out of BizCard: vCard (3.0 or 4.0) for address books, CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterable

import phonenumbers
import vobject
from vobject.vcard import Address, Name

from bizcard.cards.models import Contact

VCARD_VERSIONS: tuple[str, ...] = ("3.0", "4.0")
PRODUCT_ID = "-//BizCard//BizCard//EN"
# A UID that stays the same across exports lets an address book update instead of duplicate.
CONTACT_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://bizcard.invalid/contacts/")

NAME_PREFIXES = frozenset(
    {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "rev", "herr",
     "frau", "mme", "mlle"}
)  # fmt: skip
NAME_SUFFIXES = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "msc", "bsc", "ma", "esq", "cpa"}
)
# Lower-case words that belong to the family name: "Ludwig van Beethoven".
FAMILY_NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "ter", "ten"}
)
E164 = re.compile(r"\+\d{4,15}")

CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("full_name", "Name"),
    ("position", "Position"),
    ("department", "Department"),
    ("company", "Company"),
    ("address", "Address"),
    ("emails", "Emails"),
    ("phones", "Phones"),
    ("fax", "Fax"),
    ("websites", "Websites"),
)
CSV_PHONE_COLUMNS = frozenset({"phones", "fax"})
CSV_LIST_SEPARATOR = "; "
# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PHONE_CELL = re.compile(r"[+\d][\d +()\-;]*")
UTF8_BOM = "\ufeff"


def contacts_vcard(contacts: Iterable[Contact], *, version: str = "3.0") -> str:
    """One VCARD per contact, CRLF line endings; encode the text as UTF-8."""
    if version not in VCARD_VERSIONS:
        raise ValueError(f"vCard version must be one of {', '.join(VCARD_VERSIONS)}.")
    return "".join(_vcard(contact, version=version).serialize() for contact in contacts)


def _vcard(contact: Contact, *, version: str) -> vobject.base.Component:
    v4 = version == "4.0"
    card = vobject.vCard()
    card.add("version").value = version
    card.add("prodid").value = PRODUCT_ID
    uid = uuid.uuid5(CONTACT_UID_NAMESPACE, str(contact.pk))
    card.add("uid").value = uid.urn if v4 else str(uid)
    card.add("fn").value = _display_name(contact)
    if contact.full_name or not v4:  # N is required in 3.0 only
        card.add("n").value = _name_split(contact.full_name)
    if not contact.full_name and contact.company:
        if v4:
            card.add("kind").value = "org"
        else:
            card.add("x-abshowas").value = "COMPANY"  # Apple Contacts: show as a company
    if contact.company or contact.department:
        card.add("org").value = (
            [contact.company, contact.department] if contact.department else [contact.company]
        )
    if contact.position:
        card.add("title").value = contact.position
    for email in contact.emails:
        line = card.add("email")
        line.value = email
        line.type_paramlist = ["work"] if v4 else ["INTERNET", "WORK"]
    for phone in contact.phones:
        _tel_add(card, phone, types=["work", "voice"], v4=v4)
    for fax in contact.fax:
        _tel_add(card, fax, types=["work", "fax"], v4=v4)
    for website in contact.websites:
        card.add("url").value = website
    if contact.address:
        # One free-text address: the street part of ADR is what every address book shows.
        line = card.add("adr")
        line.value = Address(street=contact.address)
        line.type_paramlist = ["work"] if v4 else ["WORK"]
    return card


def _tel_add(card: vobject.base.Component, number: str, *, types: list[str], v4: bool) -> None:
    line = card.add("tel")
    if v4 and E164.fullmatch(number):
        line.value = f"tel:{number}"
        line.params["VALUE"] = ["uri"]  # RFC 6350 prefers a tel: URI to free text
    else:
        line.value = number
    line.type_paramlist = types if v4 else [t.upper() for t in types]


def _display_name(contact: Contact) -> str:
    """FN is required: the name, else the company, else the first email or phone."""
    candidates = [contact.full_name, contact.company, *contact.emails, *contact.phones]
    return next((value for value in candidates if value), f"Contact {contact.pk}")


def _name_split(full_name: str) -> Name:
    """ "Dr. Avery J. Smith PhD" -> prefix Dr., given Avery, additional J., family Smith,
    suffix PhD; "Smith, Avery" -> family Smith, given Avery."""
    head, _, after_comma = full_name.partition(",")
    after_tokens = after_comma.replace(",", " ").split()
    tokens = head.split()
    family_first: list[str] | None = None
    suffixes: list[str] = []
    if after_tokens and all(_name_token_in(t, NAME_SUFFIXES) for t in after_tokens):
        suffixes = after_tokens
    elif after_tokens:
        family_first, tokens = tokens, after_tokens
    prefixes: list[str] = []
    while len(tokens) > 1 and _name_token_in(tokens[0], NAME_PREFIXES):
        prefixes.append(tokens.pop(0))
    while len(tokens) > 1 and _name_token_in(tokens[-1], NAME_SUFFIXES):
        suffixes.insert(0, tokens.pop())
    if family_first is not None:
        given, additional, family = tokens[:1], tokens[1:], family_first
    elif len(tokens) <= 1 and prefixes:  # "Mr. Smith"
        given, additional, family = [], [], tokens
    elif len(tokens) <= 1:
        given, additional, family = tokens, [], []
    else:
        split = len(tokens) - 1
        while split > 1 and tokens[split - 1] in FAMILY_NAME_PARTICLES:
            split -= 1
        given, additional, family = tokens[:1], tokens[1:split], tokens[split:]
    return Name(
        family=" ".join(family),
        given=" ".join(given),
        additional=" ".join(additional),
        prefix=" ".join(prefixes),
        suffix=" ".join(suffixes),
    )


def _name_token_in(token: str, words: frozenset[str]) -> bool:
    return token.replace(".", "").casefold() in words


def contacts_csv(contacts: Iterable[Contact]) -> str:
    """A header row, then one row per contact and one column per field; list fields joined
    with "; ". Starts with a byte order mark: Excel reads the file as UTF-8 only then."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _, label in CSV_COLUMNS])
    for contact in contacts:
        writer.writerow([_csv_cell(contact, name) for name, _ in CSV_COLUMNS])
    return UTF8_BOM + out.getvalue()


def _csv_cell(contact: Contact, name: str) -> str:
    value = getattr(contact, name)
    if name in CSV_PHONE_COLUMNS:
        text = CSV_LIST_SEPARATOR.join(_phone_readable(phone) for phone in value)
        if text and PHONE_CELL.fullmatch(text):
            # Spreadsheets read "+44…" as a formula or number; an unseen leading tab keeps it text.
            return "\t" + text
    else:
        text = CSV_LIST_SEPARATOR.join(value) if isinstance(value, list) else value
    if text.startswith(FORMULA_STARTS):
        return "'" + text  # shown as text, never run as a formula
    return text


def _phone_readable(phone: str) -> str:
    """ "+447911123456" -> "+44 7911 123456"; a number phonenumbers cannot read as is."""
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

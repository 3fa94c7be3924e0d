"""Clean and check raw field values; say how sure we are of each field.

Phones become E.164 (a well-formed number that phonenumbers cannot confirm is kept, with
lower confidence: it is printed on the card), e-mails are checked without DNS, web
addresses normalised, names and text fields tidied. Fax numbers stay apart from phones.
"""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from bizcard.pipeline import patterns
from bizcard.pipeline.assemble import RawValue
from bizcard.pipeline.schema import LIST_FIELDS, SINGLE_FIELDS, empty_fields

UNCONFIRMED_PHONE_FACTOR = 0.6  # a possible but not valid number: keep it, trust it less
SPACES = re.compile(r"\s+")
# A legal form OCR glued to the name before it: "MurilloS.L.", "ENGENHARIAS.A.", "LöwerAG".
# Dotted forms never end a word; bare ones only after a lower-case letter ("LöwerAG", not
# "BANG").
GLUED_LEGAL_FORM = re.compile(
    r"(?<=\w)(?=(?:S\.A\.|S\.L\.|B\.V\.|N\.V\.|S\.r\.l\.|S\.p\.A\.|S\.A\.S\.)(?!\S))"
    r"|(?<=[a-zß-ÿ])(?=(?:AG|GmbH|KG|KGaA|Ltd\.?|Inc\.?|LLC|SAS|SARL|Ltda\.?|Pty)(?!\S))"
)
EDGE_PUNCTUATION = " ,;:|·•-–—"


def validate(
    raw: dict[str, list[RawValue]], *, regions: list[str]
) -> tuple[dict, dict[str, float]]:
    """Return ``(fields, confidence)`` in the schema; confidence only for non-empty fields."""
    fields = empty_fields()
    confidence: dict[str, float] = {}
    for name in SINGLE_FIELDS:
        values = [v for v in raw.get(name, []) if _tidy(v.text)]
        if not values:
            continue
        if name == "address":
            text = ", ".join(_tidy(v.text) for v in values)
            score = sum(v.confidence for v in values) / len(values)
        else:
            best = max(values, key=lambda v: v.confidence)
            text, score = _tidy(best.text), best.confidence
        if name == "full_name":
            text, score = _check_name(text, score)
        if name == "company":
            text = GLUED_LEGAL_FORM.sub(" ", text)
        if text:
            fields[name] = text
            confidence[name] = round(score, 3)
    cleaners = {"emails": _clean_email, "websites": _clean_website}
    for name in LIST_FIELDS:
        cleaned: dict[str, float] = {}
        for value in raw.get(name, []):
            if name in ("phones", "fax"):
                result = _clean_phone(value.text, regions)
            else:
                result = cleaners[name](value.text)
            if result is None:
                continue
            text, factor = result
            cleaned[text] = max(cleaned.get(text, 0.0), value.confidence * factor)
        if cleaned:
            fields[name] = list(cleaned)
            confidence[name] = round(min(cleaned.values()), 3)
    # A number printed as fax is not also a phone.
    fields["phones"] = [p for p in fields["phones"] if p not in fields["fax"]]
    if not fields["phones"]:
        confidence.pop("phones", None)
    return fields, confidence


def clean_list_value(field: str, text: str, *, regions: list[str]) -> str | None:
    """One value of a list field written as the validator writes what it reads (E.164
    phones, lower-case e-mail domains, URLs with a scheme); None when ``text`` is not one."""
    if field in ("phones", "fax"):
        result = _clean_phone(text, regions)
    elif field == "emails":
        result = _clean_email(text)
    else:
        result = _clean_website(text)
    return result[0] if result else None


def _tidy(text: str) -> str:
    """Collapse spaces; OCR drops the space after a comma ("Barozzi,Saracino") or on one
    side of an ampersand ("Research& Development"): put it back."""
    text = re.sub(r",(?=[^\W\d_])", ", ", text)
    text = re.sub(r"(?<=\w)&(?=\s)|(?<=\s)&(?=\w)", " & ", text)
    return SPACES.sub(" ", text).strip(EDGE_PUNCTUATION)


def _check_name(text: str, score: float) -> tuple[str, float]:
    """A person's name has letters, no digits or @, and at most a handful of words."""
    if "@" in text or patterns.digit_count(text):
        return "", 0.0
    if len(text.split()) > 5:
        score *= 0.5
    return text, score


def _clean_email(text: str) -> tuple[str, float] | None:
    match = patterns.EMAIL.search(text.replace(" @ ", "@").replace(" ", ""))
    if not match:
        return None
    candidate = match.group(0).strip(".")
    try:
        checked = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        return None
    local, domain = checked.normalized.rsplit("@", 1)
    return f"{local}@{domain.lower()}", 1.0


# "www." as OCR misreads it: a w lost or doubled ("ww.", "wwww."), its dot read as "-" or
# dropped ("wwwcontoso.com"), or the whole prefix read twice ("www-www.").
_MISREAD_WWW = re.compile(r"^(?:w{2,4}[.\-])+|^www(?=[a-z0-9-]+\.[a-z])")


def _clean_website(text: str) -> tuple[str, float] | None:
    match = patterns.URL.search(text.strip())
    if not match:
        return None
    url = match.group(0).rstrip(".,;")
    scheme_match = re.match(r"^(https?)://", url, re.IGNORECASE)
    scheme = scheme_match.group(1).lower() if scheme_match else "https"
    rest = url[scheme_match.end():] if scheme_match else url
    host, _, path = rest.partition("/")
    host = _MISREAD_WWW.sub("www.", host.lower())
    if "." not in host:
        return None
    return f"{scheme}://{host}/{path}", 1.0


def _clean_phone(text: str, regions: list[str]) -> tuple[str, float] | None:
    number = patterns.parse_phone(text, regions)
    if number is None:
        return None
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    factor = 1.0 if phonenumbers.is_valid_number(number) else UNCONFIRMED_PHONE_FACTOR
    return formatted, factor

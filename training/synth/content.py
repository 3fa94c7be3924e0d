"""What a synthetic card says: fields per locale, and the printed lines that show them.

Each printed line is a list of spans; a span carries the token label entity it shows
(``"PHONE"``) or ``None`` for text that is no field (label prefixes, taglines, handles).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import phonenumbers
from faker import Faker

from bizcard.pipeline.lexicon import fold
from bizcard.pipeline.schema import empty_fields

LOCALES: tuple[str, ...] = (
    "en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR", "ru_RU",
)
RUSSIAN_SHARE = 0.125  # about one card in eight is Russian
REGIONS = {"en_US": "US", "en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES",
           "it_IT": "IT", "nl_NL": "NL", "pt_BR": "BR", "ru_RU": "RU"}
DOMAIN_SUFFIXES = {"US": "com", "GB": "co.uk", "DE": "de", "FR": "fr", "ES": "es", "IT": "it",
                   "NL": "nl", "BR": "com.br", "RU": "ru"}
PHONE_LABELS = {
    "en": ["Tel", "Tel.", "T", "Phone", "P"], "de": ["Tel.", "Telefon", "T"],
    "fr": ["Tél.", "Tél", "T"], "es": ["Tel.", "Teléfono", "T"], "it": ["Tel.", "Telefono"],
    "nl": ["Tel.", "Telefoon", "T"], "pt": ["Tel.", "Telefone", "T"], "ru": ["Тел.", "Тел", "T"],
}
MOBILE_LABELS = {
    "en": ["M", "Mobile", "Cell", "Mob."], "de": ["Mobil", "Handy", "M"],
    "fr": ["Mob.", "Portable", "M"], "es": ["Móvil", "M"], "it": ["Cell.", "Cellulare", "M"],
    "nl": ["Mob.", "Mobiel", "M"], "pt": ["Cel.", "Celular", "M"], "ru": ["Моб.", "Моб", "M"],
}
FAX_LABELS = {"ru": ["Факс", "Ф"], "default": ["Fax", "F", "Fax:"]}
EMAIL_LABELS = ["E", "E-mail", "Email", "Mail"]
WEB_LABELS = ["W", "Web", "www"]
DEPARTMENTS = {
    "en": ["Sales Department", "Marketing Department", "Research & Development",
           "Human Resources", "Finance Division", "IT Department"],
    "de": ["Abteilung Vertrieb", "Abteilung Einkauf", "Forschung und Entwicklung"],
    "fr": ["Département Marketing", "Service Commercial", "Direction Financière"],
    "es": ["Departamento de Ventas", "Departamento Comercial"],
    "it": ["Ufficio Acquisti", "Dipartimento Vendite"],
    "nl": ["Afdeling Verkoop", "Afdeling Inkoop"],
    "pt": ["Departamento Comercial", "Departamento Financeiro"],
    "ru": ["Отдел продаж", "Департамент маркетинга", "Отдел закупок"],
}
SOCIAL = ["linkedin.com/in/{handle}", "@{handle}", "twitter.com/{handle}"]


@dataclass
class Span:
    text: str
    entity: str | None  # the field's token entity, or None for text that is no field


@dataclass
class CardContent:
    locale: str
    fields: dict
    heading: list[list[Span]] = field(default_factory=list)  # name, position, department
    company: list[Span] = field(default_factory=list)
    tagline: list[Span] = field(default_factory=list)
    contact: list[list[Span]] = field(default_factory=list)  # phones, e-mail, web, social
    address: list[list[Span]] = field(default_factory=list)


def pick_locale(rng: random.Random, locales: tuple[str, ...]) -> str:
    if "ru_RU" in locales and rng.random() < RUSSIAN_SHARE:
        return "ru_RU"
    others = [loc for loc in locales if loc != "ru_RU"] or list(locales)
    return rng.choice(others)


def card_content(rng: random.Random, locale: str) -> CardContent:
    """Fields and printed lines for one card; ``fields`` is the ground truth in the schema."""
    fake = Faker(locale)
    fake.seed_instance(rng.randrange(2**32))
    region, language = REGIONS[locale], locale[:2]
    first, last = fake.first_name(), fake.last_name()
    name = f"{last} {first}" if language == "ru" and rng.random() < 0.4 else f"{first} {last}"
    if rng.random() < 0.1 and language != "ru":
        name = rng.choice(["Dr.", "Prof."]) + " " + name
    domain = _ascii(fake.last_name() + rng.choice(["", "-group", "tech", str(rng.randint(1, 99))]))
    domain = f"{domain or 'firma'}.{DOMAIN_SUFFIXES[region]}"
    local = _ascii(rng.choice([f"{first}.{last}", f"{first[0]}{last}", first])) or "info"
    fields = empty_fields()
    fields.update(
        full_name=name,
        position=_short(fake.job(), 42) if rng.random() < 0.9 else None,
        department=rng.choice(DEPARTMENTS[language]) if rng.random() < 0.25 else None,
        company=fake.company(),
        address=None,
        emails=[f"{local}@{domain}"],
    )
    content = CardContent(locale=locale, fields=fields)
    content.heading = [[Span(name, "NAME")]]
    if fields["position"]:
        content.heading.append([Span(fields["position"], "POSITION")])
    if fields["department"]:
        content.heading.append([Span(fields["department"], "DEPARTMENT")])
    content.company = [Span(fields["company"], "COMPANY")]
    if rng.random() < 0.3:
        content.tagline = [Span(_short(fake.catch_phrase(), 48), None)]
    for mobile in [True, False] if rng.random() < 0.6 else [rng.random() < 0.5]:
        shown, e164 = _phone(rng, region, mobile)
        fields["phones"].append(e164)
        labels = MOBILE_LABELS if mobile else PHONE_LABELS
        content.contact.append(_labelled(rng, rng.choice(labels[language]), shown, "PHONE"))
    if rng.random() < 0.3:
        shown, e164 = _phone(rng, region, False)
        fields["fax"].append(e164)
        label = rng.choice(FAX_LABELS.get(language, FAX_LABELS["default"]))
        content.contact.append(_labelled(rng, label, shown, "FAX"))
    content.contact.append(_labelled(rng, rng.choice(EMAIL_LABELS), fields["emails"][0], "EMAIL",
                                     bare=rng.random() < 0.4))
    if rng.random() < 0.75:
        web = rng.choice(["www.", "", "https://www."]) + domain
        fields["websites"].append(web if web.startswith("http") else f"https://{web}")
        content.contact.append(_labelled(rng, rng.choice(WEB_LABELS), web, "WEBSITE",
                                         bare=rng.random() < 0.5))
    if rng.random() < 0.15:
        handle = _ascii(f"{first}{last}").lower() or "card"
        content.contact.append([Span(rng.choice(SOCIAL).format(handle=handle), None)])
    address_lines = _address_lines(rng, fake.address())
    fields["address"] = ", ".join(address_lines)
    content.address = [[Span(line, "ADDRESS")] for line in address_lines]
    return content


def _labelled(rng: random.Random, label: str, value: str, entity: str, *, bare: bool = False
              ) -> list[Span]:
    if bare:
        return [Span(value, entity)]
    separator = rng.choice([": ", " ", ". "]) if not label.endswith((".", ":")) else " "
    return [Span(label + separator.rstrip(), None), Span(value, entity)]


def _phone(rng: random.Random, region: str, mobile: bool) -> tuple[str, str]:
    """A number phonenumbers considers valid for the region: as printed, and as E.164."""
    types = phonenumbers.PhoneNumberType
    kind = types.MOBILE if mobile else types.FIXED_LINE
    example = phonenumbers.example_number_for_type(region, kind)
    digits = str(example.national_number)
    number = example
    for _ in range(30):
        candidate = digits[:3] + "".join(str(rng.randint(0, 9)) for _ in digits[3:])
        parsed = phonenumbers.parse(f"+{example.country_code}{candidate}")
        if phonenumbers.is_valid_number(parsed):
            number = parsed
            break
    style = rng.choice([phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                        phonenumbers.PhoneNumberFormat.NATIONAL])
    shown = phonenumbers.format_number(number, style)
    return shown, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _address_lines(rng: random.Random, address: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[\n]", address) if p.strip()]
    if len(parts) == 1 and ", " in parts[0] and rng.random() < 0.5:
        head, tail = parts[0].split(", ", 1)
        parts = [head, tail]
    if len(parts) > 1 and rng.random() < 0.3:
        parts = [", ".join(parts)]
    return parts


def _ascii(text: str) -> str:
    """Letters fit for an e-mail address or a domain: "Jürgen Müller" -> "jurgenmuller"."""
    return re.sub(r"[^a-z0-9.-]", "", fold(text))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;(")

"""What one synthetic card says: a person, a company, contacts and distractors, per locale.

The content holds printed text only; layouts decide where it goes. ``CardContent.fields``
is the ground truth in the ROADMAP schema, and every non-empty value in it is printed.
"""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass, field

import phonenumbers
from faker import Faker
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bizcard.pipeline.lexicon import fold
from bizcard.pipeline.schema import empty_fields
from training.synth import vocabulary as vocab
from training.synth.vocabulary import LOCALES, REGIONAL_LOCALES, REGIONS

__all__ = ["LOCALES", "RUSSIAN_SHARE", "CardContent", "ContactItem", "card_content",
           "pick_locale"]

RUSSIAN_SHARE = 0.125  # about one card in eight is Russian when ru_RU is among the locales
REGIONAL_WEIGHT = 0.5  # any other locale (en_AU, pl_PL) is drawn half as often as a main one
DEPARTMENT_SHARE = 0.4
# Titles and departments printed in sentence case; German capitalises nouns, Russian titles
# are in sentence case already.
SENTENCE_CASE_SHARE = 0.3
SENTENCE_CASE_EXEMPT = frozenset({"de", "ru"})
TWO_LINE_NAME_SHARE = 0.15  # given name above family name, in big type
COUNTRY_SHARE = 0.18  # the address ends with the country
ENGLISH_COUNTRY_SHARE = 0.4  # "Germany" rather than "Deutschland"
PHONE_KINDS = ("office", "mobile")
SOCIAL_KINDS = ("linkedin", "twitter", "instagram", "telegram", "xing")
_DIGITS = "0123456789"
# Faker en_US sometimes gives military addresses ("PSC 1234, Box 5678 APO AE"); not on cards.
_MILITARY = re.compile(r"\b(APO|FPO|DPO|PSC|USNS|USNV|USS|USCGC|Unit \d+)\b")


@dataclass(frozen=True)
class ContactItem:
    """One printed contact: ``text`` as printed, ``value`` as the field holds it (E.164 ...)."""

    kind: str  # office | mobile | fax | email | website | one of SOCIAL_KINDS
    text: str
    entity: str | None  # PHONE, FAX, EMAIL, WEBSITE; None for distractors (social handles)
    value: str | None
    prefix: str = ""  # a printed label such as "Tel.:" (words labelled O); "" for none
    icon: bool = False  # a pictogram before the text: drawn, not a word


@dataclass
class CardContent:
    locale: str
    script: str  # "latin" or "cyrillic": which fonts can print it
    name_lines: list[str]
    position: str | None = None
    department: str | None = None
    company: str | None = None
    tagline: str | None = None
    address_lines: list[str] = field(default_factory=list)
    address_prefix: str = ""
    address_icon: bool = False
    contacts: list[ContactItem] = field(default_factory=list)
    legal: str | None = None  # registered office / tax numbers: small print, labelled O
    qr_payload: str | None = None
    monogram: str = ""  # initials a logo may show

    @property
    def full_name(self) -> str:
        return " ".join(self.name_lines)

    @property
    def fields(self) -> dict:
        """The ground truth in the ROADMAP schema; phones and fax as E.164."""
        fields = empty_fields()
        fields.update(full_name=self.full_name, position=self.position,
                      department=self.department, company=self.company,
                      address=", ".join(self.address_lines) or None)
        by_entity = {"PHONE": "phones", "FAX": "fax", "EMAIL": "emails", "WEBSITE": "websites"}
        for item in self.contacts:
            if item.entity in by_entity:
                fields[by_entity[item.entity]].append(item.value)
        return fields


def pick_locale(rng: random.Random, locales: tuple[str, ...],
                russian_share: float = RUSSIAN_SHARE) -> str:
    """A locale for the next card: Russian at ``russian_share``, the others by weight (any
    locale outside MAIN_LOCALES half as often as a main one)."""
    others = [code for code in locales if code != "ru_RU"]
    if "ru_RU" in locales and (not others or rng.random() < russian_share):
        return "ru_RU"
    weights = [REGIONAL_WEIGHT if code in REGIONAL_LOCALES else 1.0 for code in others]
    return rng.choices(others, weights=weights)[0]


# The Faker providers cards draw from; loading all of them makes a Faker several times
# slower to build, once per locale and worker.
_FAKER_PROVIDERS = ("faker.providers.person", "faker.providers.company",
                    "faker.providers.address", "faker.providers.job")


@functools.cache
def _faker(locale: str) -> Faker:
    # building one takes tens of ms: keep one per locale (a few dozen) and reseed it
    return Faker(vocab.FAKER_LOCALES.get(locale, locale), providers=list(_FAKER_PROVIDERS))


def card_content(rng: random.Random, locale: str) -> CardContent:
    """Everything one card prints, drawn from ``rng`` (the same rng state, the same card)."""
    if locale not in REGIONS:
        raise ValueError(f"Unknown locale {locale!r}; supported: {', '.join(LOCALES)}")
    fake = _faker(locale)
    fake.seed_instance(rng.getrandbits(64))
    language, region = locale[:2], REGIONS[locale]
    female = rng.random() < 0.45
    given, family = _person(fake, female)
    content = CardContent(locale=locale, script="cyrillic" if language == "ru" else "latin",
                          name_lines=_name_lines(rng, language, given, family, female))

    if rng.random() < 0.9:
        content.position = _cased(
            rng, _sentence_cased(rng, _position(rng, fake, locale), language), upper=0.08)
    if rng.random() < DEPARTMENT_SHARE:
        content.department = _sentence_cased(rng, rng.choice(vocab.DEPARTMENTS[language]),
                                             language)
    if rng.random() < 0.93:
        content.company = _company(rng, fake, locale)
    domain = _domain(rng, region, content.company, family)
    if rng.random() < 0.3:
        content.tagline = _tagline(rng, fake, locale)

    _add_address(rng, fake, content, locale)
    _add_contacts(rng, content, language, region, given, family, domain)
    if rng.random() < 0.14:
        content.legal = _legal_line(rng, fake, locale)
    if rng.random() < 0.16:
        content.qr_payload = _qr_payload(rng, content)
    words = (content.company or "").replace("«", "").split() or [given, family]
    content.monogram = "".join(w[0] for w in words[:2] if w[:1].isalpha()).upper()
    return content


def _person(fake: Faker, female: bool) -> tuple[str, str]:
    if female:
        return fake.first_name_female(), fake.last_name_female()
    return fake.first_name_male(), fake.last_name_male()


def _name_lines(rng: random.Random, language: str, given: str, family: str,
                female: bool) -> list[str]:
    """The name as printed: in the language's order, with an honorific before it or a
    degree after it now and then, sometimes in capitals or over two lines."""
    core = _name_order(rng, language, given, family, female)
    family_first = core[0] == family
    titles = vocab.ACADEMIC_TITLES[language]
    title = rng.choice(titles) if titles and rng.random() < 0.15 else ""
    if female:
        title = vocab.FEMALE_TITLES.get(language, {}).get(title, title)
    suffixes = vocab.NAME_SUFFIXES[language]
    suffix = rng.choice(suffixes) if rng.random() < 0.08 else ""
    if rng.random() < 0.1:
        core, title, suffix = [p.upper() for p in core], title.upper(), suffix.upper()
    # given name above family name; a family name printed first stays alone on top
    cut = 1 if family_first else len(core) - 1
    lines = [[title, *core[:cut]], core[cut:]]
    if suffix:
        lines[1][-1] += rng.choice([",", ",", ""])  # "Jan Novák, Ph.D."
        lines[1].append(suffix)
    texts = [" ".join(part for part in line if part) for line in lines]
    if rng.random() < TWO_LINE_NAME_SHARE:
        return texts
    return [" ".join(texts)]


def _name_order(rng: random.Random, language: str, given: str, family: str,
                female: bool) -> list[str]:
    """Given and family name (and a Russian patronymic) in the order the card prints them."""
    if language == "ru":
        fake = _faker("ru_RU")
        patronymic = fake.middle_name_female() if female else fake.middle_name_male()
        order = rng.random()
        if order < 0.45:
            return [family, given, patronymic]  # "Иванов Иван Иванович", the formal order
        return [given, patronymic, family] if order < 0.65 else [given, family]
    if language in vocab.FAMILY_FIRST and rng.random() < 0.85:
        return [family, given]  # "Nagy Zoltán"
    if language == "fr" and rng.random() < 0.3:
        family = family.upper()  # "Jean DUPONT"
    return [given, family]


# Faker's job() is in the locale's language here (it_IT and nl_NL give English ones).
_FAKER_JOB_LOCALES = frozenset({"en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "pt_BR", "ru_RU",
                                "en_AU", "en_CA", "en_IE", "en_NZ", "en_IN", "pl_PL", "sk_SK",
                                "hu_HU", "ro_RO", "da_DK", "fi_FI", "tr_TR", "es_AR", "es_CO",
                                "es_CL"})
# Faker's catch_phrase() is in the locale's language here (elsewhere it is English).
_FAKER_PHRASE_LOCALES = frozenset({"en_US", "en_GB", "en_AU", "en_CA", "en_IE", "en_NZ",
                                   "en_IN", "fr_FR", "fr_CH", "it_IT", "it_CH", "pt_BR",
                                   "ru_RU"})
# Faker's company() gives these locales foreign legal forms ("Gómez PLC", "Bahri LLC").
_FOREIGN_FAKER_COMPANY_LOCALES = frozenset({"es_AR", "es_CO", "fr_CA", "it_CH", "en_IN"})


def _position(rng: random.Random, fake: Faker, locale: str) -> str:
    """Mostly office titles; now and then a Faker profession ("Pilot", "Уролог")."""
    if locale in _FAKER_JOB_LOCALES and rng.random() < 0.25:
        job = fake.job()
        if len(job) <= 40 and not re.search(r"[,()/]", job):
            return job[:1].upper() + job[1:]
    return rng.choice(vocab.TITLES[locale[:2]])


def _sentence_cased(rng: random.Random, text: str, language: str) -> str:
    """Now and then a title or department as many cards print it, only its first word
    capitalised ("Recursos humanos", "Capo reparto"); acronyms stay ("Dział IT"). Not in
    German, which capitalises its nouns, nor in Russian, whose titles already are."""
    if language in SENTENCE_CASE_EXEMPT or rng.random() >= SENTENCE_CASE_SHARE:
        return text
    first, *rest = text.split(" ")
    return " ".join([first, *(w if w.isupper() and len(w) > 1 else w.lower() for w in rest)])


def _cased(rng: random.Random, text: str, *, upper: float) -> str:
    return text.upper() if rng.random() < upper else text


def _company(rng: random.Random, fake: Faker, locale: str) -> str:
    language = locale[:2]
    legal = rng.choice(vocab.LEGAL_FORMS[locale])
    industry = rng.choice(vocab.INDUSTRIES[language])
    style = rng.random()
    if language == "ru":
        name = f"{legal} «{industry}»" if style < 0.6 else fake.company()
    elif style < 0.4 and locale not in _FOREIGN_FAKER_COMPANY_LOCALES:
        name = fake.company()
    elif style < 0.65:  # also where Faker's company names do not fit the locale
        name = " ".join(filter(None, [fake.last_name(), industry, legal]))
    elif style < 0.8:
        name = " ".join(filter(None, [industry, fake.last_name(), legal]))
    elif style < 0.9:
        name = " ".join(filter(None, [f"{fake.last_name()} & {fake.last_name()}", legal]))
    else:
        letters = "".join(rng.choice("ABCDEFGHIKLMNPRSTVX") for _ in range(rng.randint(2, 4)))
        name = " ".join(filter(None, [letters, industry, legal]))
    return _cased(rng, name, upper=0.25)


# Letters that have no accent to strip: "Łukasz" -> "lukasz", "Søren" -> "soren".
_UNACCENTED = str.maketrans({"ł": "l", "ı": "i", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d",
                             "œ": "oe", "ð": "d", "þ": "th"})


def _slug(text: str, *, umlauts: bool = False) -> str:
    """ASCII letters and digits: "Müller" -> "muller" (or "mueller" with ``umlauts``)."""
    if umlauts:
        text = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return re.sub(r"[^a-z0-9]", "", fold(text).translate(_UNACCENTED))


def _domain(rng: random.Random, region: str, company: str | None, family: str) -> str:
    umlauts = region == "DE" and rng.random() < 0.5
    words = re.split(r"[\s,&«»\"'/()+-]+", company or "")
    core = [_slug(w, umlauts=umlauts) for w in words
            if re.sub(r"\W", "", w.lower()) not in vocab.LEGAL_WORDS]
    core = [w for w in core if w]
    if not core:
        core = [_slug(family, umlauts=umlauts) or "office", rng.choice(["office", "studio", ""])]
    joiner = "-" if rng.random() < 0.2 else ""
    name = joiner.join(w for w in core[: rng.choice([1, 2, 2])] if w)[:24].strip("-")
    return f"{name or 'firma'}.{rng.choice(vocab.DOMAIN_SUFFIXES[region])}"


def _tagline(rng: random.Random, fake: Faker, locale: str) -> str:
    if locale in _FAKER_PHRASE_LOCALES and rng.random() < 0.3:
        phrase = fake.catch_phrase()
        if len(phrase) <= 48:
            return phrase[:1].upper() + phrase[1:]
    return rng.choice(vocab.TAGLINES[locale[:2]])


def _add_address(rng: random.Random, fake: Faker, content: CardContent, locale: str) -> None:
    if rng.random() > 0.85:
        return
    builder = _ADDRESS_BUILDERS.get(locale, _faker_address)
    lines = builder(rng, fake)
    if len(lines) == 1 and ", " in lines[0] and rng.random() < 0.6:
        # a one-line Russian address is often printed over two lines; ", " joins them back
        parts = lines[0].split(", ")
        cut = max(1, len(parts) // 2)
        lines = [", ".join(parts[:cut]), ", ".join(parts[cut:])]
    if rng.random() < COUNTRY_SHARE:
        local, english = vocab.COUNTRY_NAMES[locale]
        lines.append(english if rng.random() < ENGLISH_COUNTRY_SHARE else local)
    content.address_lines = lines


def _faker_address(rng: random.Random, fake: Faker) -> list[str]:
    for _ in range(8):
        raw = fake.address()
        if not _MILITARY.search(raw):
            break
    lines = [re.sub(r"\s+,", ",", re.sub(r"\s+", " ", line)).strip(" ,")
             for line in raw.splitlines()]
    # fr_CA places come as "Lac- Véronique"
    return [re.sub(r"(?<=\w)- (?=\w)", "-", line) for line in lines if line]


def _turkish_address(rng: random.Random, fake: Faker) -> list[str]:
    district, city, postcode = rng.choice(vocab.TURKISH_PLACES)
    quarter, street = rng.choice(vocab.TURKISH_QUARTERS), rng.choice(vocab.TURKISH_STREETS)
    number, door = rng.randint(1, 240), rng.randint(1, 30)
    first = rng.choice([f"{quarter} Mah. {street} Cad. No: {number}",
                        f"{quarter} Mahallesi {street} Caddesi No:{number}/{door}",
                        f"{street} Sok. No: {number} D: {door}"])
    return [first, rng.choice([f"{postcode} {district}/{city}", f"{district} / {city}"])]


def _ticino_address(rng: random.Random, fake: Faker) -> list[str]:
    postcode, town = rng.choice(vocab.TICINO_PLACES)
    street = f"{rng.choice(vocab.TICINO_STREETS)} {rng.randint(1, 120)}"
    return [street, f"{rng.choice(['', 'CH-'])}{postcode} {town}"]


# Locales whose Faker has no addresses of their own (see vocabulary.FAKER_LOCALES).
_ADDRESS_BUILDERS = {"tr_TR": _turkish_address, "it_CH": _ticino_address}


def _add_contacts(rng: random.Random, content: CardContent, language: str, region: str,
                  given: str, family: str, domain: str) -> None:
    prefixes = dict(rng.choice(vocab.PREFIX_SETS[language]))
    separator = rng.choice([":", ":", ":", "", ".", " -"]) if rng.random() < 0.9 else ""
    casing = rng.choices(["keep", "lower", "upper"], weights=[0.75, 0.15, 0.1])[0]
    mode = rng.choices(["words", "icons", "none", "phones"], weights=[0.5, 0.2, 0.13, 0.17])[0]

    def prefix_for(kind: str) -> str:
        word = prefixes.get(kind, "")
        if not word:
            return ""
        if separator == "." and (word.endswith(".") or len(word) > 1):
            text = word if word.endswith(".") else word + ":"  # "T." but "Tel:", not "Tel."
        elif separator == " -":
            text = word  # "Tel - 030 ..." prints the dash as its own word
        else:
            text = word + separator
        text = {"lower": text.lower(), "upper": text.upper()}.get(casing, text)
        return f"{text} -" if separator == " -" else text

    def labelled(kind: str, text: str, entity: str | None, value: str | None) -> ContactItem:
        if mode == "icons":
            return ContactItem(kind, text, entity, value, icon=True)
        wants_word = (mode == "words" and (kind in PHONE_KINDS or rng.random() < 0.6)) or (
            mode == "phones" and kind in PHONE_KINDS) or kind == "fax"
        return ContactItem(kind, text, entity, value, prefix_for(kind) if wants_word else "")

    phones = _phone_numbers(rng, region, language)
    style = rng.choice(_PHONE_STYLES)
    items = []
    for kind, number in phones:
        text = _format_phone(rng, number, region, style)
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        items.append(labelled(kind, text, "FAX" if kind == "fax" else "PHONE", e164))
    if rng.random() < 0.3:
        items.sort(key=lambda item: {"mobile": 0, "office": 1, "fax": 2}[item.kind])

    mails = []
    if rng.random() < 0.93 or not items:
        mails.append(_email(rng, region, given, family, domain, personal=content.company is None))
        if rng.random() < 0.1:
            generic = rng.choice(["info", "office", "sales", "contact", "hello", "kontakt",
                                  "ventas", "vendas", "info"])
            mails.append(f"{generic}@{domain}")
    mail_items = [labelled("email", mail, "EMAIL", mail) for mail in mails]

    web_items = []
    if content.company and rng.random() < 0.72:
        site = rng.choices(
            [f"www.{domain}", domain, f"https://www.{domain}", f"https://{domain}",
             f"http://www.{domain}", f"www.{domain}/", f"https://www.{domain}/"],
            weights=[45, 20, 10, 5, 5, 3, 5])[0]
        web_items.append(labelled("website", site, "WEBSITE", site))

    socials = []
    if rng.random() < 0.2:
        handle = (_slug(given) + rng.choice(["", ".", "_"]) + _slug(family))[:20] or "card"
        network = rng.choice(SOCIAL_KINDS[:4] if language == "ru" else SOCIAL_KINDS)
        text = {"linkedin": rng.choice([f"linkedin.com/in/{handle}", f"in/{handle}"]),
                "xing": f"xing.com/profile/{handle}", "telegram": f"@{handle}",
                "twitter": f"@{handle}", "instagram": f"@{handle}"}[network]
        word = {"telegram": "Telegram:", "twitter": "X:", "instagram": "Instagram:"}.get(network)
        icon = mode == "icons" or rng.random() < 0.4
        socials.append(ContactItem(network, text, None, None,
                                   "" if icon or not word else word, icon=icon))

    groups = [items, mail_items, web_items]
    if rng.random() < 0.2:
        groups = [mail_items, web_items, items]  # e-mail first, as some designs do
    content.contacts = [item for group in groups for item in group] + socials
    if content.address_lines:
        content.address_icon = mode == "icons"
        if mode == "words" and rng.random() < 0.25:
            content.address_prefix = prefix_for("address")


def _email(rng: random.Random, region: str, given: str, family: str, domain: str,
           *, personal: bool) -> str:
    umlauts = region == "DE" and rng.random() < 0.5
    first, last = _slug(given, umlauts=umlauts), _slug(family, umlauts=umlauts)
    local = rng.choice([f"{first}.{last}", f"{first[:1]}.{last}", f"{first[:1]}{last}",
                        first, f"{first}_{last}", last, f"{first}{last}"]).strip("._")
    if personal or rng.random() < 0.05:
        domain = rng.choice(vocab.FREE_MAIL[region])
        local += rng.choice(["", "", str(rng.randint(1, 99))])
    return f"{local or 'info'}@{domain}"


_PHONE_STYLES = ("national", "national", "international", "international", "trunk",
                 "e164", "dots", "dashes", "intl_national")


def _phone_numbers(rng: random.Random, region: str,
                   language: str) -> list[tuple[str, phonenumbers.PhoneNumber]]:
    roll = rng.random()
    kinds = (["office"] if roll < 0.3 else ["mobile"] if roll < 0.55
             else ["office", "mobile"] if roll < 0.94 else [] if roll < 0.97
             else ["office", "office", "mobile"])
    numbers = []
    office = None
    for kind in kinds:
        if kind == "office" and office is not None:
            number = _sibling(rng, office)  # a direct line next to the switchboard
        else:
            number = _random_number(rng, region, kind == "mobile")
        office = number if kind == "office" and office is None else office
        numbers.append((kind, number))
    fax_share = 0.3 if language in ("de", "it", "ru", "fr", "es", "pl", "cs", "tr") else 0.15
    if office is not None and rng.random() < fax_share:
        numbers.append(("fax", _sibling(rng, office)))
    return numbers


def _random_number(rng: random.Random, region: str, mobile: bool) -> phonenumbers.PhoneNumber:
    """A number phonenumbers considers valid for ``region``: random digits, checked."""
    wanted = PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(region, wanted)
    digits = phonenumbers.national_significant_number(example)
    accepted = {wanted, PhoneNumberType.FIXED_LINE_OR_MOBILE}
    for _ in range(60):
        keep = rng.randint(1, 2)
        candidate = digits[:keep] + "".join(rng.choice(_DIGITS) for _ in digits[keep:])
        number = phonenumbers.parse(f"+{example.country_code}{candidate}")
        if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in accepted:
            return number
    return example


def _sibling(rng: random.Random, number: phonenumbers.PhoneNumber) -> phonenumbers.PhoneNumber:
    """The same number with other last digits: a fax or direct line of the same office."""
    digits = phonenumbers.national_significant_number(number)
    for _ in range(30):
        tail = "".join(rng.choice(_DIGITS) for _ in range(rng.randint(1, 2)))
        candidate = digits[: len(digits) - len(tail)] + tail
        sibling = phonenumbers.parse(f"+{number.country_code}{candidate}")
        if candidate != digits and phonenumbers.is_valid_number(sibling):
            return sibling
    return number


def _format_phone(rng: random.Random, number: phonenumbers.PhoneNumber, region: str,
                  style: str) -> str:
    """The number as printed in ``style``; always reads back as the same number."""
    if rng.random() < 0.2:
        style = rng.choice(_PHONE_STYLES)  # cards mix styles now and then
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    code = f"+{number.country_code}"
    if style == "national":
        text = national
    elif style == "trunk" and region in ("GB", "DE", "NL", "FR", "CH", "AT"):  # "+44 (0)20"
        text = international.replace(f"{code} ", f"{code} (0)" + rng.choice(["", " "]), 1)
    elif style == "e164":
        text = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    elif style == "dots":
        source = national if rng.random() < 0.5 else international
        text = re.sub(r"[()]", "", source).replace(" ", ".").replace("-", ".")
        text = text.replace("+.", "+").replace("..", ".")
        if text.startswith(f"{code}."):
            text = f"{code} " + text[len(code) + 1:]  # "+33 1.23.45.67.89"
    elif style == "dashes":
        text = international.replace(" ", "-")
    elif style == "intl_national" and region in ("US", "RU", "BR"):
        text = f"{code} " + re.sub(r"^(8 |0)", "", national)  # "+7 (912) 345-67-89"
    else:
        text = international
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return international
    e164 = PhoneNumberFormat.E164
    same = phonenumbers.format_number(parsed, e164) == phonenumbers.format_number(number, e164)
    return text if same else international


def _legal_line(rng: random.Random, fake: Faker, locale: str) -> str:
    template = rng.choice(vocab.LEGAL_LINES[locale])

    def digits(match: re.Match[str]) -> str:
        count = int(match.group(1))
        return str(rng.randint(1, 9)) + "".join(rng.choice(_DIGITS) for _ in range(count - 1))

    text = re.sub(r"\{d(\d+)\}", digits, template)
    text = text.format(city=fake.city(), street=fake.street_address(), person=fake.name())
    return re.sub(r"\s*\n\s*", ", ", text)  # en_GB street addresses hold line breaks


def _qr_payload(rng: random.Random, content: CardContent) -> str:
    fields = content.fields
    roll = rng.random()
    if roll < 0.3 and fields["websites"]:
        site = fields["websites"][0]
        return site if "://" in site else f"https://{site}"
    if roll < 0.4:
        parts = [f"N:{content.full_name}"] + [f"TEL:{p}" for p in fields["phones"][:1]]
        parts += [f"EMAIL:{e}" for e in fields["emails"][:1]]
        return "MECARD:" + ";".join(parts) + ";;"
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{content.full_name}"]
    if content.company:
        lines.append(f"ORG:{content.company}")
    if content.position:
        lines.append(f"TITLE:{content.position}")
    lines += [f"TEL;TYPE=WORK:{p}" for p in fields["phones"]]
    lines += [f"EMAIL:{e}" for e in fields["emails"]]
    lines += [f"URL:{w}" for w in fields["websites"]]
    if content.address_lines:
        lines.append(f"ADR;TYPE=WORK:;;{fields['address']};;;;")
    return "\n".join([*lines, "END:VCARD"])

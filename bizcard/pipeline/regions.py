"""Which country a card comes from, guessed from what is printed on it.

Phone numbers printed in national format ("030 1234567") only parse with the right region,
so the classifier and the validator try the regions this module suggests, best first.
Each clue adds weight to a region: the country named in the address, the domain of an
e-mail or web address, a postcode of a shape one country uses, the country code of a
number printed in international format, a legal form ("GmbH", "Sp. z o.o.") and the
language of the card's words. A language spoken in several countries suggests all of
them; the validator then keeps the one where the number is valid.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable

import phonenumbers

from bizcard.pipeline.lexicon import CYRILLIC

# Country-code top-level domains and the phone region they suggest. Domains sold worldwide
# as words (.co, .io, .me, .tv, .ai) are left out.
TLD_REGIONS: dict[str, str] = {
    "uk": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "br": "BR",
    "ru": "RU", "рф": "RU", "su": "RU", "cn": "CN", "at": "AT", "ch": "CH", "be": "BE",
    "pt": "PT", "ie": "IE", "ca": "CA", "au": "AU", "pl": "PL", "se": "SE", "dk": "DK",
    "no": "NO", "fi": "FI", "jp": "JP", "in": "IN", "mx": "MX", "ar": "AR", "us": "US",
    "lu": "LU", "li": "LI", "cz": "CZ", "sk": "SK", "hu": "HU", "ro": "RO", "bg": "BG",
    "gr": "GR", "tr": "TR", "nz": "NZ", "za": "ZA", "cl": "CL", "pe": "PE", "uy": "UY",
    "ve": "VE", "ec": "EC", "ua": "UA", "by": "BY", "kz": "KZ", "il": "IL", "ae": "AE",
    "sg": "SG", "hk": "HK", "tw": "TW", "kr": "KR", "my": "MY", "th": "TH", "ph": "PH",
    "vn": "VN", "id": "ID", "si": "SI", "hr": "HR", "rs": "RS", "ee": "EE", "lv": "LV",
    "lt": "LT", "is": "IS", "mt": "MT", "cy": "CY",
}

# Country names as printed at the end of an address.
COUNTRY_NAMES: dict[str, str] = {
    "usa": "US", "u.s.a.": "US", "united states": "US", "united kingdom": "GB", "uk": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "london": "GB", "germany": "DE",
    "deutschland": "DE", "france": "FR", "spain": "ES", "españa": "ES", "italy": "IT",
    "italia": "IT", "netherlands": "NL", "nederland": "NL", "the netherlands": "NL",
    "brazil": "BR", "brasil": "BR", "russia": "RU", "россия": "RU", "москва": "RU",
    "china": "CN", "österreich": "AT", "austria": "AT", "schweiz": "CH", "suisse": "CH",
    "svizzera": "CH", "switzerland": "CH", "belgique": "BE", "belgië": "BE",
    "belgium": "BE", "portugal": "PT", "canada": "CA", "ireland": "IE", "éire": "IE",
    "australia": "AU", "mexico": "MX", "méxico": "MX", "argentina": "AR", "colombia": "CO",
    "chile": "CL", "perú": "PE", "peru": "PE", "polska": "PL", "poland": "PL",
    "sverige": "SE", "sweden": "SE", "danmark": "DK", "denmark": "DK", "norge": "NO",
    "norway": "NO", "suomi": "FI", "finland": "FI", "česká republika": "CZ",
    "czech republic": "CZ", "czechia": "CZ", "slovensko": "SK", "magyarország": "HU",
    "hungary": "HU", "românia": "RO", "romania": "RO", "luxembourg": "LU",
    "liechtenstein": "LI", "new zealand": "NZ", "south africa": "ZA", "india": "IN",
    "japan": "JP", "türkiye": "TR", "turkey": "TR", "greece": "GR", "україна": "UA",
    "беларусь": "BY", "казахстан": "KZ", "singapore": "SG", "aotearoa": "NZ",
    "българия": "BG", "bulgaria": "BG", "latvija": "LV",
    "lietuva": "LT", "eesti": "EE", "slovenija": "SI", "hrvatska": "HR", "srbija": "RS",
}
# Large cities of countries whose cards' language names no one country (English, Spanish,
# Portuguese, German, French): a national number parses only with the right region.
CITY_REGIONS: dict[str, str] = {
    **dict.fromkeys(["johannesburg", "cape town", "durban", "pretoria", "sandton",
                     "centurion", "stellenbosch", "bloemfontein", "port elizabeth",
                     "gqeberha"], "ZA"),
    **dict.fromkeys(["mumbai", "new delhi", "delhi", "bengaluru", "bangalore", "chennai",
                     "kolkata", "hyderabad", "pune", "ahmedabad", "jaipur", "gurugram",
                     "gurgaon", "noida", "lucknow", "kochi"], "IN"),
    **dict.fromkeys(["sydney", "melbourne", "brisbane", "adelaide", "canberra", "hobart"],
                    "AU"),
    **dict.fromkeys(["auckland", "wellington", "christchurch", "dunedin", "tauranga"], "NZ"),
    **dict.fromkeys(["dublin", "cork", "galway", "limerick"], "IE"),
    **dict.fromkeys(["toronto", "montreal", "montréal", "vancouver", "calgary", "ottawa",
                     "edmonton", "winnipeg"], "CA"),
    **dict.fromkeys(["manchester", "birmingham", "edinburgh", "glasgow", "leeds", "bristol",
                     "liverpool"], "GB"),
    **dict.fromkeys(["bogotá", "bogota", "medellín", "medellin", "cali", "barranquilla"],
                    "CO"),
    **dict.fromkeys(["lima", "arequipa"], "PE"),
    **dict.fromkeys(["santiago de chile", "valparaíso", "valparaiso", "concepción"], "CL"),
    **dict.fromkeys(["buenos aires", "córdoba", "rosario", "mendoza"], "AR"),
    **dict.fromkeys(["ciudad de méxico", "cdmx", "monterrey", "guadalajara", "puebla"], "MX"),
    **dict.fromkeys(["lisboa", "porto", "coimbra", "braga"], "PT"),
    **dict.fromkeys(["são paulo", "rio de janeiro", "belo horizonte", "curitiba",
                     "porto alegre", "recife", "salvador", "brasília", "campinas"], "BR"),
    **dict.fromkeys(["wien", "graz", "linz", "salzburg", "innsbruck", "klagenfurt"], "AT"),
    **dict.fromkeys(["zürich", "zurich", "genève", "geneve", "basel", "bern", "lausanne",
                     "luzern", "lugano", "winterthur", "st. gallen"], "CH"),
    **dict.fromkeys(["bruxelles", "brussel", "antwerpen", "anvers", "gent", "liège",
                     "charleroi", "namur", "leuven"], "BE"),
}

# Postal-code shapes that point at one country on their own.
POSTCODE_REGIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b"), "GB"),
    (re.compile(r"\b\d{5}-\d{3}\b"), "BR"),
    (re.compile(r"\b\d{4} ?[A-Z]{2}\b"), "NL"),
    (re.compile(r"\b[A-Z]{2} \d{5}(?:-\d{4})?\b"), "US"),
    (re.compile(r"\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT),? \d{4}\b"), "AU"),
    (re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[A-Z] ?\d[A-Z]\d\b"), "CA"),
    (re.compile(r"\b[AC-FHKNPRTV-Y]\d{2} ?[AC-FHKNPRTV-Y\d]{4}\b"), "IE"),  # Eircode
    (re.compile(r"\b\d{2}-\d{3}\s+[A-ZŁŚŻŹ][a-ząćęłńóśźż]"), "PL"),
    (re.compile(r"\b\d{4}-\d{3}\s+[A-ZÀ-Ý]"), "PT"),
    (re.compile(r"\b\d{5},? [A-Z][^\W\d_]+(?: [^\W\d_]+)* \([A-Z]{2}\)"), "IT"),  # Napoli (NA)
    # "D-10115 Berlin", "CH-8001 Zürich": the country's letters before the postcode.
    (re.compile(r"\bD-\d{5}\b"), "DE"), (re.compile(r"\bA-\d{4}\b"), "AT"),
    (re.compile(r"\bCH-\d{4}\b"), "CH"), (re.compile(r"\bF-\d{5}\b"), "FR"),
    (re.compile(r"\bI-\d{5}\b"), "IT"), (re.compile(r"\bE-\d{5}\b"), "ES"),
    (re.compile(r"\bB-\d{4}\b"), "BE"), (re.compile(r"\bL-\d{4}\b"), "LU"),
    (re.compile(r"\bNL-\d{4}\b"), "NL"), (re.compile(r"\bFL-\d{4}\b"), "LI"),
)

# Legal forms that belong to one country's (or a few countries') company law. A bare form
# of two letters ("AB", "AS") counts only after a word, not after a postcode ("1012 AB").
LEGAL_FORM_REGIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(rf"(?<![\w.])(?:{form})(?!\w)"), regions) for form, regions in (
        (r"GmbH|e\.K\.|OHG|GbR|KGaA|(?<=[^\W\d_] )UG", ("DE", "AT", "CH")),
        (r"S[àa]rl", ("CH", "LU")),
        (r"SARL|S\.A\.R\.L\.|SAS|S\.A\.S\.|EURL", ("FR", "BE", "LU")),
        (r"S\.L\.U?\.|S\.Coop\.|(?<=[^\W\d_] )SLU?", ("ES",)),
        (r"S\.A\. de C\.V\.|S\. de R\.L\.", ("MX",)),
        (r"S\.r\.l\.|S\.R\.L\.|Srl|S\.p\.A\.|SpA|S\.n\.c\.|S\.N\.C\.", ("IT",)),
        (r"B\.V\.|V\.O\.F\.|(?<=[^\W\d_] )BV", ("NL", "BE")),
        (r"BVBA|VZW|ASBL", ("BE",)),
        (r"Ltda\.?|EIRELI", ("BR",)),
        (r"Lda\.?|LDA\.?", ("PT",)),
        (r"Sp\. z o\.o\.|sp\.j\.|sp\.k\.", ("PL",)),
        (r"s\.r\.o\.", ("CZ", "SK")),
        (r"Kft\.|Zrt\.", ("HU",)),
        (r"d\.o\.o\.|d\.d\.", ("HR", "SI", "RS", "BA")),
        (r"Oyj?", ("FI",)),
        (r"(?<=[^\W\d_] )AB", ("SE",)),
        (r"ApS|A/S|I/S", ("DK", "NO")),
        (r"(?<=[^\W\d_] )AS|ASA", ("NO", "DK")),
        (r"Pty\.?(?: Ltd\.?)?", ("AU", "ZA")),
        (r"Pvt\.? Ltd\.?|Private Limited", ("IN",)),
        (r"Pte\.? Ltd\.?", ("SG",)),
        (r"PLC|plc|Ltd\.?|LLP", ("GB", "IE")),
        (r"Inc\.?|LLC|L\.L\.C\.", ("US", "CA")),
        (r"ООО|ОАО|ЗАО|ПАО|ИП", ("RU",)),
        (r"ТОВ|ПрАТ|ПАТ|ФОП", ("UA",)),
        (r"ЕООД|ООД|ЕАД", ("BG",)),
        (r"A\.Ş\.|Ltd\. Şti\.", ("TR",)),
    )
)

# The languages a card's words are told apart in (py3langid's model, which its wheel
# ships), and the regions that print each, most likely first. English is printed
# everywhere: it names no region, and the default region decides for it.
LANGUAGE_REGIONS: dict[str, tuple[str, ...]] = {
    "en": (), "de": ("DE", "AT", "CH"), "fr": ("FR", "BE", "CH", "CA", "LU"),
    "es": ("ES", "MX", "AR", "CO", "CL", "PE"), "it": ("IT", "CH"), "nl": ("NL", "BE"),
    "pt": ("BR", "PT"), "ru": ("RU",), "uk": ("UA",), "bg": ("BG",), "pl": ("PL",),
    "sv": ("SE",), "da": ("DK",), "no": ("NO",), "fi": ("FI",), "cs": ("CZ",), "sk": ("SK",),
    "hu": ("HU",), "ro": ("RO",), "tr": ("TR",), "el": ("GR",), "sl": ("SI",),
    "hr": ("HR",), "et": ("EE",), "lv": ("LV",), "lt": ("LT",),
}
# Languages less likely than this are left out (a card of names and numbers); short texts
# often leave two close languages (Spanish and Portuguese) above it, and both count.
MIN_LANGUAGE_PROBABILITY = 0.2
MIN_PROSE_WORDS = 3
HAN = re.compile(r"[\u4e00-\u9fff]")  # Chinese characters
DOMAIN = re.compile(r"(?:@|www\.|https?://)([\w.-]+\.([a-zа-я]{2,}))", re.IGNORECASE)
DIGIT = re.compile(r"\d")
LETTERS = re.compile(r"[^\W\d_]{2,}")
WEB = re.compile(r"www\.|https?://|\.(?:com|net|org)\b", re.IGNORECASE)
INTERNATIONAL_NUMBER = re.compile(r"(?:\+|(?<![\d.])00)\s?\(?([1-9][\d\s().\-/]{6,}\d)")
NON_GEOGRAPHIC = "001"  # phonenumbers' region of +800, +882, ... numbers

# How much one clue weighs. A place written out (country, domain) outweighs a number's
# country code (a foreign mobile is printed on a local card now and then) and the card's
# language (spoken in several countries).
COUNTRY_NAME_WEIGHT = 4.0
CITY_WEIGHT = 2.5
DOMAIN_WEIGHT = 3.0
SCRIPT_WEIGHT = 3.0
POSTCODE_WEIGHT = 2.0
NUMBER_WEIGHT = 2.0
LEGAL_FORM_WEIGHT = 1.5
LANGUAGE_WEIGHT = 2.0
# Each further region a clue names gets a little less, so its first region leads a tie.
RANK_STEP = 0.01
# Country and city names as whole words of the lower-cased card, compiled once.
PLACE_NAMES: tuple[tuple[re.Pattern[str], str, float], ...] = tuple(
    (re.compile(rf"(?<!\w){re.escape(name)}(?!\w)"), region, weight)
    for names, weight in ((COUNTRY_NAMES, COUNTRY_NAME_WEIGHT), (CITY_REGIONS, CITY_WEIGHT))
    for name, region in names.items())


def region_hints(texts: Iterable[str], *, default: str) -> list[str]:
    """Candidate phone regions for a card, most likely first; ``default`` is always included
    (last, unless a clue named it)."""
    return list(_region_hints(tuple(texts), default))


@functools.lru_cache(maxsize=64)  # the extraction, the rules and the model ask per card
def _region_hints(texts: tuple[str, ...], default: str) -> tuple[str, ...]:
    text = " ".join(texts)  # one string: a postcode and its city are often two words
    weights: dict[str, float] = defaultdict(float)

    def add(regions: Iterable[str], weight: float) -> None:
        for rank, region in enumerate(regions):
            weights[region] += weight - rank * RANK_STEP

    for match in DOMAIN.finditer(text):
        tld = match.group(2).lower()
        if tld in TLD_REGIONS:
            add([TLD_REGIONS[tld]], DOMAIN_WEIGHT)
    lowered = text.lower()
    for place, region, weight in PLACE_NAMES:
        if place.search(lowered):
            add([region], weight)
    for pattern, region in POSTCODE_REGIONS:
        if pattern.search(text):
            add([region], POSTCODE_WEIGHT)
    for region in _number_regions(text):
        add([region], NUMBER_WEIGHT)
    for pattern, regions in LEGAL_FORM_REGIONS:
        if pattern.search(text):
            add(regions, LEGAL_FORM_WEIGHT)
    for language, probability in card_languages(texts):
        add(LANGUAGE_REGIONS[language], LANGUAGE_WEIGHT * probability)
    if CYRILLIC.search(text):
        add(["RU"], SCRIPT_WEIGHT)
    if HAN.search(text):
        add(["CN"], SCRIPT_WEIGHT)
    ranked = sorted(weights, key=lambda region: -weights[region])
    return tuple(dict.fromkeys([*ranked, default]))


def _number_regions(text: str) -> list[str]:
    """The country of each number printed in international format ("+41 21 ...", "0049
    30 ..."). Country codes are prefix-free: the first one to two or three digits name it."""
    regions = []
    for match in INTERNATIONAL_NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        for length in (1, 2, 3):
            region = phonenumbers.region_code_for_country_code(int(digits[:length]))
            if region != phonenumbers.UNKNOWN_REGION:
                if region != NON_GEOGRAPHIC:
                    regions.append(region)
                break
    return regions


def card_languages(texts: Iterable[str]) -> list[tuple[str, float]]:
    """The languages the card's words may be in, with their probabilities, likeliest first.
    E-mail and web addresses and anything with digits are left out: they are not prose."""
    # Lower case: the identifier reads lines in capitals ("UFFICIO LEGALE") as another
    # language, unless all of its text is in capitals.
    prose = " ".join(text for text in texts
                     if not DIGIT.search(text) and "@" not in text and not WEB.search(text)).lower()
    if len(LETTERS.findall(prose)) < MIN_PROSE_WORDS:
        return []  # a name or two says nothing of the language
    return [(language, float(probability))
            for language, probability in _language_identifier().rank(prose)
            if probability >= MIN_LANGUAGE_PROBABILITY]


@functools.cache
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGE_REGIONS))
    return identifier

"""Which country a card comes from, guessed from what is printed on it.

Phone numbers printed in national format ("030 1234567") only parse with the right region,
so the classifier and the validator try the regions this module suggests, best first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Country-code top-level domains and the phone region they suggest.
TLD_REGIONS: dict[str, str] = {
    "uk": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "br": "BR",
    "ru": "RU", "рф": "RU", "cn": "CN", "at": "AT", "ch": "CH", "be": "BE", "pt": "PT",
    "ie": "IE", "ca": "CA", "au": "AU", "pl": "PL", "se": "SE", "dk": "DK", "no": "NO",
    "fi": "FI", "jp": "JP", "in": "IN", "mx": "MX", "ar": "AR", "us": "US", "lu": "LU",
}

# Country names as printed at the end of an address.
COUNTRY_NAMES: dict[str, str] = {
    "usa": "US", "united states": "US", "united kingdom": "GB", "uk": "GB", "england": "GB",
    "london": "GB", "germany": "DE", "deutschland": "DE", "france": "FR", "spain": "ES",
    "españa": "ES", "italy": "IT", "italia": "IT", "netherlands": "NL", "nederland": "NL",
    "brazil": "BR", "brasil": "BR", "russia": "RU", "россия": "RU", "москва": "RU",
    "china": "CN", "österreich": "AT", "austria": "AT", "schweiz": "CH", "suisse": "CH",
    "belgique": "BE", "belgië": "BE", "portugal": "PT", "canada": "CA", "ireland": "IE",
    "australia": "AU", "switzerland": "CH", "mexico": "MX", "méxico": "MX",
}

# Postal-code shapes that point at one country on their own.
POSTCODE_REGIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b"), "GB"),
    (re.compile(r"\b\d{5}-\d{3}\b"), "BR"),
    (re.compile(r"\b\d{4} ?[A-Z]{2}\b"), "NL"),
    (re.compile(r"\b[A-Z]{2} \d{5}(?:-\d{4})?\b"), "US"),
    (re.compile(r"\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT),? \d{4}\b"), "AU"),
    (re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[A-Z] ?\d[A-Z]\d\b"), "CA"),
)

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CJK = re.compile(r"[\u4e00-\u9fff]")
DOMAIN = re.compile(r"(?:@|www\.|https?://)([\w.-]+\.([a-zа-я]{2,}))", re.IGNORECASE)


def region_hints(texts: Iterable[str], *, default: str) -> list[str]:
    """Candidate phone regions for a card, most likely first; ``default`` is always included."""
    text = "\n".join(texts)
    found: list[str] = []
    for match in DOMAIN.finditer(text):
        tld = match.group(2).lower()
        if tld in TLD_REGIONS:
            found.append(TLD_REGIONS[tld])
    lowered = text.lower()
    for name, region in COUNTRY_NAMES.items():
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lowered):
            found.append(region)
    for pattern, region in POSTCODE_REGIONS:
        if pattern.search(text):
            found.append(region)
    if CYRILLIC.search(text):
        found.append("RU")
    if CJK.search(text):
        found.append("CN")
    found.append(default)
    return list(dict.fromkeys(found))

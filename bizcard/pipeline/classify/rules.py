"""The rule-based field classifier: certain patterns first, then layout and vocabulary cues.

Two passes. First, values whose shape is certain are found inside each segment of a line:
e-mails, web addresses and phone numbers (fax when a fax prefix stands before them); their
label prefixes ("Tel:", "E", "Факс") are left outside. Then every remaining segment is
scored as address, department, company, name or position from vocabulary (street words,
postcodes, legal forms, job words), the e-mail address (a name shares tokens with its local
part, a company with its domain) and layout (the name is usually the biggest text that is
not the company; the position sits next to the name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from bizcard.pipeline import lexicon, patterns
from bizcard.pipeline.classify.consistency import card_consistent
from bizcard.pipeline.layout import Segment, segments
from bizcard.pipeline.regions import region_hints
from bizcard.pipeline.schema import OUTSIDE
from bizcard.pipeline.types import Classification, Word

VERSION = "rules-1"
SAME_TYPE_SIZE = 0.12  # heights within 12%: the same type size (a city line, not a logo)
LOGO_MIN_HEIGHT = 0.6  # a company name without legal form is at least this share of the name

LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
CJK = re.compile(r"[\u4e00-\u9fff]")
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:[-'’][^\W\d_]+)*\.?$", re.UNICODE)


@dataclass
class _Labelling:
    labels: list[str]
    scores: list[float]

    def mark(self, word_ids: Sequence[int], entity: str, score: float) -> None:
        for n, i in enumerate(word_ids):
            self.labels[i] = f"{'B' if n == 0 else 'I'}-{entity}"
            self.scores[i] = score


@dataclass
class _Candidate:
    segment: Segment
    scores: dict[str, float] = field(default_factory=dict)


class RuleClassifier:
    """Labels OCR words with BIO tags using patterns, vocabulary and layout."""

    version = VERSION

    def classify(
        self, words: Sequence[Word], *, image: np.ndarray | None = None, region: str | None = None
    ) -> Classification:
        labelling = _Labelling([OUTSIDE] * len(words), [1.0] * len(words))
        regions = region_hints((w.text for w in words), default=region or "US")
        remaining: list[Segment] = []
        emails: list[str] = []
        websites: list[str] = []
        previous: Segment | None = None
        for segment in segments(words):
            # "Fax · +1 226 745 2836": a separator cuts the label off into its own segment.
            lead = (_lone_fax_label(previous)
                    if previous is not None and previous.line_no == segment.line_no else "")
            rest = _label_contact_items(segment, labelling, regions, emails, websites, lead=lead)
            if rest:
                remaining.extend(_split_runs(segment, rest))
            previous = segment
        _label_text_segments(remaining, labelling, emails, websites)
        labels = card_consistent(words, labelling.labels, regions)
        return Classification(labels, labelling.scores)


def _char_spans(segment: Segment) -> list[tuple[int, int]]:
    """Character span of each word of the segment inside ``segment.text``."""
    spans, position = [], 0
    for word in segment.words:
        spans.append((position, position + len(word.text)))
        position += len(word.text) + 1
    return spans


def _words_in(span: tuple[int, int], char_spans: list[tuple[int, int]]) -> list[int]:
    return [n for n, (s, e) in enumerate(char_spans) if s < span[1] and e > span[0]]


def _label_contact_items(
    segment: Segment,
    labelling: _Labelling,
    regions: list[str],
    emails: list[str],
    websites: list[str],
    *,
    lead: str = "",
) -> list[int]:
    """Label e-mails, websites, phones and faxes in a segment; return the positions left over.
    ``lead``: a fax label standing alone just before the segment on its line."""
    text = segment.text
    char_spans = _char_spans(segment)
    taken: set[int] = set()
    found: list[tuple[tuple[int, int], str, float]] = []
    for span in patterns.find_emails(text):
        found.append((span, "EMAIL", 0.97))
        emails.append(text[span[0]:span[1]].replace(" ", ""))
    for span in patterns.find_websites(text):
        found.append((span, "WEBSITE", 0.93))
        websites.append(text[span[0]:span[1]])
    item_spans = [span for span, _, _ in found]
    for span in patterns.find_phones(text, regions):
        if any(s < span[1] and e > span[0] for s, e in item_spans):
            continue
        prefix = (_prefix_before(text, span[0], item_spans) or lead
                  or _label_after(text, span[1], item_spans))
        number_text = text[span[0]:span[1]]
        number = patterns.parse_phone(number_text, regions)
        word_before = text[:span[0]].split()[-1:]
        if word_before and lexicon.token(word_before[0]) in lexicon.POSTCODE_LABELS and \
                lexicon.LABELLED_POSTCODE.fullmatch(number_text.strip()):
            continue  # "CEP 50113-496", "C.P. 97184": a postcode, left to the address
        explicit = prefix in lexicon.PHONE_PREFIXES or prefix in lexicon.FAX_PREFIXES
        if not explicit and _registration_number(text, span, item_spans):
            continue
        international = number_text.lstrip("(").startswith(("+", "00"))
        if number is None and not (explicit or international):
            continue
        if not (explicit or international) and _address_score(text) >= 1.0:
            continue  # a postcode or house number in an address line
        entity = "FAX" if prefix in lexicon.FAX_PREFIXES else "PHONE"
        found.append((span, entity, 0.92 if number is not None else 0.6))
        item_spans.append(span)
    for span, entity, score in sorted(found):
        ids = [n for n in _words_in(span, char_spans) if n not in taken]
        if not ids:
            continue
        taken.update(ids)
        labelling.mark([segment.word_ids[n] for n in ids], entity, score)
    if not taken:
        return list(range(len(segment.words)))
    # Prefix words of the items ("Tel:", "E-mail") stay outside any field.
    return [
        n for n in range(len(segment.words))
        if n not in taken and not lexicon.contact_label(segment.words[n].text)
        and lexicon.token(segment.words[n].text) not in {"", ":"}
    ]


def _prefix_before(text: str, start: int, item_spans: list[tuple[int, int]]) -> str:
    """The label word just before a value ("Fax" in "Fax: +49 30 1234"), lower-cased."""
    left = max((end for _, end in item_spans if end <= start), default=0)
    if text[left:start].rstrip().endswith(tuple(lexicon.FAX_ICON_READS)):
        return "fax"
    before = lexicon.CJK.sub("", text[left:start])  # an icon read as a character: "吕F"
    tokens = re.findall(r"[^\W\d_]+\.?", before, re.UNICODE)
    if not tokens:
        return ""
    last = tokens[-1].lower()
    return last if last in lexicon.CONTACT_PREFIXES else last.rstrip(".")


def _label_after(text: str, end: int, item_spans: list[tuple[int, int]]) -> str:
    """A contact label printed after a value that has none before it ("+33 1 93 10 40 67
    Fax", "+1 555 0100 (mobile)"), lower-cased; "" when the word after the value is no
    label, or is the label of a number after it ("+49 30 1234 Fax +49 30 5678")."""
    right = min((start for start, _ in item_spans if start >= end), default=len(text))
    after = text[end:right].split()
    if not after or any(c.isdigit() for c in " ".join(after[1:])):
        return ""
    word = lexicon.contact_label(after[0])
    return word if word in lexicon.PHONE_PREFIXES | lexicon.FAX_PREFIXES else ""


def _registration_number(text: str, span: tuple[int, int],
                         item_spans: list[tuple[int, int]]) -> bool:
    """Whether the digits at ``span`` are a company or tax number, not a phone: a
    registration label stands before them in the segment ("KvK 41420508", "RCS Lyon 557
    218 980"), or letters are glued to them ("DE525546366", "IE2352342X")."""
    start, end = span
    # A "+" or "(" right after letters is a label OCR glued on ("TEL+41 ...", "PI(03) 4460"),
    # digits right after letters are a code ("DE525546366").
    glued_before = start > 0 and text[start - 1].isalpha() and text[start] not in "+("
    glued_after = end < len(text) and text[end].isalpha()
    if glued_before or glued_after:
        return True
    left = max((e for _, e in item_spans if e <= start), default=0)
    return any(lexicon.is_registration_label(word) for word in text[left:start].split())


def _lone_fax_label(segment: Segment) -> str:
    """The fax label a segment consists of ("Fax", "F:"), lower-cased; else "". Only fax:
    a lone letter before a number is otherwise too often no label at all ("Building C")."""
    if len(segment.words) != 1:
        return ""
    word = lexicon.contact_label(segment.words[0].text)
    return word if word in lexicon.FAX_PREFIXES else ""


def _split_runs(segment: Segment, positions: list[int]) -> list[Segment]:
    """Consecutive leftover words become segments of their own ("Jane Doe, CEO" stays whole)."""
    runs: list[list[int]] = []
    for n in positions:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return [
        Segment([segment.word_ids[n] for n in run], [segment.words[n] for n in run],
                segment.line_no)
        for run in runs
    ]


def _label_text_segments(
    candidates: list[Segment], labelling: _Labelling, emails: list[str], websites: list[str]
) -> None:
    """Decide which leftover segments are address, department, company, name and position."""
    usable = [s for s in candidates if LETTERS.search(s.text) or patterns.digit_count(s.text)]
    if not usable:
        return
    domains = {lexicon.domain_label(e.split("@", 1)[1]) for e in emails}
    domains |= {lexicon.domain_label(patterns.website_host(w)) for w in websites}
    domains.discard("")
    locals_ = [lexicon.fold(e.split("@", 1)[0]) for e in emails]
    tallest = max(s.height for s in usable)

    address = [s for s in usable if _address_score(s.text) >= 1.0]
    address = _grow_address(address, usable)
    for n, segment in enumerate(address):
        entity = "ADDRESS"
        ids = segment.word_ids
        if n == 0:
            labelling.mark(ids, entity, 0.8)
        else:
            for i in ids:
                labelling.labels[i] = f"I-{entity}"
                labelling.scores[i] = 0.8
    rest = [s for s in usable if s not in address and LETTERS.search(s.text)]

    departments = [s for s in rest if lexicon.reads_as_department(s.text)]
    if departments:
        labelling.mark(departments[0].word_ids, "DEPARTMENT", 0.75)
        rest.remove(departments[0])

    # The name first: its tokens usually match the e-mail's local part, which outweighs a
    # domain match (jane@roe.studio makes "Jane Roe" look like a company otherwise).
    name = _best(rest, lambda s: _name_score(s, locals_, tallest))
    company = _best(
        [s for s in rest if s is not name], lambda s: _company_score(s, domains)
    )
    if company is not None:
        labelling.mark(company.word_ids, "COMPANY", min(0.95, 0.5 + _company_score(
            company, domains) / 4))
        rest.remove(company)
    if name is not None:
        labelling.mark(name.word_ids, "NAME", min(0.95, 0.4 + _name_score(
            name, locals_, tallest) / 5))
        rest.remove(name)
        position = _position_for(name, rest)
        if position is not None:
            labelling.mark(position.word_ids, "POSITION", 0.7)
            rest.remove(position)
    if company is None:
        # No legal form or domain: the company is then usually the biggest short text left
        # (a logo line), as long as it is about as big as the other headings.
        logo = _best(rest, lambda s: s.height if _is_logo_like(s, tallest) else 0.0)
        if logo is not None:
            labelling.mark(logo.word_ids, "COMPANY", 0.5)


def _best(segments_: list[Segment], score) -> Segment | None:
    scored = [(score(s), -s.line_no, s) for s in segments_]
    scored = [item for item in scored if item[0] > 0]
    if not scored:
        return None
    return max(scored, key=lambda item: (item[0], item[1]))[2]


def _address_score(text: str) -> float:
    """1 or more: an address line on its own; 0.5 or more: one next to an address line."""
    words = text.split()
    score = 0.0
    if lexicon.has_word(words, lexicon.STREET_WORDS):
        score += 1.0
    if any(lexicon.token(w).endswith(lexicon.STREET_SUFFIXES) for w in words):
        score += 1.0
    if lexicon.has_word(words, lexicon.WEAK_STREET_WORDS):
        score += 0.5
    if any(w in lexicon.RU_SETTLEMENTS for w in words):  # lower-case only: not initials
        score += 1.0
    if sum(c in lexicon.CJK_ADDRESS_CHARS for c in text) >= 2:
        score += 1.0
    if lexicon.STRONG_POSTCODES.search(text):
        score += 1.0
    has_digits = patterns.digit_count(text) > 0
    if has_digits and lexicon.POSTCODE.search(text) and len(words) >= 2:
        score += 0.4
    if re.match(r"^\d+[a-zA-Z]?,?\s+[^\W\d_]", text):  # "221b Baker", "4001 1st Ave"
        score += 0.6
    if re.search(r"[^\W\d_]{3,},?\s+\d+[a-zA-Z]?\b", text):  # "Hauptstraße 12"
        score += 0.5
    if text.count(",") >= 1 and has_digits:
        score += 0.3
    return score


def _grow_address(address: list[Segment], usable: list[Segment]) -> list[Segment]:
    """Add lines next to an address line that read like its continuation (or its start).

    A line with numbers, commas or street words joins when it is right above or below an
    address line; a plain line ("Kerkrade", "Reid Ridges") only when it sits between two
    address lines, or closes the block right below it, aligned with it. A company name is
    never part of an address.
    """
    if not address:
        return []
    chosen = list(address)
    changed = True
    while changed:
        changed = False
        for segment in usable:
            if segment in chosen or _company_score(segment, set()) >= 1:
                continue
            neighbours = [a for a in chosen if _next_to(segment, a)]
            if not neighbours:
                continue
            if _could_continue_address(segment):
                house_number = len(segment.words) <= 2 and patterns.digit_count(segment.text)
                same_row = any(
                    abs(segment.center_y - a.center_y) < 0.5 * min(segment.height, a.height)
                    for a in neighbours
                )
                if not (same_row or house_number or _address_score(segment.text) >= 0.3):
                    continue
            elif not _closes_or_fills_address(segment, neighbours, chosen):
                continue
            chosen.append(segment)
            changed = True
    return sorted(chosen, key=lambda s: (s.line_no, s.box[0]))


def _next_to(segment: Segment, anchor: Segment) -> bool:
    """Directly above, below or beside ``anchor``, in about the same type size (and in the
    same column: a two-column card puts unrelated lines side by side)."""
    height = max(segment.height, anchor.height)
    similar_size = 0.75 < segment.height / anchor.height < 1.33
    if not similar_size or abs(segment.center_y - anchor.center_y) > 1.9 * height:
        return False
    (x0, _, x1, _), (a0, _, a1, _) = segment.box, anchor.box
    horizontal_gap = max(a0 - x1, x0 - a1)  # negative when the two overlap
    same_row = abs(segment.center_y - anchor.center_y) < 0.5 * height
    return horizontal_gap < (2 * height if same_row else 0)


def _closes_or_fills_address(
    segment: Segment, neighbours: list[Segment], chosen: list[Segment]
) -> bool:
    words = segment.text.split()
    if len(words) > 4 or not all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return False
    above = any(a.center_y < segment.center_y for a in neighbours)
    below = any(a.center_y > segment.center_y for a in neighbours)
    if above and below:
        return True  # between two address lines
    last = max(chosen, key=lambda s: s.center_y)
    aligned = min(abs(segment.box[0] - last.box[0]), abs(segment.box[2] - last.box[2]))
    same_type = abs(segment.height / last.height - 1) < SAME_TYPE_SIZE
    return (
        last in neighbours
        and segment.center_y > last.center_y
        and aligned < 0.5 * last.height
        and same_type
    )


def _could_continue_address(segment: Segment) -> bool:
    """Address lines carry numbers, commas or settlement words; names and titles do not."""
    text = segment.text
    words = text.split()
    return bool(
        patterns.digit_count(text)
        or "," in text
        or any(w in lexicon.RU_SETTLEMENTS for w in words)
        or lexicon.has_word(words, lexicon.STREET_WORDS | lexicon.WEAK_STREET_WORDS)
    )


def _company_score(segment: Segment, domains: set[str]) -> float:
    words = segment.text.split()
    score = 0.0
    if lexicon.has_word(words, lexicon.LEGAL_FORMS):
        score += 2.0
    if "«" in segment.text or '"' in segment.text:
        score += 0.5
    if lexicon.NAME_CONJUNCTION.match(segment.text):
        score += 1.0
    if lexicon.has_word(words, lexicon.COMPANY_WORDS):
        score += 1.0
    folded = re.sub(r"[^a-z0-9]", "", lexicon.fold(segment.text))
    for domain in domains:
        if len(domain) >= 3 and folded and (domain in folded or (
                len(folded) >= 4 and folded in domain)):
            score += 2.0
            break
    if score and len(words) > 7:
        score -= 1.0
    if score and lexicon.has_word(words, lexicon.POSITION_WORDS) and not lexicon.has_word(
            words, lexicon.LEGAL_FORMS):
        score -= 1.0
    return score


def _is_logo_like(segment: Segment, tallest: float) -> bool:
    words = segment.text.split()
    return (
        1 <= len(words) <= 5
        and segment.height >= LOGO_MIN_HEIGHT * tallest
        and not patterns.digit_count(segment.text)
        and words[0][:1].isupper()
        and not lexicon.has_word(words, lexicon.POSITION_WORDS)
    )


def _name_score(segment: Segment, email_locals: list[str], tallest: float) -> float:
    text = segment.text.strip(" ,")
    words = text.split()
    if patterns.digit_count(text) or "@" in text:
        return 0.0
    if CJK.search(text):
        chars = [c for c in text if CJK.match(c)]
        plain = 2 <= len(chars) <= 4 and len(text.replace(" ", "")) == len(chars)
        if not plain or lexicon.has_word([text], lexicon.POSITION_WORDS):
            return 0.0
        return 1.0 + (segment.height / tallest)
    core = [w for w in words if lexicon.token(w) not in lexicon.HONORIFICS]
    if not 2 <= len(core) <= 5:
        return 0.0
    if not all(NAME_WORD.match(w.strip(",")) for w in core):
        return 0.0
    # "Gustavo da Mota", "Ludwig van Beethoven": particles may be lower-case.
    if not all(w[0].isupper() or w in lexicon.NAME_PARTICLES for w in core if w[0].isalpha()):
        return 0.0
    if core[0] in lexicon.NAME_PARTICLES or core[-1] in lexicon.NAME_PARTICLES:
        return 0.0
    if lexicon.has_word(words, lexicon.POSITION_WORDS | lexicon.LEGAL_FORMS
                        | lexicon.DEPARTMENT_WORDS | lexicon.WEAK_DEPARTMENT_WORDS
                        | lexicon.COMPANY_WORDS):
        return 0.0
    score = 1.0 + segment.height / tallest
    if len(core) < len(words):
        score += 1.0  # an honorific: "Dr. Avery Smith"
    folded = [lexicon.fold(w.strip(".,")) for w in core]
    for local in email_locals:
        hits = sum(1 for f in folded if len(f) >= 3 and f in local)
        initials = "".join(f[:1] for f in folded)
        if hits or local.startswith(initials):
            score += 1.0 + hits
            break
    return score


def _position_for(name: Segment, rest: list[Segment]) -> Segment | None:
    """The job title: a job word near the name, else the line right below (or above) it."""
    def distance(s: Segment) -> float:
        return abs(s.center_y - name.center_y) / max(name.height, 1.0)

    near = [s for s in rest if distance(s) <= 6 and len(s.text.split()) <= 8]
    with_job_word = [s for s in near if lexicon.has_word(s.text.split(), lexicon.POSITION_WORDS)]
    if with_job_word:
        return min(with_job_word, key=distance)
    below = [s for s in near if s.center_y > name.center_y and distance(s) <= 2.6
             and s.height < name.height * 1.05]
    if below:
        return min(below, key=distance)
    return None

"""BIO-labelled words into raw field values, in reading order (before validation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bizcard.pipeline import lexicon
from bizcard.pipeline.layout import reading_order_lines
from bizcard.pipeline.schema import entity_of, field_of
from bizcard.pipeline.types import Classification, Word

LINE_JOINED_WITH_COMMA = frozenset({"ADDRESS"})
# Punctuation printed inside a value ("Mendes / PI", "Barbosa Jesus - EI", "Smith & Co",
# "Carrera 33 # 77-8", "Av. 7 N° 179"):
# when it stands between two words of one value, it belongs to it, whatever it is labelled.
INNER_PUNCTUATION = frozenset({"/", "-", "–", "—", "&", "+", "#", "№", "N°", "Nº", "n°", "nº"})
JOINED_ACROSS_PUNCTUATION = frozenset({"ADDRESS"})


@dataclass
class RawValue:
    """One entity's text as printed, with the mean probability of its words."""

    text: str
    confidence: float


def raw_values(words: Sequence[Word], classification: Classification) -> dict[str, list[RawValue]]:
    """Group consecutive words of one entity (B starts a new one) into values per field.

    Words are visited in reading order, so the result does not depend on OCR word order.
    An address continued on the next line is joined with ", "; any other entity (a name
    printed as given name over family name) with a space.
    """
    values: dict[str, list[RawValue]] = {}
    current_entity: str | None = None
    parts: list[str] = []
    scores: list[float] = []
    last_line = -1
    lines = reading_order_lines(words)
    labels = _inner_punctuation_joined(words, lines, classification.labels)

    def flush() -> None:
        if current_entity and parts:
            field = field_of(f"B-{current_entity}")
            assert field is not None
            values.setdefault(field, []).append(
                RawValue(_join(parts), sum(scores) / len(scores))
            )

    for line_no, ids in enumerate(lines):
        for i in ids:
            label = labels[i]
            entity = entity_of(label)
            continues = entity is not None and entity == current_entity and label.startswith("I-")
            if not continues:
                flush()
                parts, scores = [], []
                current_entity = entity
            if entity is None:
                continue
            text = words[i].text
            if continues and line_no != last_line and parts and entity in LINE_JOINED_WITH_COMMA:
                parts[-1] = parts[-1].rstrip(",") + ","
            parts.append(text)
            scores.append(classification.scores[i])
            last_line = line_no
    flush()
    return values


def _inner_punctuation_joined(words: Sequence[Word], lines: list[list[int]],
                              labels: Sequence[str]) -> list[str]:
    """``labels`` with each lone punctuation word between two words of one value on a line
    labelled as part of that value: an I- word follows it, or, in an address, a B- address
    word ("Carrera 33 # 77-8", "Recife - PE": one address; "Sales Manager - Marketing" may
    be two values)."""
    joined = list(labels)
    for ids in lines:
        for before, word, after in zip(ids, ids[1:], ids[2:], strict=False):
            entity = entity_of(joined[before])
            if (entity is None or words[word].text not in INNER_PUNCTUATION
                    or entity_of(joined[word]) is not None):
                continue
            if joined[after] == f"I-{entity}" or (
                    joined[after] == f"B-{entity}" and entity in JOINED_ACROSS_PUNCTUATION):
                joined[word] = joined[after] = f"I-{entity}"
    return joined


def _join(parts: list[str]) -> str:
    """Words joined by spaces, except next to CJK characters, which are written without."""
    text = parts[0]
    for part in parts[1:]:
        touches_cjk = lexicon.CJK.match(text[-1]) or lexicon.CJK.match(part[0])
        text += part if touches_cjk else " " + part
    return text

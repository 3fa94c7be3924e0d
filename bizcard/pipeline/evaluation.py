"""Scoring extracted fields against a labelled dataset (ROADMAP "Dataset format").

Plain Python, no Django: ``manage.py evaluate``, training jobs and notebooks all score the
same way. Values are compared after normalisation (phones E.164, emails lower-case, websites
by host without ``www.``, other text case-folded with collapsed spaces); list fields compare
as multisets, a single field counts as one value when present on either side.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers

from bizcard.pipeline.schema import FIELDS, LIST_FIELDS, SINGLE_FIELDS

DATASET_INDEX = "cards.jsonl"
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class DatasetError(ValueError):
    """The dataset folder or its ``cards.jsonl`` is missing or malformed."""


@dataclass(frozen=True)
class DatasetCard:
    """One labelled photo: ``image`` is resolved against the dataset folder."""

    image: Path
    fields: dict
    locale: str | None = None
    words: list[dict] | None = None

    @property
    def region(self) -> str | None:
        return region_of_locale(self.locale)


def load_dataset(folder: str | Path) -> list[DatasetCard]:
    """Read ``folder/cards.jsonl``; raises :class:`DatasetError` with the line at fault."""
    root = Path(folder)
    index = root / DATASET_INDEX
    if not root.is_dir():
        raise DatasetError(f"{root} is not a directory")
    if not index.is_file():
        raise DatasetError(f"{root} has no {DATASET_INDEX}")
    cards: list[DatasetCard] = []
    for number, line in enumerate(index.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            image, labelled = row["image"], row["fields"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise DatasetError(f"{index}:{number}: not a dataset line ({exc})") from exc
        if not isinstance(image, str) or not isinstance(labelled, dict):
            raise DatasetError(f"{index}:{number}: 'image' must be a path, 'fields' an object")
        unknown = set(labelled) - set(FIELDS)
        if unknown:
            raise DatasetError(f"{index}:{number}: unknown fields {sorted(unknown)}")
        cards.append(
            DatasetCard(
                image=root / image,
                fields=labelled,
                locale=row.get("locale"),
                words=row.get("words"),
            )
        )
    if not cards:
        raise DatasetError(f"{index} holds no cards")
    return cards


def region_of_locale(locale: str | None) -> str | None:
    """``"de_DE"`` / ``"pt-BR"`` -> ``"DE"`` / ``"BR"``; a bare language gives ``None``."""
    if not locale:
        return None
    parts = re.split(r"[_-]", locale)
    region = parts[-1].upper() if len(parts) > 1 else ""
    return region if len(region) == 2 and region.isalpha() else None


def normalize_phone(value: str, region: str | None = None) -> str:
    """E.164 when phonenumbers can parse it (``region`` for national numbers), else digits.

    Validity is not required: a well-formed number in an unassigned range still compares.
    """
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        digits = re.sub(r"\D", "", value)
        return ("+" + digits) if value.strip().startswith("+") and digits else digits
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_email(value: str) -> str:
    value = value.strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    return value.lower()


def normalize_website(value: str) -> str:
    """The host, lower-case, without ``www.``: ``https://www.Contoso.com/x`` -> ``contoso.com``."""
    value = value.strip()
    if not _SCHEME.match(value):
        value = "//" + value  # urlsplit finds the host only after "//"
    try:
        host = urlsplit(value).hostname or ""
    except ValueError:  # e.g. an unbalanced "[" read by OCR
        host = value.lstrip("/").split("/", 1)[0].lower()
    host = host.rstrip(".")
    return host[len("www.") :] if host.startswith("www.") else host


def normalize_text(value: str) -> str:
    return " ".join(value.casefold().split())


def normalize_values(field_name: str, value: object, region: str | None = None) -> list[str]:
    """A field's value as a list of normalised strings; empty values are dropped.

    Single fields give at most one value, list fields keep duplicates (multiset compare).
    """
    if field_name in LIST_FIELDS:
        raw = value if isinstance(value, list | tuple) else ([value] if value else [])
    elif field_name in SINGLE_FIELDS:
        raw = [value] if value else []
    else:
        raise KeyError(f"unknown field {field_name!r}")
    normalized: list[str] = []
    for item in raw:
        if item is None or not str(item).strip():
            continue
        text = str(item)
        if field_name in ("phones", "fax"):
            text = normalize_phone(text, region)
        elif field_name == "emails":
            text = normalize_email(text)
        elif field_name == "websites":
            text = normalize_website(text)
        else:
            text = normalize_text(text)
        if text:
            normalized.append(text)
    return normalized


@dataclass
class FieldScore:
    """Counts of matched (tp), extra (fp) and missed (fn) values for one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def correct(self) -> bool:
        return self.fp == 0 and self.fn == 0

    @property
    def support(self) -> int:
        """How many values the labels hold."""
        return self.tp + self.fn

    # An empty denominator means nothing was predicted / nothing was to be found: no error.
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0

    def to_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.support,
        }


def score_card(
    expected: Mapping[str, object], predicted: Mapping[str, object], *, region: str | None = None
) -> dict[str, FieldScore]:
    """Per-field counts for one card; a field missing from a mapping counts as empty."""
    scores: dict[str, FieldScore] = {}
    for name in FIELDS:
        want = Counter(normalize_values(name, expected.get(name), region))
        got = Counter(normalize_values(name, predicted.get(name), region))
        matched = sum((want & got).values())
        scores[name] = FieldScore(
            tp=matched, fp=sum(got.values()) - matched, fn=sum(want.values()) - matched
        )
    return scores


@dataclass(frozen=True)
class Prediction:
    """What the pipeline answered for one dataset card, and how long it took."""

    fields: Mapping[str, object]
    latency_ms: float
    error: dict | None = None  # {"code", "message"} when the photo could not be read


@dataclass
class CardOutcome:
    image: str
    scores: dict[str, FieldScore]
    latency_ms: float
    error: dict | None = None

    @property
    def all_right(self) -> bool:
        return self.error is None and all(score.correct for score in self.scores.values())


@dataclass
class EvaluationReport:
    fields: dict[str, FieldScore]
    cards: list[CardOutcome] = field(default_factory=list)

    @property
    def micro(self) -> FieldScore:
        total = FieldScore()
        for score in self.fields.values():
            total.add(score)
        return total

    @property
    def cards_all_right(self) -> float:
        """Share of cards with every field right (0..1)."""
        return sum(card.all_right for card in self.cards) / len(self.cards) if self.cards else 0.0

    def latency_ms(self, q: float) -> float:
        return percentile([card.latency_ms for card in self.cards], q)

    def to_dict(self) -> dict:
        micro = self.micro
        return {
            "cards": len(self.cards),
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "micro": micro.to_dict(),
            "micro_f1": round(micro.f1, 4),
            "cards_all_right": round(self.cards_all_right, 4),
            "latency_ms": {
                "p50": round(self.latency_ms(50), 1),
                "p95": round(self.latency_ms(95), 1),
            },
            "errors": [{"image": c.image, "error": c.error} for c in self.cards if c.error],
        }


def evaluate(cards: Sequence[DatasetCard], predictions: Sequence[Prediction]) -> EvaluationReport:
    """Score predictions against labelled cards, pairwise in order."""
    if len(cards) != len(predictions):
        raise ValueError(f"{len(cards)} cards but {len(predictions)} predictions")
    report = EvaluationReport(fields={name: FieldScore() for name in FIELDS})
    for card, prediction in zip(cards, predictions, strict=True):
        scores = score_card(card.fields, prediction.fields, region=card.region)
        for name, score in scores.items():
            report.fields[name].add(score)
        report.cards.append(
            CardOutcome(
                image=str(card.image),
                scores=scores,
                latency_ms=prediction.latency_ms,
                error=prediction.error,
            )
        )
    return report


def percentile(values: Iterable[float], q: float) -> float:
    """The q-th percentile (0..100), linear between closest ranks, as numpy's default."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)

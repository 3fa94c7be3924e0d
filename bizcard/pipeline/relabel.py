"""A value a person typed, turned into word labels: the words that spell it take its
field, so a corrected card is a training example."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence

from bizcard.pipeline.layout import reading_order
from bizcard.pipeline.schema import FIELD_TO_ENTITY, OUTSIDE, field_of
from bizcard.pipeline.types import Word

MAX_RUN_WORDS = 16
MIN_SIMILARITY = 0.8  # a typed value may fix OCR slips; the run read must be this close
_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def relabel(words: Sequence[Word], labels: Sequence[str],
            corrected: Mapping[str, object]) -> list[str]:
    """Labels where each corrected field's words (upright: :func:`layout.upright_words`)
    are those that spell its new value(s).

    Words the model gave a corrected field lose that label first. A person's value wins over
    any label the model gave the words that spell it; a value found nowhere on the card
    (typed from memory) labels nothing, so the example never teaches a wrong box.
    """
    result = list(labels)
    order = reading_order(words)
    claimed: set[int] = set()
    for field, value in corrected.items():
        entity = FIELD_TO_ENTITY[field]
        for i, label in enumerate(result):
            if field_of(label) == field and i not in claimed:
                result[i] = OUTSIDE
        values = value if isinstance(value, list) else [value] if value else []
        for text in values:
            run = _best_run(words, order, str(text), claimed)
            claimed.update(run)
            for n, i in enumerate(run):
                result[i] = f"{'B' if n == 0 else 'I'}-{entity}"
    return result


def _key(text: str) -> str:
    return _NOT_ALNUM.sub("", text).casefold()


def _best_run(words: Sequence[Word], order: list[int], value: str,
              claimed: set[int]) -> list[int]:
    """The run of consecutive words in reading order, none already claimed by another
    corrected value, whose text is closest to ``value``."""
    target = _key(value)
    if not target:
        return []
    best: list[int] = []
    best_score = MIN_SIMILARITY
    for start in range(len(order)):
        text = ""
        for end in range(start, min(start + MAX_RUN_WORDS, len(order))):
            if order[end] in claimed:
                break
            text += _key(words[order[end]].text)
            if len(text) > len(target) * 1.5:
                break
            score = difflib.SequenceMatcher(None, text, target).ratio()
            if score > best_score:
                best, best_score = order[start:end + 1], score
    return best

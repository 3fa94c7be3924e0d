"""Words into lines and segments in reading order, with the geometry classifiers need."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bizcard.pipeline.types import Word

# Words that separate items printed on one line ("T +1 555 | info@x.com | x.com").
SEPARATORS = frozenset({"|", "•", "·", "‖", "¦"})


@dataclass
class Segment:
    """Words of one line between separators, left to right: the unit classifiers label."""

    word_ids: list[int]
    words: list[Word]
    line_no: int  # index of the line in reading order

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def height(self) -> float:
        return sorted(word_height(w) for w in self.words)[len(self.words) // 2]

    @property
    def box(self) -> tuple[float, float, float, float]:
        boxes = [w.box for w in self.words]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))

    @property
    def center_y(self) -> float:
        _, y0, _, y1 = self.box
        return (y0 + y1) / 2


def word_height(word: Word) -> float:
    """Height along the word's own axis, so tilted words are not mistaken for big ones."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = word.quad
    return (math.dist((x0, y0), (x3, y3)) + math.dist((x1, y1), (x2, y2))) / 2


def reading_order_lines(words: Sequence[Word]) -> list[list[int]]:
    """Word indices grouped by OCR line, lines top to bottom, words left to right.

    Sorting by geometry, not by the order words arrived in, keeps results independent of
    the engine's (or a shuffled) word order.
    """
    by_line: dict[int, list[int]] = defaultdict(list)
    for index, word in enumerate(words):
        by_line[word.line].append(index)
    lines = [_along_the_line(ids, words) for ids in by_line.values()]

    def line_key(ids: list[int]) -> tuple[float, float]:
        tops = [words[i].box[1] for i in ids]
        bottoms = [words[i].box[3] for i in ids]
        return ((min(tops) + max(bottoms)) / 2, min(words[i].box[0] for i in ids))

    lines.sort(key=line_key)
    return lines


def _along_the_line(ids: list[int], words: Sequence[Word]) -> list[int]:
    """Left to right; top to bottom for a line that runs down (a card shot sideways)."""
    boxes = [words[i].box for i in ids]
    width = max(b[2] for b in boxes) - min(b[0] for b in boxes)
    height = max(b[3] for b in boxes) - min(b[1] for b in boxes)
    axis = 1 if len(ids) > 1 and height > width else 0
    return sorted(ids, key=lambda i: (words[i].box[axis], words[i].box[1 - axis]))


def segments(words: Sequence[Word]) -> list[Segment]:
    """Lines split at separator words; separators themselves belong to no segment."""
    result: list[Segment] = []
    for line_no, ids in enumerate(reading_order_lines(words)):
        current: list[int] = []
        for i in ids:
            if words[i].text.strip() in SEPARATORS:
                if current:
                    result.append(Segment(current, [words[j] for j in current], line_no))
                current = []
            else:
                current.append(i)
        if current:
            result.append(Segment(current, [words[j] for j in current], line_no))
    return result

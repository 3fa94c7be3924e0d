"""Words into lines and segments in reading order, with the geometry classifiers need."""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bizcard.pipeline import lexicon
from bizcard.pipeline.schema import CONTACT_ENTITIES, entity_of
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
    """Word indices grouped by OCR line, words left to right, lines column by column
    (:func:`_reading_order_lines`; each call gets lists of its own to change)."""
    return [list(line) for line in _reading_order_lines(tuple(words))]


# The classifiers and the card-level fixes ask for one card's lines dozens of times.
@functools.lru_cache(maxsize=8)
def _reading_order_lines(words: tuple[Word, ...]) -> tuple[tuple[int, ...], ...]:
    """Word indices grouped by OCR line, words left to right, lines column by column.

    A card set in columns (a name on the left, contact lines on the right, or either side
    of a vertical rule) is read one column after the other, so a name or address printed
    over two lines stays in one run instead of being interleaved with the other column's
    lines. Columns are runs of lines that overlap horizontally and follow closely one
    below the other; they are read in order of their first line, top to bottom, then left
    to right. Sorting by geometry, not by the order words arrived in, keeps results
    independent of the engine's (or a shuffled) word order.
    """
    by_line: dict[int, list[int]] = defaultdict(list)
    for index, word in enumerate(words):
        by_line[word.line].append(index)
    lines = _labels_joined_to_values(
        [_Line(_along_the_line(ids, words), words) for ids in by_line.values()], words)
    lines.sort(key=lambda line: (line.top, line.left))
    columns: list[list[_Line]] = []
    for line in lines:
        open_columns = [column for column in columns if column[-1].leads_to(line)]
        if open_columns:
            min(open_columns, key=lambda column: (line.top - column[-1].bottom,
                                                  column[-1].left)).append(line)
        else:
            columns.append([line])
    return tuple(tuple(line.ids) for column in columns for line in column)


MAX_COLUMN_GAP = 2.0  # line heights between two lines of one column
MAX_LABEL_GAP = 8.0  # label heights between a label printed apart and its value
MIN_LEVEL_OVERLAP = 0.5  # share of the lower line's height two lines side by side share


class _Line:
    """One OCR line's word indices and box."""

    def __init__(self, ids: list[int], words: Sequence[Word]) -> None:
        self.ids = ids
        boxes = [words[i].box for i in ids]
        self.left = min(b[0] for b in boxes)
        self.right = max(b[2] for b in boxes)
        self.top = min(b[1] for b in boxes)
        self.bottom = max(b[3] for b in boxes)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def leads_to(self, below: _Line) -> bool:
        """Whether ``below`` continues this line's column: it starts under this line's
        middle, overlaps it horizontally, and the gap is at most MAX_COLUMN_GAP heights."""
        middle = (self.top + self.bottom) / 2
        gap = below.top - self.bottom
        overlap = min(self.right, below.right) - max(self.left, below.left)
        return (below.top > middle and overlap > 0
                and gap <= MAX_COLUMN_GAP * max(self.height, below.height))


def _labels_joined_to_values(lines: list[_Line], words: Sequence[Word]) -> list[_Line]:
    """A column of labels printed apart from their values ("fax:" ... "657.760.1486"),
    which OCR reads as lines of their own: each label line joins the nearest line level
    with it on its right, so the label stands before its value in reading order."""
    def is_label(line: _Line) -> bool:
        return all(lexicon.contact_label(words[i].text) for i in line.ids)

    def level(label: _Line, value: _Line) -> bool:
        overlap = min(label.bottom, value.bottom) - max(label.top, value.top)
        return overlap >= MIN_LEVEL_OVERLAP * min(label.height, value.height)

    label_flags = [is_label(line) for line in lines]
    labels = [line for line, flag in zip(lines, label_flags, strict=True) if flag]
    values = [line for line, flag in zip(lines, label_flags, strict=True) if not flag]
    joined: dict[int, _Line] = {}  # value line index -> its label line
    for label in labels:
        beside = [n for n, value in enumerate(values)
                  if value.left >= label.right - label.height and level(label, value)
                  and value.left - label.right <= MAX_LABEL_GAP * label.height]
        if not beside:
            continue
        nearest = min(beside, key=lambda n: values[n].left)
        if nearest not in joined or joined[nearest].right < label.right:
            joined[nearest] = label
    taken = {id(label) for label in joined.values()}
    return [line for line in labels if id(line) not in taken] + [
        _Line(joined[n].ids + value.ids, words) if n in joined else value
        for n, value in enumerate(values)]


def _along_the_line(ids: list[int], words: Sequence[Word]) -> list[int]:
    """Left to right; top to bottom for a line that runs down (a card shot sideways)."""
    boxes = [words[i].box for i in ids]
    width = max(b[2] for b in boxes) - min(b[0] for b in boxes)
    height = max(b[3] for b in boxes) - min(b[1] for b in boxes)
    axis = 1 if len(ids) > 1 and height > width else 0
    return sorted(ids, key=lambda i: (words[i].box[axis], words[i].box[1 - axis]))


def reading_order(words: Sequence[Word]) -> list[int]:
    """Word indices in reading order: :func:`reading_order_lines`, one line after another."""
    return [i for line in reading_order_lines(words) for i in line]


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


def text_angle(words: Sequence[Word]) -> float:
    """The card's text direction in degrees (0: upright, 90: text running down, 180: upside
    down), from the words' top edges weighted by length. OCR quads keep the text's top-left
    corner first whichever way the card lies, so the angle covers the full circle."""
    x = y = 0.0
    for word in words:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = word.quad
        # Top and bottom edges together: one misplaced corner does not swing the angle.
        x += (x1 - x0) + (x2 - x3)
        y += (y1 - y0) + (y2 - y3)
    return math.degrees(math.atan2(y, x)) if x or y else 0.0


def upright_words(
    words: Sequence[Word], size: tuple[int, int]
) -> tuple[list[Word], tuple[int, int]]:
    """Words turned so their text runs left to right, with the size of the card turned alike.

    OCR reads a card lying sideways or upside down, but its boxes stay where the text lies
    on the image; reading order, "the biggest text" and a model's boxes all assume upright
    text. Words come back in the same order, so labels stay index-aligned.
    """
    angle = text_angle(words)
    if abs(angle) < 1.0:
        return list(words), size
    theta = math.radians(-angle)
    cos, sin = math.cos(theta), math.sin(theta)
    width, height = size
    cx, cy = width / 2, height / 2
    corners = [(0, 0), (width, 0), (width, height), (0, height)]

    def turn(x: float, y: float) -> tuple[float, float]:
        dx, dy = x - cx, y - cy
        return dx * cos - dy * sin, dx * sin + dy * cos

    turned = [turn(x, y) for x, y in corners]
    left = min(x for x, _ in turned)
    top = min(y for _, y in turned)
    new_size = (round(max(x for x, _ in turned) - left), round(max(y for _, y in turned) - top))
    result = []
    for word in words:
        quad = tuple((x - left, y - top) for x, y in (turn(px, py) for px, py in word.quad))
        result.append(Word(word.text, quad, word.confidence, word.line))  # type: ignore[arg-type]
    return result, new_size


def bio_repair(words: Sequence[Word], labels: list[str]) -> list[str]:
    """Well-formed BIO over upright ``words`` in reading order: an I- that follows no word of
    its entity starts it (B-), and a B- of a text entity right after a word of the same
    entity on the same line continues it (the model split "W2 6BD"), as does the first word
    of a line set right under a line of the same name, title or department ("Salih" over
    "Hettner"); contact items (two phone numbers on one line) keep their B-."""
    repaired = list(labels)
    previous: str | None = None
    previous_line: list[int] = []
    for line in reading_order_lines(words):
        for position, i in enumerate(line):
            entity = entity_of(repaired[i])
            if repaired[i].startswith("I-") and entity != previous:
                repaired[i] = f"B-{entity}"
            elif repaired[i].startswith("B-") and entity == previous and (
                    (position > 0 and entity not in CONTACT_ENTITIES)
                    or (position == 0 and entity in STACKED_ENTITIES
                        and right_under(words, previous_line, line))):
                repaired[i] = f"I-{entity}"
            previous = entity
        previous_line = line
    return repaired


# Values printed over two lines one right under the other: a long name, a long job title.
STACKED_ENTITIES = frozenset({"NAME", "POSITION", "DEPARTMENT"})


def right_under(words: Sequence[Word], above: list[int], below: list[int]) -> bool:
    """Whether line ``below`` starts within a line height under line ``above`` and overlaps
    it horizontally."""
    if not above:
        return False
    top, bottom = _Line(above, words), _Line(below, words)
    overlap = min(top.right, bottom.right) - max(top.left, bottom.left)
    return overlap > 0 and bottom.top - top.bottom < max(top.height, bottom.height)


def value_words(words: Sequence[Word], labels: Sequence[str], index: int) -> list[int]:
    """The words of the value ``words[index]`` belongs to: its run of one entity in reading
    order, from its B- word to the last I- word after it (just the word when it has no
    field). ``words`` upright."""
    entity = entity_of(labels[index])
    if entity is None:
        return [index]
    order = reading_order(words)
    position = order.index(index)
    start = position
    while labels[order[start]] != f"B-{entity}" and start > 0 \
            and entity_of(labels[order[start - 1]]) == entity:
        start -= 1
    end = position + 1
    while end < len(order) and labels[order[end]] == f"I-{entity}":
        end += 1
    return order[start:end]

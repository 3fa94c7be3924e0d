"""Drawing text on a card while recording every word's box and BIO label.

A line is a list of spans; each span's words share one entity. A span that ``continues`` an
entity begun on an earlier line (the second line of an address) labels its first word
``I-`` instead of ``B-``. Icon spans draw a pictogram and record no word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bizcard.pipeline.schema import OUTSIDE
from training.synth import fonts

RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]

# Font Awesome 4.7 code points for the pictograms cards put before contacts.
ICON_GLYPHS: dict[str, str] = {
    "office": "\uf095", "mobile": "\uf10b", "fax": "\uf1ac", "email": "\uf0e0",
    "website": "\uf0ac", "address": "\uf041", "linkedin": "\uf0e1", "twitter": "\uf099",
    "instagram": "\uf16d", "telegram": "\uf2c6", "xing": "\uf168",
}
MIN_FONT_PX = 18  # ~4.5 pt at 300 dpi: the smallest print a card uses
_FIT_STEPS = 12


@dataclass(frozen=True)
class Span:
    text: str
    entity: str | None = None
    continues: bool = False  # the entity began on an earlier line: the first word is I-
    icon: str | None = None  # an ICON_GLYPHS key ("" keeps the room of one): no words


@dataclass(frozen=True)
class TextStyle:
    font: Path
    size: int
    color: RGB
    tracking: float = 0.0  # extra room after each character, in multiples of the size

    @property
    def tracking_px(self) -> float:
        return self.tracking * self.size


@dataclass
class Line:
    spans: list[Span]
    style: TextStyle
    gap_before: float = 0.0  # extra room above the line, in multiples of its font size
    icon_color: RGB | None = None

    @property
    def text(self) -> str:
        return " ".join(span.text for span in self.spans if span.icon is None and span.text)


@dataclass(frozen=True)
class RenderedWord:
    text: str
    box: Box  # x0, y0, x1, y1 of the ink, in card pixels
    label: str


@dataclass
class CardCanvas:
    """A card image, the words drawn on it so far, and the fonts to fall back on."""

    size: tuple[int, int]
    paper: RGB
    fallback_font: Path  # used for a line the chosen face cannot print
    icon_font: Path | None = None
    leading: float = 1.3
    words: list[RenderedWord] = field(default_factory=list)
    printed: list[tuple[str, str]] = field(default_factory=list)  # (entity, text) per span

    def __post_init__(self) -> None:
        self.overflowed = False  # a block did not fit its box even at the smallest size
        self.image = Image.new("RGB", self.size, self.paper)
        self.draw = ImageDraw.Draw(self.image)

    @property
    def width(self) -> int:
        return self.size[0]

    @property
    def height(self) -> int:
        return self.size[1]

    def line_size(self, line: Line) -> tuple[float, float]:
        """Width and height (with leading) the line takes."""
        font = fonts.load(self._face(line), line.style.size)
        tracking = line.style.tracking_px
        width = 0.0
        space = _word_gap(font, tracking)
        for index, span in enumerate(line.spans):
            if index:
                width += space if line.spans[index - 1].icon is None else 0.0
            width += self._icon_width(line.style.size) if span.icon is not None else (
                _text_width(font, span.text, tracking))
        return width, line.style.size * self.leading * (1 + line.gap_before)

    def block_size(self, lines: Sequence[Line]) -> tuple[float, float]:
        sizes = [self.line_size(line) for line in lines]
        return max((w for w, _ in sizes), default=0.0), sum(h for _, h in sizes)

    def fit(self, lines: Sequence[Line], width: float, height: float) -> list[Line]:
        """The lines shrunk (never grown) to fit the box: a too-wide line alone, so a long
        address does not shrink the name, then the largest lines first for height, as a
        designer would. A one-line address far too wide wraps at a comma first."""
        fitted: list[Line] = []
        for line in lines:
            fitted += [self._fit_width(part, width) for part in self._wrap(line, width)]
        for _ in range(_FIT_STEPS):
            heights = [self.line_size(line)[1] for line in fitted]
            excess = sum(heights) - height
            if excess <= 0 or all(line.style.size == MIN_FONT_PX for line in fitted):
                break
            smallest = min(line.style.size for line in fitted)
            big = [line.style.size > smallest * 1.25 for line in fitted]
            if not any(big):
                big = [True] * len(fitted)
            big_h = sum(h for h, is_big in zip(heights, big, strict=True) if is_big)
            scale = max(0.6, min(0.97, 1 - excess / max(big_h, 1)))
            fitted = [_resized(line, scale) if is_big else line
                      for line, is_big in zip(fitted, big, strict=True)]
        if self.block_size(fitted)[1] > height * 1.02 or any(
                self.line_size(line)[0] > width * 1.02 for line in fitted):
            self.overflowed = True
        return fitted

    def _fit_width(self, line: Line, width: float) -> Line:
        for _ in range(_FIT_STEPS):
            line_w = self.line_size(line)[0]
            if line_w <= width or line.style.size == MIN_FONT_PX:
                break
            line = _resized(line, min(width / line_w, 0.97))
        return line

    def _wrap(self, line: Line, width: float) -> list[Line]:
        """An address line far too wide, split in two: between the parts of a one-line
        address (dropping the separator between them), or at the comma nearest its middle."""
        parts = [index for index, span in enumerate(line.spans) if span.entity == "ADDRESS"]
        if not parts or self.line_size(line)[0] <= width * 1.15:
            return [line]
        lead = [Span("", icon="")] if any(s.icon is not None for s in line.spans) else []
        if len(parts) > 1:
            cut = parts[len(parts) // 2]  # the first part of the second line
            first = replace(line, spans=line.spans[:cut - 1])
            second = replace(line, spans=[*lead, *line.spans[cut:]], gap_before=0.0)
            return [*self._wrap(first, width), *self._wrap(second, width)]
        last = line.spans[-1]
        if last.entity != "ADDRESS" or ", " not in last.text:
            return [line]
        pieces = last.text.split(", ")
        cut = max(1, min(len(pieces) - 1, round(len(pieces) / 2)))
        head, tail = ", ".join(pieces[:cut]), ", ".join(pieces[cut:])
        first = replace(line, spans=[*line.spans[:-1], replace(last, text=head)])
        second = replace(line, spans=[*lead, Span(tail, "ADDRESS", continues=True)],
                         gap_before=0.0)
        return [first, *self._wrap(second, width)]

    def text_block(self, lines: Sequence[Line], box: Box, *, halign: str = "left",
                   valign: str = "top") -> Box:
        """Draw lines inside ``box`` (shrinking them to fit); returns the box they took."""
        x0, y0, x1, y1 = box
        lines = self.fit([line for line in lines if line.spans], x1 - x0, y1 - y0)
        if not lines:
            return (x0, y0, x0, y0)
        block_h = self.block_size(lines)[1]
        top = {"top": y0, "middle": (y0 + y1 - block_h) / 2, "bottom": y1 - block_h}[valign]
        y = max(y0, top)
        used = [x1, y, x0, y]
        for line in lines:
            line_w, line_h = self.line_size(line)
            left = {"left": x0, "center": (x0 + x1 - line_w) / 2, "right": x1 - line_w}[halign]
            size = line.style.size
            baseline = y + line_h - size * (self.leading - 1) / 2 - size * 0.22
            self._draw_line(line, left, baseline)
            used = [min(used[0], left), used[1], max(used[2], left + line_w), y + line_h]
            y += line_h
        return (used[0], used[1], used[2], used[3])

    def _face(self, line: Line) -> Path:
        return line.style.font if fonts.draws_text(line.style.font, line.text) else (
            self.fallback_font)

    def _icon_width(self, size: int) -> float:
        if self.icon_font is None:
            return 0.0
        return fonts.load(self.icon_font, size).getlength(ICON_GLYPHS["office"]) + size * 0.55

    def _draw_line(self, line: Line, x: float, baseline: float) -> None:
        font = fonts.load(self._face(line), line.style.size)
        tracking = line.style.tracking_px
        space = _word_gap(font, tracking)
        for index, span in enumerate(line.spans):
            if index and line.spans[index - 1].icon is None:
                x += space
            if span.icon is not None:
                if span.icon and self.icon_font is not None:
                    icon = fonts.load(self.icon_font, int(line.style.size * 0.9))
                    self.draw.text((x, baseline), ICON_GLYPHS[span.icon], font=icon,
                                   fill=line.icon_color or line.style.color, anchor="ls")
                x += self._icon_width(line.style.size)
                continue
            if span.entity:
                self.printed.append((span.entity, span.text))
            for number, word in enumerate(span.text.split()):
                if number:
                    x += space
                box = self._draw_word(word, font, x, baseline, line.style)
                self.words.append(RenderedWord(word, box, _label(span, number)))
                x += _text_width(font, word, tracking)

    def _draw_word(self, word: str, font: ImageFont.FreeTypeFont, x: float, baseline: float,
                   style: TextStyle) -> Box:
        """Draw one word (letter by letter when it is letter-spaced); its ink box."""
        _, top, _, bottom = font.getbbox(word, anchor="ls")
        if not style.tracking:
            self.draw.text((x, baseline), word, font=font, fill=style.color, anchor="ls")
            left, _, right, _ = font.getbbox(word, anchor="ls")
            return (x + left, baseline + top, x + right, baseline + bottom)
        start, left = x, font.getbbox(word[0], anchor="ls")[0]
        for char in word[:-1]:
            self.draw.text((x, baseline), char, font=font, fill=style.color, anchor="ls")
            x += font.getlength(char) + style.tracking_px
        self.draw.text((x, baseline), word[-1], font=font, fill=style.color, anchor="ls")
        right = font.getbbox(word[-1], anchor="ls")[2]
        return (start + left, baseline + top, x + right, baseline + bottom)


def _text_width(font: ImageFont.FreeTypeFont, text: str, tracking: float) -> float:
    """The advance of ``text``, ``tracking`` px added after every character but the last."""
    return font.getlength(text) + tracking * max(0, len(text) - 1)


def _word_gap(font: ImageFont.FreeTypeFont, tracking: float) -> float:
    """The room between two words: a space, and the tracking after it and before it."""
    return font.getlength(" ") + 2 * tracking


def _resized(line: Line, scale: float) -> Line:
    size = max(MIN_FONT_PX, int(line.style.size * scale))
    return replace(line, style=replace(line.style, size=size))


def _label(span: Span, number: int) -> str:
    if not span.entity:
        return OUTSIDE
    return f"I-{span.entity}" if number or span.continues else f"B-{span.entity}"

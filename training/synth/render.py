"""Draw a card's content in one of many layouts, recording every word's box and BIO label."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from training.synth.content import CardContent, Span

# Debian packages whose fonts cover Latin and Cyrillic; the Makefile installs them.
REQUIRED_APT_FONT_PACKAGES = ("fonts-dejavu-core", "fonts-liberation", "fonts-noto-core")
FONT_FAMILIES = (  # (regular, bold) under /usr/share/fonts/truetype
    ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    ("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf"),
    ("noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf"),
    ("noto/NotoSerif-Regular.ttf", "noto/NotoSerif-Bold.ttf"),
)
FONT_ROOT = Path("/usr/share/fonts/truetype")
CARD_SIZES = ((1050, 600), (1004, 650), (1063, 591))  # 3.5x2 in, 85x55 mm, 90x50 mm
MARGIN = 48


@dataclass
class RenderedWord:
    text: str
    box: tuple[int, int, int, int]
    label: str


def available_fonts() -> list[tuple[Path, Path]]:
    fonts = [(FONT_ROOT / r, FONT_ROOT / b) for r, b in FONT_FAMILIES if (FONT_ROOT / r).is_file()]
    if not fonts:
        raise RuntimeError(
            f"No card fonts under {FONT_ROOT}: apt-get install "
            + " ".join(REQUIRED_APT_FONT_PACKAGES)
        )
    return [(r, b if b.is_file() else r) for r, b in fonts]


class _Canvas:
    """A card image plus the words drawn on it, labelled BIO by entity."""

    def __init__(self, rng: random.Random, size: tuple[int, int], fonts: tuple[Path, Path],
                 background: tuple[int, int, int], ink: tuple[int, int, int]) -> None:
        self.rng = rng
        self.image = Image.new("RGB", size, background)
        self.draw = ImageDraw.Draw(self.image)
        self.fonts = fonts
        self.ink = ink
        self.words: list[RenderedWord] = []
        self._open_entity: str | None = None  # an address continues across lines

    def font(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(self.fonts[1] if bold else self.fonts[0]), size)

    def line(self, spans: list[Span], x: float, y: float, *, size: int, align: str = "left",
             width: float | None = None, bold: bool = False, ink=None) -> float:
        """Draw one line of spans; returns the y below it. Shrinks to fit ``width``."""
        text = " ".join(span.text for span in spans)
        font = self.font(size, bold)
        while width and self.draw.textlength(text, font=font) > width and size > 12:
            size -= 2
            font = self.font(size, bold)
        line_width = self.draw.textlength(text, font=font)
        left = {"left": x, "center": x - line_width / 2, "right": x - line_width}[align]
        cursor = left
        for span in spans:
            for n, word in enumerate(span.text.split()):
                self._word(word, cursor, y, font, span.entity, continues=n > 0, ink=ink)
                cursor += self.draw.textlength(word + " ", font=font)
        return y + size * self.rng.uniform(1.3, 1.6)

    def _word(self, word: str, x: float, y: float, font, entity: str | None, *, continues: bool,
              ink) -> None:
        self.draw.text((x, y), word, font=font, fill=ink or self.ink)
        x0, y0, x1, y1 = self.draw.textbbox((x, y), word, font=font)
        if entity is None:
            label = "O"
        elif continues or (entity == "ADDRESS" and self._open_entity == "ADDRESS"):
            label = f"I-{entity}"
        else:
            label = f"B-{entity}"
        self._open_entity = entity if entity == "ADDRESS" else None
        self.words.append(RenderedWord(word, (x0, y0, x1, y1), label))

    def block(self, lines: list[list[Span]], x: float, y: float, *, size: int, **style) -> float:
        for spans in lines:
            y = self.line(spans, x, y, size=size, **style)
        return y


def render_card(rng: random.Random, content: CardContent) -> tuple[Image.Image, list[RenderedWord]]:
    """The card as an upright image and its labelled words, in one of the layouts."""
    fonts = rng.choice(available_fonts())
    dark = rng.random() < 0.15
    background = (tuple(rng.randint(15, 70) for _ in range(3)) if dark
                  else tuple(rng.randint(228, 255) for _ in range(3)))
    ink = (tuple(rng.randint(215, 250) for _ in range(3)) if dark
           else tuple(rng.randint(0, 70) for _ in range(3)))
    canvas = _Canvas(rng, rng.choice(CARD_SIZES), fonts, background, ink)  # type: ignore[arg-type]
    layout = rng.choice(list(LAYOUTS.values()))
    layout(canvas, content)
    if rng.random() < 0.1:
        _qr_code(canvas, content)
    return canvas.image, canvas.words


def _sizes(rng: random.Random) -> dict[str, int]:
    name = rng.randint(38, 52)
    return {"name": name, "company": rng.randint(28, name - 2), "sub": rng.randint(24, 30),
            "small": rng.randint(20, 25), "tag": rng.randint(17, 21)}


def _heading(content: CardContent) -> list[list[Span]]:
    return content.heading[1:]


def _left(canvas: _Canvas, content: CardContent, *, name_first: bool = False,
          joined: bool = False) -> None:
    s = _sizes(canvas.rng)
    width = canvas.image.width - 2 * MARGIN
    y = MARGIN
    if not name_first:
        y = canvas.line(content.company, MARGIN, y, size=s["company"], bold=True, width=width)
        if content.tagline:
            y = canvas.line(content.tagline, MARGIN, y, size=s["tag"], width=width)
        y += 12
    y = canvas.line(content.heading[0], MARGIN, y, size=s["name"], bold=True, width=width)
    y = canvas.block(_heading(content), MARGIN, y, size=s["sub"], width=width)
    if name_first:
        y = canvas.line(content.company, MARGIN, y + 6, size=s["company"], bold=True, width=width)
    contact = _joined(content.contact) if joined else content.contact
    canvas.block(contact + content.address, MARGIN, y + 14, size=s["small"], width=width)


def _centered(canvas: _Canvas, content: CardContent) -> None:
    s = _sizes(canvas.rng)
    middle, width = canvas.image.width / 2, canvas.image.width - 2 * MARGIN
    y = canvas.line(content.company, middle, MARGIN - 10, size=s["company"], bold=True,
                    align="center", width=width)
    y = canvas.line(content.heading[0], middle, y + 8, size=s["name"], bold=True,
                    align="center", width=width)
    y = canvas.block(_heading(content), middle, y, size=s["sub"], align="center", width=width)
    canvas.block(_joined(content.contact) + content.address, middle, y + 10, size=s["small"],
                 align="center", width=width)


def _right(canvas: _Canvas, content: CardContent) -> None:
    s = _sizes(canvas.rng)
    right, width = canvas.image.width - MARGIN, canvas.image.width - 2 * MARGIN
    y = canvas.line(content.heading[0], right, MARGIN, size=s["name"], bold=True, align="right",
                    width=width)
    y = canvas.block(_heading(content), right, y, size=s["sub"], align="right", width=width)
    y = canvas.block(content.contact + content.address, right, y + 14, size=s["small"],
                     align="right", width=width)
    canvas.line(content.company, right, y + 4, size=s["company"], bold=True, align="right",
                width=width)


def _two_columns(canvas: _Canvas, content: CardContent, *, separator: bool = False) -> None:
    s = _sizes(canvas.rng)
    half = canvas.image.width / 2
    width = half - MARGIN - 24
    y = canvas.line(content.company, MARGIN, MARGIN, size=s["company"], bold=True, width=width)
    y = canvas.line(content.heading[0], MARGIN, y + 30, size=s["name"], bold=True, width=width)
    canvas.block(_heading(content), MARGIN, y, size=s["sub"], width=width)
    if separator:
        canvas.draw.line([(half, MARGIN), (half, canvas.image.height - MARGIN)], fill=canvas.ink,
                         width=2)
    canvas.block(content.contact + content.address, half + 24, MARGIN + 20, size=s["small"] - 2,
                 width=width)


def _band(canvas: _Canvas, content: CardContent, *, side: bool = False) -> None:
    s = _sizes(canvas.rng)
    colour = tuple(canvas.rng.randint(0, 140) for _ in range(3))
    light = (250, 250, 250)
    if side:
        panel = int(canvas.image.width * 0.3)
        canvas.draw.rectangle([0, 0, panel, canvas.image.height], fill=colour)
        canvas.line(content.company, 20, canvas.image.height / 2 - 20, size=s["company"] - 4,
                    bold=True, width=panel - 40, ink=light)
        left, width = panel + 36, canvas.image.width - panel - 36 - MARGIN
        y = MARGIN
    else:
        canvas.draw.rectangle([0, 0, canvas.image.width, 120], fill=colour)
        canvas.line(content.company, MARGIN, 38, size=s["company"], bold=True,
                    width=canvas.image.width - 2 * MARGIN, ink=light)
        left, width, y = MARGIN, canvas.image.width - 2 * MARGIN, 140
    y = canvas.line(content.heading[0], left, y, size=s["name"], bold=True, width=width)
    y = canvas.block(_heading(content), left, y, size=s["sub"], width=width)
    canvas.block(content.contact + content.address, left, y + 10, size=s["small"] - 2,
                 width=width)


def _logo(canvas: _Canvas, content: CardContent) -> None:
    s = _sizes(canvas.rng)
    colour = tuple(canvas.rng.randint(0, 200) for _ in range(3))
    box = (MARGIN, MARGIN, MARGIN + 70, MARGIN + 70)
    if canvas.rng.random() < 0.5:
        canvas.draw.ellipse(box, fill=colour)
    else:
        canvas.draw.rectangle(box, fill=colour)
    width = canvas.image.width - 2 * MARGIN - 90
    canvas.line(content.company, MARGIN + 90, MARGIN + 14, size=s["company"], bold=True,
                width=width)
    y = canvas.line(content.heading[0], MARGIN, MARGIN + 100, size=s["name"], bold=True,
                    width=canvas.image.width - 2 * MARGIN)
    y = canvas.block(_heading(content), MARGIN, y, size=s["sub"])
    canvas.block(_joined(content.contact) + content.address, MARGIN, y + 10,
                 size=s["small"] - 2, width=canvas.image.width - 2 * MARGIN)


def _joined(contact: list[list[Span]]) -> list[list[Span]]:
    """Contact items on one or two lines, joined with " | " (a separator word, label O)."""
    if len(contact) < 2:
        return contact
    middle = (len(contact) + 1) // 2
    lines = []
    for group in (contact[:middle], contact[middle:]):
        line: list[Span] = []
        for item in group:
            if line:
                line.append(Span("|", None))
            line.extend(item)
        lines.append(line)
    return lines


def _qr_code(canvas: _Canvas, content: CardContent) -> None:
    """A QR code in the bottom-right corner: a vCard of the card, or just the website."""
    fields = content.fields
    payload = (f"BEGIN:VCARD\nVERSION:3.0\nFN:{fields['full_name']}\nEMAIL:{fields['emails'][0]}"
               "\nEND:VCARD") if canvas.rng.random() < 0.5 else (fields["websites"] or ["x"])[0]
    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode).to_image(scale=3)
    qr = Image.fromarray(code).convert("RGB")
    x, y = canvas.image.width - qr.width - 20, canvas.image.height - qr.height - 20
    if any(b[2] > x and b[3] > y for b in (w.box for w in canvas.words)):
        return  # no room: a code over text would hide labelled words
    canvas.image.paste(qr, (x, y))


LAYOUTS: dict[str, Callable[[_Canvas, CardContent], None]] = {
    "left": _left,
    "left-name-first": lambda c, t: _left(c, t, name_first=True),
    "centered": _centered,
    "right": _right,
    "two-columns": _two_columns,
    "two-columns-separator": lambda c, t: _two_columns(c, t, separator=True),
    "header-band": _band,
    "side-panel": lambda c, t: _band(c, t, side=True),
    "logo": _logo,
    "bars": lambda c, t: _left(c, t, joined=True),
}

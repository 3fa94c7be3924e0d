"""Card designs: palette, fonts and sizes per card, and the layouts that place the text.

Each layout splits the card into boxes that do not overlap and fills each with a text block
(``CardCanvas.text_block`` shrinks a block to its box), so words never collide. A QR code
goes into a corner no word touches, or is left out.
"""

from __future__ import annotations

import colorsys
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import zxingcpp
from PIL import Image

from training.synth import fonts
from training.synth.content import PHONE_KINDS, CardContent, ContactItem
from training.synth.render import RGB, Box, CardCanvas, Line, RenderedWord, Span, TextStyle

# Card sizes at ~300 dpi: ISO 85x55 mm, 90x50 mm (Europe), 3.5x2 in (US), 90x55 mm, 85x54 mm.
CARD_SIZES: tuple[tuple[int, int], ...] = ((1004, 650), (1063, 591), (1050, 600), (1063, 650),
                                           (1004, 638))
PORTRAIT_SHARE = 0.15
DARK_SHARE = 0.1  # dark paper outside the "dark" layout too
SPACED_NAME_SHARE = 0.04  # a letter-spaced name in capitals outside the "spaced_name" layout
TRACKING = (0.08, 0.25)  # letter spacing of a spaced role, in multiples of its size
# Position and department on one line: the word between them (labelled O); "," sticks to
# the first value as printed. "" keeps them on two lines.
TITLE_JOINERS = ("", ",", "|", "·", "–", "/")
TITLE_JOINER_WEIGHTS = (0.5, 0.14, 0.1, 0.1, 0.08, 0.08)
# Between street, postcode and city, and country on a one-line address ("," joins them
# into one value as the field does; the others are words of their own, labelled O).
ADDRESS_SEPARATORS = (",", ",", ",", "·", "|", "–")
# Font size of each role as a share of the card's short side, (low, high).
ROLE_SIZES: dict[str, tuple[float, float]] = {
    "name": (0.08, 0.12), "company": (0.06, 0.11), "position": (0.048, 0.062),
    "department": (0.044, 0.056), "contact": (0.042, 0.056), "tagline": (0.036, 0.048),
    "legal": (0.028, 0.034), "monogram": (0.09, 0.13),
}


@dataclass
class Design:
    """How one card looks: colours, faces per role, sizes, and how contacts are set."""

    size: tuple[int, int]
    paper: RGB
    ink: RGB
    muted: RGB
    accent: RGB
    on_accent: RGB  # text colour readable on the accent colour
    faces: dict[str, Path]  # role -> font file
    sizes: dict[str, int]  # role -> px
    margin: int
    joined: bool  # contacts run on in lines, split by ``separator``
    separator: str
    address_one_line: bool
    address_separator: str
    title_joiner: str
    department_first: bool
    company_first: bool
    accent_name: bool
    icon_font: Path | None
    spaced: tuple[str, ...] = ()  # roles set in letter-spaced capitals ("name", "company")
    tracking: float = 0.0

    @property
    def width(self) -> int:
        return self.size[0]

    @property
    def height(self) -> int:
        return self.size[1]

    def style(self, role: str, color: RGB | None = None) -> TextStyle:
        tracking = self.tracking if role in self.spaced else 0.0
        return TextStyle(self.faces[role], self.sizes[role], color or self.role_color(role),
                         tracking)

    def printed(self, content: CardContent) -> CardContent:
        """The content as this design prints it: spaced roles in capitals."""
        name_lines, company = content.name_lines, content.company
        if "name" in self.spaced:
            name_lines = [line.upper() for line in name_lines]
        if "company" in self.spaced and company:
            company = company.upper()
        return replace(content, name_lines=name_lines, company=company)

    def role_color(self, role: str) -> RGB:
        if role == "name" and self.accent_name:
            return self.accent
        if role == "company" and self.accent_name:
            return self.ink
        if role in ("position", "department", "tagline", "legal"):
            return self.muted
        return self.ink


def make_design(rng: random.Random, content: CardContent, *, dark: bool, portrait: bool,
                spaced: tuple[str, ...] = ()) -> Design:
    """A random design; ``spaced`` roles are set in letter-spaced capitals."""
    width, height = rng.choice(CARD_SIZES)
    scale = rng.uniform(0.9, 1.2)
    width, height = int(width * scale), int(height * scale)
    if portrait:
        width, height = height, width
    short = min(width, height)
    hue = rng.random()
    accent = _hsv(hue, rng.uniform(0.35, 0.9), rng.uniform(0.3, 0.75))
    if dark:
        paper = _hsv(hue if rng.random() < 0.5 else rng.random(), rng.uniform(0, 0.5),
                     rng.uniform(0.05, 0.25))
        ink = _hsv(0, 0, rng.uniform(0.88, 1.0))
        muted = _hsv(0, 0, rng.uniform(0.7, 0.82))
        accent = _hsv(hue, rng.uniform(0.3, 0.7), rng.uniform(0.75, 0.95))
    else:
        paper = rng.choice([(255, 255, 255), (255, 255, 255), _hsv(rng.random(), 0.06, 0.98),
                            _hsv(0.12, rng.uniform(0.05, 0.12), 0.97),
                            _hsv(0, 0, rng.uniform(0.92, 0.97))])
        ink = rng.choice([(20, 20, 20), (0, 0, 0), (45, 45, 50), _hsv(hue, 0.5, 0.2),
                          _hsv(0.62, 0.6, 0.25)])
        muted = _hsv(0, 0, rng.uniform(0.3, 0.45)) if rng.random() < 0.6 else ink
    on_accent = (255, 255, 255) if _luma(accent) < 0.55 else (20, 20, 20)
    families = fonts.families_for(content.script)
    heading = rng.choice(families)
    body = heading if rng.random() < 0.5 else rng.choice(
        [f for f in families if not f.serif] or families)
    weights = {
        "name": rng.choices(["bold", "regular", "light"], [0.6, 0.3, 0.1])[0],
        "company": rng.choices(["bold", "regular"], [0.65, 0.35])[0],
        "position": rng.choices(["regular", "italic", "bold"], [0.6, 0.25, 0.15])[0],
        "department": rng.choices(["regular", "italic"], [0.75, 0.25])[0],
        "contact": rng.choices(["regular", "light"], [0.85, 0.15])[0],
        "tagline": rng.choice(["italic", "regular"]),
        "legal": "regular", "monogram": "bold",
    }
    on_heading = {"name", "company", "monogram"}
    faces = {role: (heading if role in on_heading else body).face(weight)
             for role, weight in weights.items()}
    sizes = {role: int(short * rng.uniform(low, high)) for role, (low, high) in ROLE_SIZES.items()}
    if rng.random() < 0.25:
        sizes["company"] = int(sizes["name"] * rng.uniform(1.0, 1.3))  # a company-led design
    if len(content.name_lines) > 1:
        sizes["name"] = int(sizes["name"] * rng.uniform(1.1, 1.4))  # a name over two lines
    if not spaced and rng.random() < SPACED_NAME_SHARE:
        spaced = ("name",)
    icon_font = fonts.icon_font_path()
    return Design(
        size=(width, height), paper=paper, ink=ink, muted=muted, accent=accent,
        on_accent=on_accent, faces=faces, sizes=sizes,
        margin=int(short * rng.uniform(0.06, 0.11)),
        joined=rng.random() < 0.3,
        separator=rng.choice(["|", "|", "·", "•", "/"]),
        address_one_line=rng.random() < 0.4,
        address_separator=rng.choice(ADDRESS_SEPARATORS),
        title_joiner=rng.choices(TITLE_JOINERS, TITLE_JOINER_WEIGHTS)[0],
        department_first=rng.random() < 0.25,
        company_first=rng.random() < 0.45,
        accent_name=rng.random() < 0.25 and not dark,
        icon_font=icon_font,
        spaced=spaced,
        tracking=rng.uniform(*TRACKING) if spaced else 0.0,
    )


def _hsv(h: float, s: float, v: float) -> RGB:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
    return int(r * 255), int(g * 255), int(b * 255)


def _luma(color: RGB) -> float:
    r, g, b = color
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255


# Blocks of lines, shared by the layouts.

def identity_lines(c: CardContent, d: Design, color: RGB | None = None,
                   muted: RGB | None = None) -> list[Line]:
    lines = [Line([Span(text, "NAME", continues=i > 0)], d.style("name", color))
             for i, text in enumerate(c.name_lines)]
    return lines + title_lines(c, d, muted or color)


def title_lines(c: CardContent, d: Design, color: RGB | None = None) -> list[Line]:
    """Position and department: on two lines, or on one joined by the design's word
    between them; the department first on some designs."""
    titles = [(role, text) for role, text in (("position", c.position),
                                              ("department", c.department)) if text]
    if d.department_first:
        titles.reverse()
    if d.title_joiner and len(titles) == 2:
        (first_role, first), (second_role, second) = titles
        if d.title_joiner == ",":
            spans = [Span(f"{first},", first_role.upper()), Span(second, second_role.upper())]
        else:
            spans = [Span(first, first_role.upper()), Span(d.title_joiner),
                     Span(second, second_role.upper())]
        return [Line(spans, d.style("position", color), gap_before=0.15)]
    return [Line([Span(text, role.upper())], d.style(role, color),
                 gap_before=0.15 if index == 0 else 0.0)
            for index, (role, text) in enumerate(titles)]


def company_lines(c: CardContent, d: Design, color: RGB | None = None,
                  muted: RGB | None = None, tagline: bool = True) -> list[Line]:
    lines = []
    if c.company:
        lines.append(Line([Span(c.company, "COMPANY")], d.style("company", color)))
    if tagline and c.tagline:
        lines.append(Line([Span(c.tagline)], d.style("tagline", muted or color)))
    return lines


_NUMBER_KINDS = (*PHONE_KINDS, "fax")


def _item_spans(item: ContactItem, d: Design) -> list[Span]:
    spans = []
    if item.icon and d.icon_font is not None:
        spans.append(Span("", icon=item.kind))
    if item.prefix:
        spans.append(Span(item.prefix))
    spans.append(Span(item.text, item.entity))
    return spans


def contact_lines(c: CardContent, d: Design, color: RGB | None = None, *,
                  joined: bool | None = None, address: bool = True,
                  one_line_address: bool | None = None) -> list[Line]:
    """Phones, e-mails, websites and handles (one per line, or run on), then the address."""
    style = d.style("contact", color)
    icon_color = d.accent if color is None and _contrast(d.accent, d.paper) > 0.3 else None
    joined = d.joined if joined is None else joined
    lines: list[Line] = []
    if joined:
        groups: list[list[ContactItem]] = [[]]
        for item in c.contacts:
            group = groups[-1]
            length = sum(len(i.text) + len(i.prefix) + 3 for i in group)
            new_kind = group and (item.kind in _NUMBER_KINDS) != (
                group[-1].kind in _NUMBER_KINDS)
            if group and (length + len(item.text) > 46 or (new_kind and length > 24)):
                groups.append([])
            groups[-1].append(item)
        for group in groups:
            spans: list[Span] = []
            for item in group:
                if spans:
                    spans.append(Span(d.separator))
                spans.extend(_item_spans(item, d))
            lines.append(Line(spans, style, icon_color=icon_color))
    else:
        lines = item_lines(c.contacts, d, color)
    if address and c.address_lines:
        lines += address_lines(c, d, color, one_line=one_line_address, gap=0.35 if lines else 0)
    return lines


def item_lines(items: list[ContactItem], d: Design, color: RGB | None = None) -> list[Line]:
    """One contact per line."""
    icon_color = d.accent if color is None and _contrast(d.accent, d.paper) > 0.3 else None
    return [Line(_item_spans(item, d), d.style("contact", color), icon_color=icon_color)
            for item in items]


def address_lines(c: CardContent, d: Design, color: RGB | None = None, *,
                  one_line: bool | None = None, gap: float = 0.0) -> list[Line]:
    if not c.address_lines:
        return []
    style = d.style("contact", color)
    one_line = d.address_one_line if one_line is None else one_line
    rows = [c.address_lines] if one_line else [[line] for line in c.address_lines]
    icons = c.address_icon and d.icon_font is not None
    lines = []
    for index, parts in enumerate(rows):
        spans = []
        if icons:
            spans.append(Span("", icon="address" if index == 0 else ""))
        if index == 0 and c.address_prefix:
            spans.append(Span(c.address_prefix))
        spans += _address_spans(parts, d.address_separator, continues=index > 0)
        lines.append(Line(spans, style, gap_before=gap if index == 0 else 0.0,
                          icon_color=d.accent if color is None else None))
    return lines


def _address_spans(parts: list[str], separator: str, *, continues: bool) -> list[Span]:
    """Address parts on one line: joined by ", " into one span, or each a span of its own
    with the separator word between them (the field joins them with ", " again)."""
    if separator == ",":
        return [Span(", ".join(parts), "ADDRESS", continues=continues)]
    spans = [Span(parts[0], "ADDRESS", continues=continues)]
    for part in parts[1:]:
        spans += [Span(separator), Span(part, "ADDRESS")]
    return spans


def legal_lines(c: CardContent, d: Design, color: RGB | None = None) -> list[Line]:
    return [Line([Span(c.legal)], d.style("legal", color))] if c.legal else []


def _then(first: list[Line], *rest: list[Line], gap: float = 0.5) -> list[Line]:
    """Blocks one after another, a little room between them."""
    lines = list(first)
    for block in rest:
        if block and lines:
            block = [replace(block[0], gap_before=block[0].gap_before + gap), *block[1:]]
        lines += block
    return lines


def _contrast(a: RGB, b: RGB) -> float:
    return abs(_luma(a) - _luma(b))


# Decorations: drawn before the text, kept inside the margins or behind nothing.

def draw_logo(canvas: CardCanvas, box: Box, d: Design, rng: random.Random,
              monogram: str) -> None:
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    square = (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
    letters = monogram[:rng.choice([1, 2])]
    kind = rng.choice(["circle", "square", "rings", "diamond", "bars", "letters"])
    draw = canvas.draw
    if kind == "letters" and letters:  # the initials alone, large: OCR reads a short word (O)
        style = TextStyle(d.faces["monogram"], int(side * 0.8), d.accent)
        canvas.text_block([Line([Span(letters)], style)], square, halign="center",
                          valign="middle")
        return
    if kind in ("circle", "letters"):
        draw.ellipse(square, fill=d.accent)
    elif kind == "square":
        draw.rounded_rectangle(square, radius=side * 0.18, fill=d.accent)
    elif kind == "rings":
        for k in range(3):
            inset = side * (0.05 + 0.14 * k)
            draw.ellipse((square[0] + inset, square[1] + inset, square[2] - inset,
                          square[3] - inset), outline=d.accent, width=max(2, int(side * 0.07)))
        return
    elif kind == "diamond":
        draw.polygon([(cx, square[1]), (square[2], cy), (cx, square[3]), (square[0], cy)],
                     fill=d.accent)
    else:
        for k in range(3):
            top = square[1] + side * (0.1 + 0.3 * k)
            draw.rectangle((square[0] + side * 0.15 * k, top, square[2], top + side * 0.2),
                           fill=d.accent)
        return
    if letters and rng.random() < 0.7:
        style = TextStyle(d.faces["monogram"], int(side * 0.42), d.on_accent)
        inner = side * 0.22
        canvas.text_block([Line([Span(letters)], style)],
                          (square[0] + inner, square[1] + inner, square[2] - inner,
                           square[3] - inner), halign="center", valign="middle")


def _on_accent(d: Design) -> Design:
    """The design for a logo on an accent-coloured area: a light mark, accent initials."""
    return replace(d, accent=d.on_accent, on_accent=d.accent)


def decorate(canvas: CardCanvas, d: Design, rng: random.Random) -> None:
    """Thin stripes, frames or a faint watermark: inside the margins, or under nothing."""
    w, h, m = d.width, d.height, d.margin
    draw = canvas.draw
    kind = rng.choices(["none", "top", "bottom", "left", "frame", "corner", "watermark"],
                       [0.35, 0.12, 0.12, 0.1, 0.1, 0.1, 0.11])[0]
    thick = max(3, int(m * rng.uniform(0.15, 0.45)))
    if kind == "top":
        draw.rectangle((0, 0, w, thick), fill=d.accent)
    elif kind == "bottom":
        draw.rectangle((0, h - thick, w, h), fill=d.accent)
    elif kind == "left":
        draw.rectangle((0, 0, thick, h), fill=d.accent)
    elif kind == "frame":
        inset = m * 0.4
        draw.rectangle((inset, inset, w - inset, h - inset), outline=d.accent,
                       width=max(2, thick // 3))
    elif kind == "corner":
        size = m * 0.8
        draw.polygon([(w - size, 0), (w, 0), (w, size)], fill=d.accent)
        draw.polygon([(0, h - size), (0, h), (size, h)], fill=d.accent)
    elif kind == "watermark":
        tint = tuple(int(p * 0.93 + a * 0.07) for p, a in zip(d.paper, d.accent, strict=True))
        radius = h * rng.uniform(0.4, 0.7)
        cx, cy = w * rng.uniform(0.6, 1.0), h * rng.uniform(0.3, 1.0)
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=tint,
                     width=max(2, int(h * 0.01)), fill=None if rng.random() < 0.5 else tint)


# The layouts. Each gets the canvas, the content, the design and the rng.

def _inner(d: Design) -> Box:
    m = d.margin
    return (m, m, d.width - m, d.height - m)


def layout_left(canvas: CardCanvas, c: CardContent, d: Design, rng: random.Random) -> None:
    x0, y0, x1, y1 = _inner(d)
    split = y0 + (y1 - y0) * rng.uniform(0.42, 0.52)
    top = _then(company_lines(c, d), identity_lines(c, d)) if d.company_first else _then(
        identity_lines(c, d), company_lines(c, d))
    canvas.text_block(top, (x0, y0, x1, split), valign="top")
    bottom = _then(contact_lines(c, d), legal_lines(c, d), gap=0.3)
    canvas.text_block(bottom, (x0, split + d.margin * 0.3, x1, y1), valign="bottom")


def layout_centered(canvas: CardCanvas, c: CardContent, d: Design, rng: random.Random) -> None:
    x0, y0, x1, y1 = _inner(d)
    h = y1 - y0
    first, second = (company_lines(c, d), identity_lines(c, d)) if d.company_first else (
        identity_lines(c, d), company_lines(c, d))
    canvas.text_block(first, (x0, y0, x1, y0 + h * 0.3), halign="center", valign="top")
    canvas.text_block(second, (x0, y0 + h * 0.31, x1, y0 + h * 0.58), halign="center",
                      valign="middle")
    bottom = _then(contact_lines(c, d, joined=rng.random() < 0.6, one_line_address=True),
                   legal_lines(c, d), gap=0.3)
    canvas.text_block(bottom, (x0, y0 + h * 0.6, x1, y1), halign="center", valign="bottom")


def layout_right(canvas: CardCanvas, c: CardContent, d: Design, rng: random.Random) -> None:
    x0, y0, x1, y1 = _inner(d)
    h, w = y1 - y0, x1 - x0
    logo = rng.random() < 0.5
    if logo:
        side = h * 0.28
        draw_logo(canvas, (x0, y0, x0 + side, y0 + side), d, rng, c.monogram)
    canvas.text_block(identity_lines(c, d), (x0 + (w * 0.35 if logo else 0), y0, x1,
                                             y0 + h * 0.45), halign="right")
    bottom = _then(contact_lines(c, d), company_lines(c, d, tagline=False), legal_lines(c, d))
    canvas.text_block(bottom, (x0, y0 + h * 0.48, x1, y1), halign="right", valign="bottom")


def layout_two_columns(canvas: CardCanvas, c: CardContent, d: Design,
                       rng: random.Random) -> None:
    x0, y0, x1, y1 = _inner(d)
    h, w = y1 - y0, x1 - x0
    split = x0 + w * rng.uniform(0.48, 0.56)
    gutter = d.margin * 0.4
    canvas.text_block(identity_lines(c, d), (x0, y0, split - gutter, y0 + h * 0.5))
    left_bottom = _then(company_lines(c, d), address_lines(c, d), gap=0.2)
    canvas.text_block(left_bottom, (x0, y0 + h * 0.53, split - gutter, y1), valign="bottom")
    right = _then(contact_lines(c, d, address=False, joined=False), legal_lines(c, d))
    canvas.text_block(right, (split + gutter, y0, x1, y1),
                      halign=rng.choice(["left", "right"]), valign=rng.choice(["top", "middle"]))


def layout_header_band(canvas: CardCanvas, c: CardContent, d: Design,
                       rng: random.Random) -> None:
    w, h, m = d.width, d.height, d.margin
    band = h * rng.uniform(0.24, 0.33)
    canvas.draw.rectangle((0, 0, w, band), fill=d.accent)
    align = rng.choice(["left", "center"])
    canvas.text_block(company_lines(c, d, d.on_accent), (m, m * 0.5, w - m, band - m * 0.4),
                      halign=align, valign="middle")
    below = (m, band + m * 0.6, w - m, h - m)
    if d.width > d.height and rng.random() < 0.6:
        mid = w * 0.5
        canvas.text_block(identity_lines(c, d), (below[0], below[1], mid - m * 0.3, below[3]),
                          valign="top")
        canvas.text_block(_then(contact_lines(c, d), legal_lines(c, d)),
                          (mid + m * 0.3, below[1], below[2], below[3]), valign="bottom")
    else:
        lines = _then(identity_lines(c, d), contact_lines(c, d), legal_lines(c, d))
        canvas.text_block(lines, below, halign=align, valign="top")


def layout_side_panel(canvas: CardCanvas, c: CardContent, d: Design,
                      rng: random.Random) -> None:
    w, h, m = d.width, d.height, d.margin
    panel = w * rng.uniform(0.3, 0.38)
    on_left = rng.random() < 0.6
    px0, px1 = (0, panel) if on_left else (w - panel, w)
    canvas.draw.rectangle((px0, 0, px1, h), fill=d.accent)
    side = min(panel - 2 * m, h * 0.3)
    logo_box = ((px0 + px1 - side) / 2, m, (px0 + px1 + side) / 2, m + side)
    draw_logo(canvas, logo_box, _on_accent(d), rng, c.monogram)
    canvas.text_block(company_lines(c, d, d.on_accent),
                      (px0 + m * 0.6, m * 1.5 + side, px1 - m * 0.6, h - m), halign="center",
                      valign="middle")
    x0, x1 = (panel + m, w - m) if on_left else (m, w - panel - m)
    canvas.text_block(identity_lines(c, d), (x0, m, x1, h * 0.45))
    canvas.text_block(_then(contact_lines(c, d), legal_lines(c, d)), (x0, h * 0.5, x1, h - m),
                      valign="bottom")


def layout_dark(canvas: CardCanvas, c: CardContent, d: Design, rng: random.Random) -> None:
    x0, y0, x1, y1 = _inner(d)
    h = y1 - y0
    used = canvas.text_block(identity_lines(c, d), (x0, y0, x1, y0 + h * 0.42))
    rule_y = used[3] + d.margin * 0.25
    canvas.draw.rectangle((x0, rule_y, x0 + (x1 - x0) * 0.18, rule_y + max(2, h * 0.012)),
                          fill=d.accent)
    bottom = _then(company_lines(c, d, d.accent, tagline=False), contact_lines(c, d),
                   legal_lines(c, d), gap=0.35)
    canvas.text_block(bottom, (x0, rule_y + d.margin * 0.5, x1, y1), valign="bottom",
                      halign=rng.choice(["left", "right"]))


def layout_logo_block(canvas: CardCanvas, c: CardContent, d: Design,
                      rng: random.Random) -> None:
    x0, y0, x1, y1 = _inner(d)
    h, w = y1 - y0, x1 - x0
    side = h * rng.uniform(0.22, 0.3)
    draw_logo(canvas, (x0, y0, x0 + side, y0 + side), d, rng, c.monogram)
    canvas.text_block(company_lines(c, d), (x0 + side + d.margin * 0.4, y0, x1, y0 + side),
                      valign="middle")
    rest_top = y0 + side + d.margin * 0.5
    if d.width > d.height:
        canvas.text_block(identity_lines(c, d), (x0, rest_top, x0 + w * 0.5, y1),
                          valign="bottom")
        canvas.text_block(_then(contact_lines(c, d), legal_lines(c, d)),
                          (x0 + w * 0.53, rest_top, x1, y1), valign="bottom",
                          halign=rng.choice(["left", "right"]))
    else:
        canvas.text_block(_then(identity_lines(c, d), contact_lines(c, d), legal_lines(c, d)),
                          (x0, rest_top, x1, y1), valign="top")


def layout_vertical_separator(canvas: CardCanvas, c: CardContent, d: Design,
                              rng: random.Random) -> None:
    x0, y0, x1, y1 = _inner(d)
    split = x0 + (x1 - x0) * rng.uniform(0.45, 0.55)
    gutter = d.margin * 0.45
    canvas.draw.rectangle((split - 1, y0 + d.margin * 0.2, split + 1, y1 - d.margin * 0.2),
                          fill=d.accent)
    left = _then(company_lines(c, d), identity_lines(c, d), gap=0.9) if d.company_first else (
        _then(identity_lines(c, d), company_lines(c, d), gap=0.9))
    canvas.text_block(left, (x0, y0, split - gutter, y1), halign=rng.choice(["left", "right"]),
                      valign="middle")
    canvas.text_block(_then(contact_lines(c, d, joined=False), legal_lines(c, d)),
                      (split + gutter, y0, x1, y1), valign="middle")


def layout_footer_joined(canvas: CardCanvas, c: CardContent, d: Design,
                         rng: random.Random) -> None:
    x0, y0, x1, y1 = _inner(d)
    h = y1 - y0
    align = rng.choice(["left", "center"])
    top = _then(company_lines(c, d), identity_lines(c, d)) if d.company_first else _then(
        identity_lines(c, d), company_lines(c, d))
    canvas.text_block(top, (x0, y0, x1, y0 + h * 0.55), halign=align, valign="top")
    bottom = _then(contact_lines(c, d, joined=True, one_line_address=True), legal_lines(c, d),
                   gap=0.2)
    used = canvas.text_block(bottom, (x0, y0 + h * 0.6, x1, y1), halign=align, valign="bottom")
    rule_y = used[1] - d.margin * 0.35
    canvas.draw.line((x0, rule_y, x1, rule_y), fill=d.accent, width=max(1, int(h * 0.006)))


def layout_footer_band(canvas: CardCanvas, c: CardContent, d: Design,
                       rng: random.Random) -> None:
    w, h, m = d.width, d.height, d.margin
    contacts = _then(contact_lines(c, d, d.on_accent, joined=rng.random() < 0.7,
                                   one_line_address=True), legal_lines(c, d, d.on_accent),
                     gap=0.2)
    band_h = min(h * 0.48, canvas.block_size(contacts)[1] + m * 1.2)
    band_top = h - band_h
    canvas.draw.rectangle((0, band_top, w, h), fill=d.accent)
    align = rng.choice(["left", "center"])
    canvas.text_block(contacts, (m, band_top + m * 0.5, w - m, h - m * 0.5), halign=align,
                      valign="middle")
    top = _then(identity_lines(c, d), company_lines(c, d)) if not d.company_first else _then(
        company_lines(c, d), identity_lines(c, d))
    canvas.text_block(top, (m, m, w - m, band_top - m * 0.5), halign=align, valign="middle")


def layout_stacked(canvas: CardCanvas, c: CardContent, d: Design, rng: random.Random) -> None:
    lines = _then(identity_lines(c, d), company_lines(c, d), contact_lines(c, d),
                  legal_lines(c, d), gap=0.7)
    canvas.text_block(lines, _inner(d), halign=rng.choice(["left", "left", "center"]),
                      valign="middle")


def layout_contacts_top(canvas: CardCanvas, c: CardContent, d: Design,
                        rng: random.Random) -> None:
    x0, y0, x1, y1 = _inner(d)
    h = y1 - y0
    canvas.text_block(_then(contact_lines(c, d, joined=False), legal_lines(c, d)),
                      (x0, y0, x1, y0 + h * 0.55), valign="top")
    if c.position and len(c.name_lines) == 1 and not c.department and rng.random() < 0.6:
        # the title beside the name, smaller, on the same baseline band (Asian-style designs)
        name, title = identity_lines(c, d)[:2]
        row_top = y0 + h * 0.6
        row_bottom = row_top + name.style.size * 1.5
        used = canvas.text_block([name], (x0, row_top, x0 + (x1 - x0) * 0.62, row_bottom),
                                 valign="bottom")
        canvas.text_block([replace(title, gap_before=0.0)],
                          (used[2] + d.margin * 0.5, row_top, x1, row_bottom), valign="bottom")
        canvas.text_block(company_lines(c, d), (x0, row_bottom, x1, y1), valign="top")
        return
    canvas.text_block(_then(identity_lines(c, d), company_lines(c, d)),
                      (x0, y0 + h * 0.58, x1, y1), valign="bottom")


def layout_portrait_stack(canvas: CardCanvas, c: CardContent, d: Design,
                          rng: random.Random) -> None:
    """A tall card read top to bottom: a logo and the company, the person, the contacts."""
    x0, y0, x1, y1 = _inner(d)
    w, h = x1 - x0, y1 - y0
    align = rng.choice(["center", "center", "left"])
    top = y0
    if rng.random() < 0.6:
        side = min(w * 0.3, h * 0.14)
        left = x0 if align == "left" else (x0 + x1 - side) / 2
        draw_logo(canvas, (left, y0, left + side, y0 + side), d, rng, c.monogram)
        top = y0 + side + d.margin * 0.3
    used = canvas.text_block(company_lines(c, d), (x0, top, x1, y0 + h * 0.32), halign=align)
    canvas.text_block(identity_lines(c, d), (x0, used[3] + d.margin * 0.4, x1, y0 + h * 0.62),
                      halign=align, valign="middle")
    canvas.text_block(_then(contact_lines(c, d, joined=False), legal_lines(c, d), gap=0.3),
                      (x0, y0 + h * 0.65, x1, y1), halign=align, valign="bottom")


def layout_portrait_band(canvas: CardCanvas, c: CardContent, d: Design,
                         rng: random.Random) -> None:
    """A tall card with a coloured block on top holding the logo and the company; the
    person and the contacts on the paper below."""
    w, h, m = d.width, d.height, d.margin
    band = h * rng.uniform(0.3, 0.4)
    canvas.draw.rectangle((0, 0, w, band), fill=d.accent)
    align = rng.choice(["left", "center"])
    top = m
    if rng.random() < 0.7:
        side = band * 0.35
        left = m if align == "left" else (w - side) / 2
        draw_logo(canvas, (left, m, left + side, m + side), _on_accent(d), rng, c.monogram)
        top = m + side + m * 0.3
    canvas.text_block(company_lines(c, d, d.on_accent), (m, top, w - m, band - m * 0.5),
                      halign=align, valign="middle")
    split = band + (h - band) * 0.45
    canvas.text_block(identity_lines(c, d), (m, band + m * 0.7, w - m, split), halign=align)
    canvas.text_block(_then(contact_lines(c, d, joined=False), legal_lines(c, d)),
                      (m, split + m * 0.3, w - m, h - m), halign=align, valign="bottom")


def layout_name_bottom(canvas: CardCanvas, c: CardContent, d: Design,
                       rng: random.Random) -> None:
    """The company on top (a logo beside it), the contacts in the middle, the person at
    the bottom."""
    x0, y0, x1, y1 = _inner(d)
    h = y1 - y0
    align = rng.choice(["left", "center", "right"])
    head = (x0, y0, x1, y0 + h * 0.22)
    if align != "center" and rng.random() < 0.5:
        side = min(h, x1 - x0) * 0.22
        logo_left = x0 if align == "left" else x1 - side
        draw_logo(canvas, (logo_left, y0, logo_left + side, y0 + side), d, rng, c.monogram)
        gap = side + d.margin * 0.4
        head = (x0 + gap, y0, x1, y0 + side) if align == "left" else (x0, y0, x1 - gap, y0 + side)
    canvas.text_block(company_lines(c, d), head, halign=align, valign="middle")
    middle = _then(contact_lines(c, d, joined=rng.random() < 0.5), legal_lines(c, d), gap=0.2)
    canvas.text_block(middle, (x0, y0 + h * 0.27, x1, y0 + h * 0.63), halign=align,
                      valign="middle")
    canvas.text_block(identity_lines(c, d), (x0, y0 + h * 0.67, x1, y1), halign=align,
                      valign="bottom")


def layout_contact_grid(canvas: CardCanvas, c: CardContent, d: Design,
                        rng: random.Random) -> None:
    """The person and the company above; the contacts below in two columns (the first
    half, mostly phones, on the left), the address under them."""
    x0, y0, x1, y1 = _inner(d)
    h, w = y1 - y0, x1 - x0
    align = rng.choice(["left", "center"])
    top = _then(company_lines(c, d, tagline=False), identity_lines(c, d)) if d.company_first else (
        _then(identity_lines(c, d), company_lines(c, d, tagline=False)))
    used = canvas.text_block(top, (x0, y0, x1, y0 + h * 0.5), halign=align)
    grid_bottom = y1
    footer = _then(address_lines(c, d, one_line=True), legal_lines(c, d), gap=0.2)
    if footer:
        grid_bottom = canvas.text_block(footer, (x0, y0 + h * 0.8, x1, y1), halign=align,
                                        valign="bottom")[1] - d.margin * 0.3
    half = (len(c.contacts) + 1) // 2
    mid, gutter = x0 + w * rng.uniform(0.45, 0.52), d.margin * 0.4
    grid_top = used[3] + d.margin * 0.5
    canvas.text_block(item_lines(c.contacts[:half], d), (x0, grid_top, mid - gutter, grid_bottom),
                      valign="bottom")
    canvas.text_block(item_lines(c.contacts[half:], d), (mid + gutter, grid_top, x1, grid_bottom),
                      valign="bottom")


def layout_strip(canvas: CardCanvas, c: CardContent, d: Design, rng: random.Random) -> None:
    """A narrow coloured strip down one edge with a logo in it; the company, the person
    and the contacts beside it."""
    w, h, m = d.width, d.height, d.margin
    strip = w * rng.uniform(0.1, 0.17)
    on_left = rng.random() < 0.7
    sx0, sx1 = (0, strip) if on_left else (w - strip, w)
    canvas.draw.rectangle((sx0, 0, sx1, h), fill=d.accent)
    side = strip * 0.62
    top = rng.choice([m, (h - side) / 2, h - m - side])
    draw_logo(canvas, ((sx0 + sx1 - side) / 2, top, (sx0 + sx1 + side) / 2, top + side),
              _on_accent(d), rng, c.monogram)
    x0, x1 = (strip + m, w - m) if on_left else (m, w - strip - m)
    split = m + (h - 2 * m) * rng.uniform(0.45, 0.55)
    upper = _then(company_lines(c, d), identity_lines(c, d), gap=0.6) if d.company_first else (
        _then(identity_lines(c, d), company_lines(c, d), gap=0.6))
    canvas.text_block(upper, (x0, m, x1, split))
    canvas.text_block(_then(contact_lines(c, d), legal_lines(c, d)),
                      (x0, split + m * 0.3, x1, h - m), valign="bottom")


def layout_wordmark(canvas: CardCanvas, c: CardContent, d: Design, rng: random.Random) -> None:
    """The company as a big wordmark; the person small below it, then the contacts."""
    x0, y0, x1, y1 = _inner(d)
    h = y1 - y0
    align = rng.choice(["center", "center", "left"])
    if c.company:
        big = int(d.sizes["name"] * rng.uniform(1.3, 1.8))
        small = int(d.sizes["position"] * rng.uniform(1.15, 1.45))
        d = replace(d, sizes={**d.sizes, "company": big, "name": small})
        color = d.accent if _contrast(d.accent, d.paper) > 0.3 and rng.random() < 0.5 else None
        canvas.text_block(company_lines(c, d, color), (x0, y0, x1, y0 + h * 0.42),
                          halign=align, valign="middle")
        person = (x0, y0 + h * 0.46, x1, y0 + h * 0.68)
    else:  # no company to show: the person takes the wordmark's place
        person = (x0, y0, x1, y0 + h * 0.68)
    canvas.text_block(identity_lines(c, d), person, halign=align, valign="middle")
    canvas.text_block(_then(contact_lines(c, d, joined=True, one_line_address=True),
                            legal_lines(c, d), gap=0.2),
                      (x0, y0 + h * 0.71, x1, y1), halign=align, valign="bottom")


def layout_spaced_name(canvas: CardCanvas, c: CardContent, d: Design,
                       rng: random.Random) -> None:
    """The name in letter-spaced capitals across the middle, a rule under it; the company
    above, the contacts below, all centred."""
    x0, y0, x1, y1 = _inner(d)
    h = y1 - y0
    canvas.text_block(company_lines(c, d, tagline=False), (x0, y0, x1, y0 + h * 0.2),
                      halign="center")
    used = canvas.text_block(identity_lines(c, d), (x0, y0 + h * 0.24, x1, y0 + h * 0.6),
                             halign="center", valign="middle")
    rule_y = (used[3] + y0 + h * 0.64) / 2
    half = (x1 - x0) * rng.uniform(0.06, 0.2)
    middle = (x0 + x1) / 2
    canvas.draw.line((middle - half, rule_y, middle + half, rule_y), fill=d.accent,
                     width=max(2, int(h * 0.006)))
    bottom = _then(contact_lines(c, d, joined=rng.random() < 0.7, one_line_address=True),
                   legal_lines(c, d), gap=0.2)
    canvas.text_block(bottom, (x0, y0 + h * 0.66, x1, y1), halign="center", valign="bottom")


LayoutFn = Callable[[CardCanvas, CardContent, Design, random.Random], None]
LAYOUTS: dict[str, LayoutFn] = {
    "left": layout_left,
    "centered": layout_centered,
    "right": layout_right,
    "two_columns": layout_two_columns,
    "header_band": layout_header_band,
    "side_panel": layout_side_panel,
    "dark": layout_dark,
    "logo_block": layout_logo_block,
    "vertical_separator": layout_vertical_separator,
    "footer_joined": layout_footer_joined,
    "footer_band": layout_footer_band,
    "stacked": layout_stacked,
    "contacts_top": layout_contacts_top,
    "portrait_stack": layout_portrait_stack,
    "portrait_band": layout_portrait_band,
    "name_bottom": layout_name_bottom,
    "contact_grid": layout_contact_grid,
    "strip": layout_strip,
    "wordmark": layout_wordmark,
    "spaced_name": layout_spaced_name,
}
RENDER_ATTEMPTS = 10
PORTRAIT_ONLY_LAYOUTS = ("portrait_stack", "portrait_band")
# The layouts a portrait card is drawn in, by weight: the two designed for it most often.
PORTRAIT_LAYOUTS: dict[str, float] = {
    "portrait_stack": 3, "portrait_band": 3, "left": 1, "centered": 1, "header_band": 1,
    "logo_block": 1, "footer_band": 1, "stacked": 1, "dark": 1, "name_bottom": 1, "strip": 1,
    "spaced_name": 1,
}
LANDSCAPE_LAYOUTS = tuple(name for name in LAYOUTS if name not in PORTRAIT_ONLY_LAYOUTS)
# Layouts that set a role in letter-spaced capitals.
SPACED_ROLES: dict[str, tuple[str, ...]] = {"spaced_name": ("name",), "wordmark": ("company",)}
# Layouts that paint the card's edges themselves: no stripes or frames on top.
PAINTED_LAYOUTS = frozenset({"header_band", "side_panel", "footer_band", "portrait_band", "strip"})


@dataclass
class RenderedCard:
    image: Image.Image
    words: list[RenderedWord]
    layout: str
    qr: bool
    content: CardContent  # as printed (a design may set the name in capitals): the truth


def render_card(rng: random.Random, content: CardContent) -> RenderedCard:
    """The card as an upright image with its labelled words. A design whose text does not
    fit its boxes is drawn again with another layout; the last tries accept a crowded one."""
    for attempt in range(RENDER_ATTEMPTS):
        portrait = rng.random() < PORTRAIT_SHARE
        name = _pick_layout(rng, portrait)
        card = draw_card(rng, content, name, portrait=portrait,
                         crowded_ok=attempt >= RENDER_ATTEMPTS - 2)
        if card is not None:
            return card
    raise RuntimeError(f"no layout fits the card content for {content.locale}")


def _pick_layout(rng: random.Random, portrait: bool) -> str:
    if portrait:
        return rng.choices(list(PORTRAIT_LAYOUTS), list(PORTRAIT_LAYOUTS.values()))[0]
    return rng.choice(LANDSCAPE_LAYOUTS)


def draw_card(rng: random.Random, content: CardContent, layout: str, *, portrait: bool,
              crowded_ok: bool = False) -> RenderedCard | None:
    """The card in ``layout`` with a new design; None when a word leaves the card or
    overlaps another, a field is missing, or (unless ``crowded_ok``) text did not fit."""
    dark = layout == "dark" or rng.random() < DARK_SHARE
    design = make_design(rng, content, dark=dark, portrait=portrait,
                         spaced=SPACED_ROLES.get(layout, ()))
    printed = design.printed(content)
    fallback = fonts.families_for(content.script)[0].face("regular")
    canvas = CardCanvas(design.size, design.paper, fallback, design.icon_font,
                        leading=rng.uniform(1.2, 1.45))
    if layout not in PAINTED_LAYOUTS:
        decorate(canvas, design, rng)
    LAYOUTS[layout](canvas, printed, design, rng)
    if not _well_placed(canvas, printed) or (canvas.overflowed and not crowded_ok):
        return None
    qr = bool(content.qr_payload) and _place_qr(canvas, design, rng, content.qr_payload)
    return RenderedCard(canvas.image, canvas.words, layout, qr, printed)


def _well_placed(canvas: CardCanvas, content: CardContent) -> bool:
    """Every word inside the card, no two words overlapping, every field printed."""
    boxes = [w.box for w in canvas.words]
    if any(x0 < 0 or y0 < 0 or x1 > canvas.width or y1 > canvas.height
           for x0, y0, x1, y1 in boxes):
        return False
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if min(a[2], b[2]) - max(a[0], b[0]) > 2 and min(a[3], b[3]) - max(a[1], b[1]) > 2:
                return False
    printed = {entity for entity, _ in canvas.printed}
    wanted = {"NAME"} | {item.entity for item in content.contacts if item.entity}
    wanted |= {e for e, v in (("COMPANY", content.company), ("POSITION", content.position),
                              ("DEPARTMENT", content.department),
                              ("ADDRESS", content.address_lines)) if v}
    return wanted <= printed


def _place_qr(canvas: CardCanvas, d: Design, rng: random.Random, payload: str) -> bool:
    """Paste a QR code into a free corner; False when every corner holds words."""
    code = np.asarray(zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode)
                      .to_image(scale=1))
    m = d.margin * 0.5
    for share in (rng.uniform(0.28, 0.36), 0.22):
        side = int(min(d.width, d.height) * share)
        corners = [(d.width - m - side, d.height - m - side), (d.width - m - side, m),
                   (m, d.height - m - side)]
        rng.shuffle(corners)
        for x, y in corners:
            spot = (x - 4, y - 4, x + side + 4, y + side + 4)
            if not any(_overlaps(spot, w.box) for w in canvas.words):
                dark = np.array(d.ink if _luma(d.paper) > 0.5 else (0, 0, 0), np.uint8)
                cells = np.where(code[..., None] < 128, dark, np.uint8(255)).astype(np.uint8)
                tile = Image.fromarray(cells).resize((side, side), Image.Resampling.NEAREST)
                canvas.image.paste(tile, (int(x), int(y)))
                return True
    return False


def _overlaps(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])

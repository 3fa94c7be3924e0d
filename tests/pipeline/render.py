"""Render card images for pipeline tests (fonts from Debian's fonts-dejavu-core)."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def card_image(lines: list[tuple[str, int]], size: tuple[int, int] = (1000, 580)) -> np.ndarray:
    """A white card with ``(text, font_px)`` lines from the top left, as BGR."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    y = 40
    for text, font_px in lines:
        draw.text((60, y), text, font=ImageFont.truetype(FONT, font_px), fill="black")
        y += int(font_px * 1.6)
    return np.ascontiguousarray(np.asarray(image)[:, :, ::-1])


def photo_of(
    card: np.ndarray,
    corners: np.ndarray,
    size: tuple[int, int],
    *,
    table_bgr: tuple[int, int, int] = (70, 70, 70),
) -> np.ndarray:
    """The card warped onto ``corners`` of a textured table photo of ``size`` (dark grey
    unless ``table_bgr`` says otherwise)."""
    width, height = size
    noise = np.random.default_rng(0).normal(0, 12, (height, width, 3))
    table = (noise + np.array(table_bgr)).clip(0, 255)
    table = table.astype(np.uint8)
    h, w = card.shape[:2]
    source = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(source, np.float32(corners))
    return cv2.warpPerspective(card, matrix, size, dst=table, borderMode=cv2.BORDER_TRANSPARENT)


GERMAN_CARD = [
    ("Müller & Schmidt GmbH", 40),
    ("Dr. Anna Becker", 48),
    ("Leiterin Vertrieb", 30),
    ("Hauptstraße 12, 10115 Berlin", 26),
    ("Tel. 030 12345678", 26),
    ("a.becker@mueller-schmidt.de", 26),
]
RUSSIAN_CARD = [
    ("ООО «Ромашка»", 40),
    ("Иванов Иван Петрович", 48),
    ("Генеральный директор", 30),
    ("г. Москва, ул. Ленина, д. 5", 26),
    ("Тел.: +7 495 123-45-67", 26),
    ("ivanov@romashka.ru", 26),
]

"""Image bytes for upload tests, made on the fly (no binary fixtures in the repository)."""

from __future__ import annotations

import io
import struct
import zlib

import pypdfium2
from PIL import Image, ImageDraw


def jpeg_bytes(seed: int = 0, size: tuple[int, int] = (640, 360)) -> bytes:
    """A small card-like JPEG; a different ``seed`` gives different bytes (and sha256)."""
    image = Image.new("RGB", size, (250, 250, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 20 + seed % 500, 60), fill=(seed * 37 % 256, 40, 90))
    draw.text((30, 100), f"Card {seed}", fill=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    """A PDF whose first page is card-sized (3.5 x 2 inches), then a letter page."""
    document = pypdfium2.PdfDocument.new()
    document.new_page(252, 144)
    document.new_page(612, 792)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def truncated_jpeg_bytes() -> bytes:
    """A JPEG cut off in the middle of its image data."""
    data = jpeg_bytes(seed=7, size=(800, 600))
    return data[: len(data) // 2]


def png_with_declared_size(width: int, height: int) -> bytes:
    """A tiny PNG file whose header claims ``width`` x ``height`` pixels: a decompression
    bomb in shape, built without ever allocating the pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def blank_jpeg_bytes() -> bytes:
    """A photo of nothing: white, no text, no card edges."""
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (255, 255, 255)).save(buffer, format="JPEG")
    return buffer.getvalue()

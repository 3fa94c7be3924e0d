"""Reading uploads by content: formats, PDFs, EXIF orientation, bombs."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from bizcard.pipeline.errors import ImageRejected
from bizcard.pipeline.imageio import load_image
from tests.images import jpeg_bytes, pdf_bytes, png_with_declared_size, truncated_jpeg_bytes

LIMIT = 40_000_000


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_accepted_formats_decode_to_rgb(fmt):
    image = load_image(encoded(Image.new("RGB", (300, 200), "white"), fmt), max_pixels=LIMIT)
    assert image.mode == "RGB" and image.size == (300, 200)


def test_exif_orientation_is_applied():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 clockwise on display
    data = encoded(Image.new("RGB", (300, 200), "white"), "JPEG", exif=exif)
    assert load_image(data, max_pixels=LIMIT).size == (200, 300)


def test_first_page_of_a_pdf_is_rendered():
    image = load_image(pdf_bytes(), max_pixels=LIMIT)
    assert image.size == (700, 400)  # 200 dpi


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"name,email\nJane,jane@example.com\n", "unsupported_media_type"),
        (encoded(Image.new("RGB", (50, 50)), "GIF"), "unsupported_media_type"),
        (truncated_jpeg_bytes(), "corrupt_image"),
        (png_with_declared_size(60_000, 60_000), "image_too_large"),
        (b"%PDF-1.7 nonsense", "corrupt_image"),
    ],
    ids=["text", "gif", "truncated", "bomb", "broken-pdf"],
)
def test_bad_input_is_refused_with_a_code_and_a_message(data, code):
    with pytest.raises(ImageRejected) as error:
        load_image(data, max_pixels=LIMIT)
    assert error.value.code == code and error.value.message


def test_limit_is_configurable():
    with pytest.raises(ImageRejected):
        load_image(jpeg_bytes(size=(640, 360)), max_pixels=100_000)

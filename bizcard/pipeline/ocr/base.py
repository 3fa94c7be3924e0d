"""The one interface every OCR engine implements."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from bizcard.pipeline.types import Word


class OcrEngine(Protocol):
    """Reads an upright card image (BGR ``uint8``) into words with 4-point boxes.

    Implementations raise :class:`bizcard.pipeline.errors.OcrUnavailable` when their
    package or a model file is missing; they never download anything.
    """

    name: str

    def read(self, image: np.ndarray) -> list[Word]: ...

"""Small values that flow between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]
# Four corners clockwise from top-left, in pixels of the image they were read on.
Quad = tuple[Point, Point, Point, Point]


@dataclass(frozen=True)
class Word:
    """One OCR word with its 4-point box; ``line`` groups words the engine read as one line."""

    text: str
    quad: Quad
    confidence: float
    line: int

    @property
    def box(self) -> tuple[int, int, int, int]:
        """Axis-aligned ``(x0, y0, x1, y1)`` around the quad."""
        xs = [p[0] for p in self.quad]
        ys = [p[1] for p in self.quad]
        return int(min(xs)), int(min(ys)), round(max(xs)), round(max(ys))

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "quad": [[round(float(x), 1), round(float(y), 1)] for x, y in self.quad],
            "confidence": round(float(self.confidence), 4),
            "line": self.line,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Word:
        """The inverse of :meth:`to_dict` (extra keys, such as a stored label, ignored)."""
        quad = tuple((float(x), float(y)) for x, y in data["quad"])
        return cls(data["text"], quad, data["confidence"], data["line"])  # type: ignore[arg-type]


@dataclass(frozen=True)
class OcrResult:
    """What an engine read; ``engine`` is the one that actually read it after any fallback."""

    words: list[Word]
    engine: str
    script: str  # "latin", "cyrillic", "cjk", ... as detected or configured


@dataclass(frozen=True)
class Classification:
    """A BIO label (schema.BIO_LABELS) and its probability for every word, in word order."""

    labels: list[str]
    scores: list[float]


@dataclass
class CardResult:
    """One card found in a photo, with its validated fields."""

    fields: dict
    confidence: dict[str, float]
    words: list[Word]
    labels: list[str]
    size: tuple[int, int]  # width, height of the flattened card image the words live on
    quad: Quad | None = None  # where the card lies in the photo; None: the whole photo
    source: str = "ocr"  # "ocr", "qr" or "qr+ocr"

    @property
    def area(self) -> float:
        return float(self.size[0] * self.size[1])

    def to_dict(self) -> dict:
        return {
            "fields": self.fields,
            "confidence": self.confidence,
            "words": [
                dict(w.to_dict(), label=label)
                for w, label in zip(self.words, self.labels, strict=True)
            ],
            "size": list(self.size),
            "quad": [list(p) for p in self.quad] if self.quad else None,
            "source": self.source,
        }


@dataclass
class Extraction:
    """The pipeline's answer for one photo: cards largest first."""

    cards: list[CardResult]
    engine: str
    model_version: str
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def primary(self) -> CardResult:
        return self.cards[0]

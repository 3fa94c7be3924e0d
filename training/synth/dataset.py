"""Cards to a dataset folder: images plus ``cards.jsonl`` in the ROADMAP format.

Card ``i`` of seed ``s`` is drawn from its own random stream (``s``, ``i``), so a card does
not depend on the worker that drew it or on the cards before it: the same seed gives the
same files whatever ``workers`` is.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import random
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from bizcard.pipeline.evaluation import DATASET_INDEX
from training.synth.camera import photograph
from training.synth.content import LOCALES, RUSSIAN_SHARE, card_content, pick_locale
from training.synth.layouts import render_card

JPEG_QUALITY = (55, 95)
DEFAULT_WORKERS = min(4, os.cpu_count() or 1)


@dataclass(frozen=True)
class SynthCard:
    jpeg: bytes
    record: dict  # the cards.jsonl line, "image" still unset


def card_rng(seed: int, index: int) -> random.Random:
    """The random stream of card ``index``: a hash, so nearby seeds share nothing."""
    digest = hashlib.sha256(f"bizcard-synth:{seed}:{index}".encode()).digest()
    return random.Random(int.from_bytes(digest[:16], "big"))


def make_card(seed: int, index: int, locales: Sequence[str] = LOCALES,
              russian_share: float = RUSSIAN_SHARE) -> SynthCard:
    """One card photo and its dataset record (fields, locale, words as photographed)."""
    rng = card_rng(seed, index)
    locale = pick_locale(rng, tuple(locales), russian_share)
    content = card_content(rng, locale)
    card = render_card(rng, content)
    photo = photograph(np.asarray(card.image), [w.box for w in card.words],
                       np.random.default_rng(rng.getrandbits(64)))
    buffer = io.BytesIO()
    Image.fromarray(photo.image).save(buffer, "JPEG",
                                      quality=rng.randint(*JPEG_QUALITY), optimize=False)
    record = {
        "fields": card.content.fields,
        "locale": locale,
        "words": [{"text": w.text, "box": list(box), "label": w.label, "card_box": list(w.box)}
                  for w, box in zip(card.words, photo.boxes, strict=True)],
        # Tight boxes on the flat card and the camera's homography: rotated words' photo
        # boxes overlap their neighbours, so label alignment works on the flat card.
        "synth": {"layout": card.layout, "capture": photo.capture, "qr": card.qr,
                  "homography": [[round(float(v), 6) for v in row] for row in photo.homography]},
    }
    return SynthCard(buffer.getvalue(), record)


def write_dataset(out_dir: Path | str, *, n: int, seed: int = 0,
                  locales: Sequence[str] = LOCALES, russian_share: float = RUSSIAN_SHARE,
                  clean: bool = False, workers: int = DEFAULT_WORKERS) -> Path:
    """Write ``n`` card photos and ``cards.jsonl`` into ``out_dir``; returns the index path.

    ``clean`` empties ``out_dir`` first; without it an existing ``cards.jsonl`` is replaced
    and images of the same names are overwritten.
    """
    unknown = sorted(set(locales) - set(LOCALES))
    if unknown or not locales:
        raise ValueError(f"Unknown locale(s) {unknown}; supported: {', '.join(LOCALES)}")
    if n < 1:
        raise ValueError("n must be at least 1")
    out = Path(out_dir)
    if clean and out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    digits = max(4, len(str(n)))
    index = out / DATASET_INDEX
    partial = index.with_suffix(".jsonl.partial")
    with partial.open("w", encoding="utf-8") as lines:
        for number, card in enumerate(_cards(seed, n, tuple(locales), russian_share, workers),
                                      start=1):
            name = f"{number:0{digits}d}.jpg"
            (out / name).write_bytes(card.jpeg)
            lines.write(json.dumps({"image": name, **card.record}, ensure_ascii=False) + "\n")
    partial.replace(index)  # a reader never sees half a dataset
    return index


def _one(job: tuple[int, int, tuple[str, ...], float]) -> SynthCard:
    seed, index, locales, share = job
    return make_card(seed, index, locales, share)


def _cards(seed: int, n: int, locales: tuple[str, ...], share: float,
           workers: int) -> Iterator[SynthCard]:
    jobs = [(seed, index, locales, share) for index in range(n)]
    if workers <= 1 or n < 8:
        yield from map(_one, jobs)
        return
    # fork: workers inherit the loaded fonts and Faker tables, and unlike spawn it does not
    # re-run the caller's script. No cv2.setNumThreads in the child: after the parent used
    # OpenCV's thread pool, reconfiguring it in a forked child hangs.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_one, jobs, chunksize=4)

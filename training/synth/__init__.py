"""Synthetic business-card photos with labelled words, in the ROADMAP dataset format.

Plain Python (no Django): content per locale (content.py), layouts with word boxes and BIO
labels (render.py), camera conditions that carry the boxes along (camera.py). The same seed
gives the same dataset.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import cv2
import numpy as np

from bizcard.pipeline.evaluation import DATASET_INDEX
from training.synth.camera import photograph
from training.synth.content import LOCALES, card_content, pick_locale
from training.synth.render import render_card


def write_dataset(out_dir: Path, *, n: int, seed: int = 0,
                  locales: tuple[str, ...] = LOCALES) -> Path:
    """Write ``n`` cards and ``cards.jsonl`` into ``out_dir``; returns the index path."""
    unknown = set(locales) - set(LOCALES)
    if unknown:
        raise ValueError(f"Unknown locale(s) {sorted(unknown)}; supported: {', '.join(LOCALES)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    index = out_dir / DATASET_INDEX
    with index.open("w", encoding="utf-8") as lines:
        for number in range(1, n + 1):
            card_rng = random.Random(rng.randrange(2**63))
            content = card_content(card_rng, pick_locale(card_rng, locales))
            image, words = render_card(card_rng, content)
            card_bgr = np.ascontiguousarray(np.asarray(image)[:, :, ::-1])
            photo, boxes = photograph(card_rng, card_bgr, [w.box for w in words])
            name = f"{number:05d}.jpg"
            cv2.imwrite(str(out_dir / name), photo)
            record = {
                "image": name,
                "fields": content.fields,
                "locale": content.locale,
                "words": [{"text": w.text, "box": list(box), "label": w.label}
                          for w, box in zip(words, boxes, strict=True)],
            }
            lines.write(json.dumps(record, ensure_ascii=False) + "\n")
    return index

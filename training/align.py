"""Labels from the renderer moved onto the words the real OCR engine reads: train on what
inference sees.

A synthetic record knows every printed word's box and BIO label in photo pixels. The
pipeline reads the photo as it would in production (card detection, flattening, OCR), so
its words differ: merged ("MarineGuillon"), split, misread, or noise from icons and QR
codes. Each OCR word is mapped from the flattened card into the photo, then through the
camera's homography onto the flat rendered card, where word boxes are tight even when the
card was photographed turned; it takes the entity of the rendered words it covers most,
and words that cover none are "O".
B/I prefixes are then recomputed in reading order per rendered entity, so a value split or
merged by OCR still starts with exactly one B.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

from bizcard.pipeline.evaluation import DATASET_INDEX
from bizcard.pipeline.extract import PipelineConfig, read_card
from bizcard.pipeline.imageio import load_image, to_bgr
from bizcard.pipeline.layout import reading_order_lines, upright_words
from bizcard.pipeline.preprocess import CardImage, find_cards
from bizcard.pipeline.schema import OUTSIDE, entity_of
from bizcard.pipeline.types import Word

OCR_INDEX = "ocr.jsonl"  # beside cards.jsonl: the aligned OCR words of every card
MAX_PIXELS = 40_000_000  # as BIZCARD_MAX_IMAGE_PIXELS: synthetic photos are far smaller
MIN_COVER = 0.3  # share of an OCR word's box that must lie on rendered words to take a label


@dataclass(frozen=True)
class AlignedCard:
    """One training example: OCR words on the flattened card, each with a BIO label."""

    image: str
    size: tuple[int, int]
    words: list[Word]
    labels: list[str]
    fields: dict
    locale: str | None = None  # the card's locale, when known: its phone region

    def to_dict(self) -> dict:
        return {
            "image": self.image,
            "size": list(self.size),
            "fields": self.fields,
            "locale": self.locale,
            "words": [dict(w.to_dict(), label=label)
                      for w, label in zip(self.words, self.labels, strict=True)],
        }

    @classmethod
    def from_dict(cls, row: dict) -> AlignedCard:
        words = [Word.from_dict(w) for w in row["words"]]
        return cls(row["image"], tuple(row["size"]), words,
                   [w["label"] for w in row["words"]], row["fields"], row.get("locale"))


def align_card(folder: Path, row: dict, *, engine: str = "rapidocr", threads: int = 1,
               max_side: int = 1600) -> AlignedCard:
    """OCR a synthetic card's photo the way the pipeline does and label its words from the
    record's rendered words (``row``: a ``cards.jsonl`` line written by ``manage.py synth``)."""
    if not row.get("words") or "homography" not in row.get("synth", {}):
        raise ValueError(f"{row.get('image')}: not a synthetic record with rendered words")
    photo = to_bgr(load_image((folder / row["image"]).read_bytes(), max_pixels=MAX_PIXELS))
    found = find_cards(photo, max_side=max_side)
    config = PipelineConfig(engine=engine, ocr_threads=threads, max_side=max_side)
    card_image, ocr = read_card(found[0], photo, config, alone=len(found) == 1)
    height, width = card_image.image.shape[:2]
    # OCR'd card image -> photo -> the flat rendered card, where word boxes are tight.
    to_card = np.linalg.inv(np.array(row["synth"]["homography"], dtype=np.float64))
    to_rendered = to_card @ _card_to_photo(card_image, photo.shape[:2])
    labels = label_words(ocr.words, (width, height), row["words"], to_rendered)
    return AlignedCard(row["image"], (width, height), ocr.words, labels, row["fields"],
                       row.get("locale"))


def label_words(words: Sequence[Word], size: tuple[int, int], rendered: Sequence[dict],
                to_rendered: np.ndarray) -> list[str]:
    """BIO labels for OCR ``words`` (on a card image of ``size``) from rendered words
    (``{"card_box", "label"}``), whose pixels ``to_rendered`` maps the OCR words onto."""
    instances = _entity_instances(rendered)
    boxes = np.array([r["card_box"] for r in rendered], dtype=np.float64).reshape(-1, 4)
    instance_of_word: list[tuple[str, int] | None] = []
    for word in words:
        quad = cv2.perspectiveTransform(
            np.array([word.quad], dtype=np.float64), to_rendered)[0]
        instance_of_word.append(_covered_instance(quad, boxes, instances))
    labels = [OUTSIDE] * len(words)
    started: set[tuple[str, int]] = set()
    upright, _ = upright_words(words, size)
    for line in reading_order_lines(upright):
        for i in line:
            instance = instance_of_word[i]
            if instance is None:
                continue
            labels[i] = f"{'I' if instance in started else 'B'}-{instance[0]}"
            started.add(instance)
    return labels


def _entity_instances(rendered: Sequence[dict]) -> list[tuple[str, int] | None]:
    """Each rendered word's (entity, n): the n-th value of that entity, counted at each B."""
    result: list[tuple[str, int] | None] = []
    counts: dict[str, int] = {}
    for word in rendered:
        entity = entity_of(word["label"])
        if entity is None:
            result.append(None)
            continue
        if word["label"].startswith("B-") or entity not in counts:
            counts[entity] = counts.get(entity, -1) + 1
        result.append((entity, counts[entity]))
    return result


def _covered_instance(quad: np.ndarray, boxes: np.ndarray,
                      instances: Sequence[tuple[str, int] | None]) -> tuple[str, int] | None:
    """The entity instance whose rendered words cover most of the OCR word's box."""
    x0, y0 = quad.min(axis=0)
    x1, y1 = quad.max(axis=0)
    area = max((x1 - x0) * (y1 - y0), 1.0)
    overlap_w = np.clip(np.minimum(boxes[:, 2], x1) - np.maximum(boxes[:, 0], x0), 0, None)
    overlap_h = np.clip(np.minimum(boxes[:, 3], y1) - np.maximum(boxes[:, 1], y0), 0, None)
    overlap = overlap_w * overlap_h
    cover: dict[tuple[str, int] | None, float] = {}
    for i in np.flatnonzero(overlap):
        cover[instances[i]] = cover.get(instances[i], 0.0) + overlap[i] / area
    if not cover:
        return None
    best = max(cover, key=lambda k: cover[k])
    return best if cover[best] >= MIN_COVER else None


def _card_to_photo(card_image: CardImage, photo_shape: tuple[int, int]) -> np.ndarray:
    """Homography from the flattened card image's pixels to the photo's."""
    height, width = card_image.image.shape[:2]
    if card_image.quad is None:
        scale_y, scale_x = photo_shape[0] / height, photo_shape[1] / width
        return np.array([[scale_x, 0, 0], [0, scale_y, 0], [0, 0, 1]], dtype=np.float64)
    card = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
                    dtype=np.float32)
    return cv2.getPerspectiveTransform(card, np.array(card_image.quad, dtype=np.float32)
                                       ).astype(np.float64)


def align_dataset(folder: str | Path, *, workers: int = 2, engine: str = "rapidocr",
                  progress: bool = False) -> Path:
    """OCR and align every card of a synthetic dataset into ``folder/ocr.jsonl``. Resumable:
    cards already in the file are kept. Returns the file's path."""
    root = Path(folder)
    index = root / DATASET_INDEX
    if not index.is_file():
        raise FileNotFoundError(f"{index} is missing: write the dataset with manage.py synth")
    rows = read_aligned_rows(index)
    out = root / OCR_INDEX
    done = {row["image"] for row in read_aligned_rows(out)} if out.exists() else set()
    todo = [row for row in rows if row["image"] not in done]
    bar = _progress(len(rows), len(done), progress)
    with out.open("a", encoding="utf-8") as lines:
        for aligned in _aligned(root, todo, workers=workers, engine=engine):
            lines.write(json.dumps(aligned.to_dict(), ensure_ascii=False) + "\n")
            lines.flush()
            bar.update(1)
    bar.close()
    return out


def read_aligned_rows(path: Path) -> list[dict]:
    """The JSON lines of ``path``."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def load_aligned(folder: str | Path) -> list[AlignedCard]:
    """The aligned examples of a dataset folder (after :func:`align_dataset`), with each
    card's locale from ``cards.jsonl``."""
    root = Path(folder)
    path = root / OCR_INDEX
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: align the dataset first")
    locales = {row["image"]: row.get("locale") for row in read_aligned_rows(root / DATASET_INDEX)}
    cards = []
    for row in read_aligned_rows(path):
        card = AlignedCard.from_dict(row)
        cards.append(replace(card, locale=card.locale or locales.get(card.image)))
    return cards


def _align_job(job: tuple[Path, dict, str]) -> AlignedCard:
    folder, row, engine = job
    return align_card(folder, row, engine=engine, threads=1)


def _aligned(folder: Path, rows: list[dict], *, workers: int,
             engine: str) -> Iterator[AlignedCard]:
    jobs = [(folder, row, engine) for row in rows]
    if workers <= 1:
        yield from map(_align_job, jobs)
        return
    # One OCR thread per process: two processes on two cores beat one process with two
    # threads, since preprocessing and decoding are single-threaded.
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        yield from pool.imap(_align_job, jobs, chunksize=2)


def _progress(total: int, done: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, initial=done, disable=not enabled, unit="card",
                desc="OCR + align", dynamic_ncols=True)

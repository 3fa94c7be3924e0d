"""Synthetic business-card photos with labelled words, in the ROADMAP dataset format.

Plain Python (no Django); ``manage.py synth`` is a thin shell around :func:`write_dataset`.
One card goes through four stages, each in its own module:

- ``content``: who and what the card says, per locale (Faker people, companies and
  addresses; phone numbers that ``phonenumbers`` accepts for the region; e-mails from the
  name and the company's domain; label prefixes, slogans, handles, legal small print and QR
  payloads as distractors). ``vocabulary`` holds the per-language words.
- ``layouts``: a design (palette, Debian fonts from ``fonts``, sizes, letter spacing, how
  position and department or the parts of an address share a line) and one of the
  ``LAYOUTS`` (landscape and portrait) that places the text in boxes; ``render`` draws it,
  recording each word's box and BIO label (``schema.BIO_LABELS``).
- ``camera``: the card on a table or a scanner: tilt, rotation, quarter turns, distance,
  portrait frames, shadow, light (dim and low-contrast captures too), blur, noise; word
  boxes go through the same homography.
- ``dataset``: JPEG files and ``cards.jsonl``, deterministic per seed, in parallel.

A ``cards.jsonl`` line also carries ``"synth": {"layout", "capture", "qr"}`` so scores can
be broken down by layout; readers of the dataset format ignore it.
"""

from __future__ import annotations

from training.synth.content import LOCALES, RUSSIAN_SHARE
from training.synth.dataset import make_card, write_dataset
from training.synth.fonts import REQUIRED_APT_FONT_PACKAGES, NoUsableFontError
from training.synth.layouts import LAYOUTS

__all__ = [
    "LAYOUTS",
    "LOCALES",
    "REQUIRED_APT_FONT_PACKAGES",
    "RUSSIAN_SHARE",
    "NoUsableFontError",
    "make_card",
    "write_dataset",
]

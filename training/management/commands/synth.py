"""``manage.py synth OUT_DIR --n N [--seed S] [--locales ...] [--clean]``: a synthetic dataset."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from training.synth import LOCALES, RUSSIAN_SHARE, NoUsableFontError, write_dataset
from training.synth.dataset import DEFAULT_WORKERS


class Command(BaseCommand):
    help = "Write N synthetic card photos with labelled words (ROADMAP dataset format)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out_dir", metavar="OUT_DIR")
        parser.add_argument("--n", type=int, required=True, help="number of cards")
        parser.add_argument("--seed", type=int, default=0, help="same seed, same dataset")
        parser.add_argument("--locales", default=",".join(LOCALES),
                            help=f"comma-separated, from {','.join(LOCALES)} (default: all)")
        parser.add_argument("--russian-share", type=float, default=RUSSIAN_SHARE,
                            help="share of ru_RU cards when ru_RU is among the locales")
        parser.add_argument("--clean", action="store_true",
                            help="empty OUT_DIR first (default: overwrite same-named files)")
        parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                            help="processes; the output does not depend on it")

    def handle(self, *args: str, **options: Any) -> None:
        n = options["n"]
        if n < 1:
            raise CommandError("--n must be at least 1.")
        locales = tuple(code.strip() for code in options["locales"].split(",") if code.strip())
        started = time.perf_counter()
        try:
            index = write_dataset(
                Path(options["out_dir"]), n=n, seed=options["seed"], locales=locales,
                russian_share=options["russian_share"], clean=options["clean"],
                workers=max(1, options["workers"]),
            )
        except (ValueError, NoUsableFontError) as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.perf_counter() - started
        self.stdout.write(f"Wrote {n} cards to {index} in {seconds:.1f} s "
                          f"({n / seconds * 60:.0f} cards/min)")

"""``manage.py synth OUT_DIR --n N [--seed S] [--locales ...]``: a synthetic dataset."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from training.synth import write_dataset
from training.synth.content import LOCALES


class Command(BaseCommand):
    help = "Write N synthetic card photos with labelled words (ROADMAP dataset format)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out_dir", metavar="OUT_DIR")
        parser.add_argument("--n", type=int, required=True, help="number of cards")
        parser.add_argument("--seed", type=int, default=0, help="same seed, same dataset")
        parser.add_argument("--locales", default=",".join(LOCALES),
                            help=f"comma-separated, from {','.join(LOCALES)}")

    def handle(self, *args: object, **options: object) -> None:
        if options["n"] < 1:
            raise CommandError("--n must be at least 1.")
        locales = tuple(code.strip() for code in str(options["locales"]).split(",") if code)
        started = time.perf_counter()
        try:
            index = write_dataset(Path(str(options["out_dir"])), n=int(options["n"]),
                                  seed=int(options["seed"]), locales=locales)
        except (ValueError, RuntimeError) as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.perf_counter() - started
        self.stdout.write(f"Wrote {options['n']} cards to {index} in {seconds:.1f} s")

"""``manage.py extract IMAGE...``: read card photos and print their fields."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bizcard.cards.management.runner import PhotoResult, config_for, read_photo
from bizcard.pipeline.schema import FIELDS

TABLE_VALUE_WIDTH = 48


class Command(BaseCommand):
    help = (
        "Read business-card photos. jsonl: one line per image with fields, confidence, "
        "model_version, engine, timings_ms (and cards when a photo holds several). "
        "Exits 1 when any file could not be read."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("images", nargs="+", metavar="IMAGE", help="photo files")
        parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
        parser.add_argument("--model", metavar="VERSION", help="field classifier version")
        parser.add_argument("--engine", metavar="NAME", help="OCR engine (default: settings)")

    def handle(self, *args: object, **options: object) -> None:
        config = config_for(model=options["model"], engine=options["engine"])
        failed = 0
        for path in options["images"]:
            result = read_photo(path, config)
            failed += result.error is not None
            if options["format"] == "jsonl":
                self.stdout.write(json.dumps(result.to_line(), ensure_ascii=False))
            else:
                self.write_table(result)
            self.stdout.flush()  # scripts read lines as they come
        if failed:
            total = len(options["images"])
            raise CommandError(f"{failed} of {total} image(s) could not be read.")

    def write_table(self, result: PhotoResult) -> None:
        if result.extraction is None:
            error = result.error or {"code": "unknown", "message": ""}
            self.stdout.write(f"{result.image}\n  error {error['code']}: {error['message']}\n")
            return
        extraction = result.extraction
        self.stdout.write(
            f"{result.image}  (engine {extraction.engine}, model {extraction.model_version}, "
            f"{result.timings_ms['total']:.0f} ms)"
        )
        if not extraction.cards:
            self.stdout.write("  no card found\n")
            return
        for number, card in enumerate(extraction.cards, start=1):
            if len(extraction.cards) > 1:
                self.stdout.write(f"  card {number} of {len(extraction.cards)}")
            self.stdout.write(f"  {'field':<11} {'value':<{TABLE_VALUE_WIDTH}} confidence")
            for name in FIELDS:
                value = card.fields.get(name)
                text = ", ".join(value) if isinstance(value, list) else (value or "")
                confidence = card.confidence.get(name)
                shown = f"{confidence:.2f}" if confidence is not None and text else ""
                self.stdout.write(f"  {name:<11} {text:<{TABLE_VALUE_WIDTH}} {shown}".rstrip())
        self.stdout.write("")

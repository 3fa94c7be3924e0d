"""``manage.py bench`` (``make bench``): latency per stage, throughput and peak memory, as JSON."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from bizcard.cards.management.runner import STAGES, config_for, image_files, read_photo
from bizcard.pipeline.evaluation import DATASET_INDEX, DatasetError, percentile

REAL_PHOTOS = Path(settings.BASE_DIR).parent / "shared" / "eval" / "real"


class Command(BaseCommand):
    help = (
        "Benchmark the pipeline: per-stage latency p50/p95, throughput (cards/s) and peak RSS, "
        f"printed as JSON. Default images: {REAL_PHOTOS}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--images", nargs="+", metavar="DIR_OR_FILE", help="photos or folders of photos"
        )
        parser.add_argument("--repeat", type=int, default=3, help="timed runs per image")
        parser.add_argument(
            "--warmup", type=int, default=1, help="untimed runs first (engines load models)"
        )
        parser.add_argument("--model", metavar="VERSION", help="field classifier version")
        parser.add_argument("--engine", metavar="NAME", help="OCR engine (default: settings)")

    def handle(self, *args: object, **options: object) -> None:
        if options["repeat"] < 1 or options["warmup"] < 0:
            raise CommandError("--repeat must be at least 1 and --warmup at least 0.")
        config = config_for(model=options["model"], engine=options["engine"])
        try:
            images = image_files(options["images"] or []) or default_images()
        except DatasetError as exc:
            raise CommandError(f"Invalid dataset: {exc}") from exc
        missing = [str(path) for path in images if not path.is_file()]
        if missing:
            raise CommandError(f"No such image file(s): {', '.join(missing)}")

        for _ in range(options["warmup"]):
            read_photo(images[0], config)
        runs = []
        started = time.perf_counter()
        for _ in range(options["repeat"]):
            runs.extend(read_photo(path, config) for path in images)
        wall_s = time.perf_counter() - started

        done = [run for run in runs if run.extraction is not None]
        cards = sum(len(run.extraction.cards) for run in done)
        report = {
            "images": len(images),
            "repeat": options["repeat"],
            "runs": len(runs),
            "engine": done[0].extraction.engine if done else config.engine,
            "model_version": done[0].extraction.model_version if done else config.classifier,
            "latency_ms": {
                stage: p50_p95([run.timings_ms[stage] for run in done]) for stage in STAGES
            },
            "throughput": {
                "cards_per_s": round(cards / wall_s, 3),
                "images_per_s": round(len(runs) / wall_s, 3),
            },
            "peak_rss_mb": round(peak_rss_mb(), 1),
            "errors": [{"image": run.image, "error": run.error} for run in runs if run.error],
        }
        self.stdout.write(json.dumps(report, ensure_ascii=False))
        if report["errors"]:
            raise CommandError(f"{len(report['errors'])} of {len(runs)} run(s) failed.")


def default_images() -> list[Path]:
    """The shared real photos, when this checkout has them beside it."""
    if not (REAL_PHOTOS / DATASET_INDEX).is_file():
        raise CommandError(f"No photos in {REAL_PHOTOS}: pass --images DIR_OR_FILE.")
    return image_files([REAL_PHOTOS])


def p50_p95(values: list[float]) -> dict[str, float]:
    return {"p50": round(percentile(values, 50), 1), "p95": round(percentile(values, 95), 1)}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024

"""``manage.py evaluate DATASET_DIR``: score the pipeline on a labelled dataset."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bizcard.cards.management.runner import config_for, read_photo
from bizcard.pipeline.evaluation import (
    DatasetError,
    EvaluationReport,
    Prediction,
    evaluate,
    load_dataset,
)


class Command(BaseCommand):
    help = (
        "Run the pipeline over a dataset folder (cards.jsonl) and print per-field precision, "
        "recall, F1, micro F1, the share of cards with every field right and latency p50/p95."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dataset", metavar="DATASET_DIR")
        parser.add_argument("--model", metavar="VERSION", help="field classifier version")
        parser.add_argument("--engine", metavar="NAME", help="OCR engine (default: settings)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: object, **options: object) -> None:
        config = config_for(model=options["model"], engine=options["engine"])
        try:
            cards = load_dataset(options["dataset"])
        except DatasetError as exc:
            raise CommandError(f"Invalid dataset: {exc}") from exc
        predictions: list[Prediction] = []
        model_version = config.classifier
        for card in cards:
            result = read_photo(card.image, config)
            if result.extraction is not None:
                model_version = result.extraction.model_version
            predictions.append(
                Prediction(
                    fields=result.fields, latency_ms=result.timings_ms["total"], error=result.error
                )
            )
        report = evaluate(cards, predictions)
        summary = {
            "dataset": str(options["dataset"]),
            "model_version": model_version,
            "engine": config.engine,
            **report.to_dict(),
        }
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            self.write_table(summary, report)

    def write_table(self, summary: dict, report: EvaluationReport) -> None:
        self.stdout.write(
            f"Dataset {summary['dataset']}: {summary['cards']} cards, "
            f"model {summary['model_version']}, engine {summary['engine']}\n"
        )
        self.stdout.write(f"{'field':<12}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}")
        rows = [*summary["fields"].items(), ("micro", summary["micro"])]
        for name, score in rows:
            self.stdout.write(
                f"{name:<12}{score['precision']:>10.3f}{score['recall']:>8.3f}"
                f"{score['f1']:>8.3f}{score['support']:>9}"
            )
        right = sum(card.all_right for card in report.cards)
        latency = summary["latency_ms"]
        self.stdout.write(
            f"\nmicro F1: {summary['micro_f1']:.3f}\n"
            f"cards with every field right: {right}/{summary['cards']} "
            f"({summary['cards_all_right']:.1%})\n"
            f"latency ms: p50 {latency['p50']:.0f}, p95 {latency['p95']:.0f}"
        )
        for failure in summary["errors"]:
            error = failure["error"]
            self.stdout.write(f"error {failure['image']}: {error['code']}: {error['message']}")

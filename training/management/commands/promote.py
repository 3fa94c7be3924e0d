"""``manage.py promote VERSION``: make a registered model version the production model."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bizcard.pipeline.errors import PipelineError
from training.registry import ArtifactError
from training.selectors import classifier_choice
from training.services import model_version_promote


class Command(BaseCommand):
    help = "Make a registered model version the production model (the previous one retires)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("version")

    def handle(self, *args: str, **options: Any) -> None:
        try:
            classifier_choice(options["version"])  # its artifact must load and match
            model = model_version_promote(version=options["version"])
        except (ArtifactError, PipelineError) as exc:
            raise CommandError(getattr(exc, "message", str(exc))) from exc
        self.stdout.write(f"{model.version} is now the production model")

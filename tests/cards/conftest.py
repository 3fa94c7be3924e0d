"""Fixtures of the cards tests: a recorder in place of the task queue, a stand-in pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bizcard.cards import services, tasks
from bizcard.cards.models import Card
from bizcard.pipeline.errors import OcrUnavailable
from bizcard.pipeline.types import CardResult, Extraction
from tests.cards.factories import AVERY, card_result, upload_file
from tests.images import jpeg_bytes


@dataclass
class StandInPipeline:
    """Answers ``extract`` with ``cards`` (largest first), or raises ``error``.

    Stands in for the real pipeline where a test injects a failure (an engine missing, a
    bug) or needs exact fields; the real pipeline runs in test_e2e_* and test_card_process.
    """

    cards: list[CardResult] = field(default_factory=lambda: [card_result(AVERY)])
    error: Exception | None = None
    calls: int = 0

    def extract(self, image, config) -> Extraction:
        self.calls += 1
        if self.error is not None:
            raise self.error
        timings = {"preprocess": 1.0, "qr": 1.0, "ocr": 5.0, "classify": 1.0, "validate": 1.0}
        return Extraction(
            cards=self.cards, engine="stand-in", model_version="stand-in-1", timings_ms=timings
        )


@pytest.fixture
def pipeline(monkeypatch: pytest.MonkeyPatch) -> StandInPipeline:
    stand_in = StandInPipeline()
    monkeypatch.setattr(services, "extract", stand_in.extract)
    return stand_in


@pytest.fixture
def enqueued(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Card ids handed to the background, in order, instead of reaching a worker."""
    calls: list[int] = []
    monkeypatch.setattr(tasks, "card_processing_enqueue", calls.append)
    return calls


@pytest.fixture
def queued_card(user, enqueued) -> Card:
    outcomes = services.card_images_upload(owner=user, files=[upload_file(jpeg_bytes(seed=1))])
    return outcomes[0].card


@pytest.fixture
def done_card(queued_card: Card, pipeline: StandInPipeline) -> Card:
    return services.card_process(card_id=queued_card.pk)


@pytest.fixture
def failed_card(queued_card: Card, pipeline: StandInPipeline) -> Card:
    pipeline.error = OcrUnavailable("rapidocr is not installed")
    card = services.card_process(card_id=queued_card.pk)
    pipeline.error = None
    return card

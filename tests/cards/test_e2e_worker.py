"""End to end in production mode: photos over HTTP -> PostgreSQL -> Redis -> a real Celery
worker running the real pipeline -> S3 -> the contacts read back over HTTP."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token

from bizcard.pipeline.evaluation import load_dataset, normalize_values
from tests.http import HttpApi
from tests.real_photos import REAL, needs_real_photos

CONTACT_FIELDS = ("emails", "phones", "fax", "websites")
PROCESSING_TIMEOUT_S = 240  # three photos, the first one loads the OCR models

pytestmark = [pytest.mark.slow, needs_real_photos]


def test_uploaded_photos_are_read_by_the_celery_worker(live_server, card_worker, user):
    dataset = load_dataset(REAL)
    api = HttpApi(live_server.url, Token.objects.create(user=user).key)

    status, body = api.upload([card.image for card in dataset])

    assert status == 202, body
    finished = {
        card.image.name: api.wait_finished(answer["url"], timeout_s=PROCESSING_TIMEOUT_S)
        for card, answer in zip(dataset, body["cards"], strict=True)
    }
    worker_log = card_worker.read_text()[-4000:]
    for name, card in finished.items():
        assert card["status"] == "done", f"{name}: {card}\n--- worker log ---\n{worker_log}"
    for labelled in (card for card in dataset if card.image.name.startswith("azure-contoso")):
        [first, *_] = finished[labelled.image.name]["result"]["contacts"]
        for field in CONTACT_FIELDS:
            read = normalize_values(field, first["fields"][field], labelled.region)
            expected = normalize_values(field, labelled.fields[field], labelled.region)
            assert sorted(read) == sorted(expected), f"{labelled.image.name} {field}"

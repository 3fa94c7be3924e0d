"""Dispatch: a Celery queue in production mode, the in-process pool in embedded mode."""

from __future__ import annotations

import pytest

from bizcard.cards import services, tasks
from bizcard.cards.models import Card
from tests.cards.factories import upload_file
from tests.images import jpeg_bytes
from tests.processes import wait_until


@pytest.mark.django_db
def test_in_production_mode_the_card_is_sent_to_the_celery_queue(monkeypatch):
    sent: list[int] = []
    monkeypatch.setattr(tasks.process_card, "delay", sent.append)

    tasks.card_processing_enqueue(42)

    assert sent == [42]


@pytest.mark.django_db(transaction=True)
def test_in_embedded_mode_the_card_is_processed_on_the_in_process_pool(user, pipeline, settings):
    settings.BIZCARD_TASKS = "threads"

    [outcome] = services.card_images_upload(owner=user, files=[upload_file(jpeg_bytes(seed=31))])

    def finished() -> bool:
        return not Card.objects.get(pk=outcome.card.pk).is_pending

    wait_until(finished, timeout_s=10, what="background processing")
    assert Card.objects.get(pk=outcome.card.pk).status == Card.Status.DONE


def test_the_task_acknowledges_late_and_retries_only_database_outages():
    from django.db import InterfaceError, OperationalError

    assert tasks.process_card.acks_late is True
    assert set(tasks.process_card.autoretry_for) == {OperationalError, InterfaceError}

"""Celery tasks of the cards app: each calls a service, nothing more."""

from __future__ import annotations

from django.conf import settings
from django.db import InterfaceError, OperationalError

from bizcard import background
from bizcard.cards import services  # services import this module too; use it by attribute
from bizcard.celery import app


@app.task(
    acks_late=True,  # a worker that dies mid-card leaves the message for another worker
    ignore_result=True,  # the result lives on the Card row
    # Only the database being away is worth retrying here: card_process turns every other
    # failure into a failed card the user can retry.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def process_card(card_id: int) -> None:
    services.card_process(card_id=card_id)


def card_processing_enqueue(card_id: int) -> None:
    """Hand a card to the background: a Celery worker in production, the in-process pool
    in embedded mode (``settings.BIZCARD_TASKS``)."""
    if settings.BIZCARD_TASKS == "celery":
        process_card.delay(card_id)
    else:
        background.submit(process_card, card_id)

"""services.card_process: pipeline answer in, contacts and a finished card out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from bizcard.cards import events, services
from bizcard.cards.errors import CardNotRetryable
from bizcard.cards.models import Card, Contact
from bizcard.pipeline.errors import PipelineError
from tests.cards.factories import AVERY, CHRIS, card_result, upload_file
from tests.images import blank_jpeg_bytes
from tests.s3 import s3_read

pytestmark = pytest.mark.django_db


def test_processing_stores_the_contact_words_engine_model_and_timings(queued_card, pipeline):
    card = services.card_process(card_id=queued_card.pk)

    card.refresh_from_db()
    assert card.status == Card.Status.DONE
    assert card.attempts == 1
    assert card.processed_at is not None
    assert card.engine == "stand-in"
    assert card.model_version == "stand-in-1"
    assert card.timings_ms["ocr"] == 5.0
    [found] = card.found_cards
    assert found["words"][0]["label"] == "B-NAME"
    assert found["words"][0]["quad"] == [[10, 10], [90, 10], [90, 30], [10, 30]]
    contact = card.contacts.get()
    assert contact.owner == card.owner
    assert contact.fields["emails"] == AVERY["emails"]
    assert contact.fields["fax"] == AVERY["fax"]
    assert contact.confidence["full_name"] == 0.9
    assert contact.model_version == "stand-in-1"


def test_a_photo_with_two_cards_gives_two_contacts_largest_first(queued_card, pipeline):
    pipeline.cards = [card_result(AVERY, width=1200), card_result(CHRIS, width=800)]

    card = services.card_process(card_id=queued_card.pk)

    names = [contact.full_name for contact in card.contacts.order_by("id")]
    assert names == [AVERY["full_name"], CHRIS["full_name"]]
    assert len(card.found_cards) == 2


def test_a_pipeline_error_marks_the_card_failed_with_its_code_and_message(queued_card, pipeline):
    pipeline.error = PipelineError("No text found on the card.", code="no_text")

    card = services.card_process(card_id=queued_card.pk)

    card.refresh_from_db()
    assert card.status == Card.Status.FAILED
    assert (card.error_code, card.error_message) == ("no_text", "No text found on the card.")
    assert not Contact.objects.exists()


def test_an_unexpected_error_marks_the_card_failed_and_keeps_the_photo(queued_card, pipeline):
    pipeline.error = ValueError("a bug")

    card = services.card_process(card_id=queued_card.pk)

    card.refresh_from_db()
    assert card.status == Card.Status.FAILED
    assert card.error_code == "processing_error"
    assert s3_read(card.image.name)  # the photo is still in storage


def test_a_photo_without_any_text_fails_visibly(user, enqueued):
    """The real pipeline, on a blank photo: a visible failure, not an empty contact."""
    blank = upload_file(blank_jpeg_bytes())
    [outcome] = services.card_images_upload(owner=user, files=[blank])

    card = services.card_process(card_id=outcome.card.pk)

    assert card.status == Card.Status.FAILED
    assert card.error_code == "no_text"
    assert "No text" in card.error_message
    assert not card.contacts.exists()


def test_a_failed_card_processed_again_after_retry_is_done(failed_card, pipeline, user):
    services.card_retry(card=failed_card, user=user)
    card = services.card_process(card_id=failed_card.pk)

    assert card.status == Card.Status.DONE
    assert card.attempts == 2
    assert card.error_code == ""


def test_a_finished_card_is_not_processed_again(done_card, pipeline):
    calls_before = pipeline.calls

    assert services.card_process(card_id=done_card.pk) is None
    assert pipeline.calls == calls_before


def test_a_deleted_card_is_skipped(pipeline):
    assert services.card_process(card_id=987654321) is None
    assert pipeline.calls == 0


def test_a_card_stuck_in_the_queue_can_be_retried(queued_card, user, settings):
    stale = timezone.now() - timedelta(minutes=settings.BIZCARD_STUCK_AFTER_MINUTES + 1)
    Card.objects.filter(pk=queued_card.pk).update(updated_at=stale)

    card = services.card_retry(card=queued_card, user=user)

    assert card.status == Card.Status.QUEUED
    assert card.updated_at > stale


def test_a_card_recently_queued_cannot_be_retried(queued_card, user):
    with pytest.raises(CardNotRetryable):
        services.card_retry(card=queued_card, user=user)


def test_status_changes_are_announced_after_commit(
    queued_card, pipeline, monkeypatch, django_capture_on_commit_callbacks
):
    sent: list[tuple[str, dict]] = []
    monkeypatch.setattr(events, "_group_send", lambda group, event: sent.append((group, event)))

    with django_capture_on_commit_callbacks(execute=True):
        services.card_process(card_id=queued_card.pk)

    group = f"user.{queued_card.owner_id}.cards"
    assert [(g, e["card"]["status"]) for g, e in sent] == [(group, "processing"), (group, "done")]

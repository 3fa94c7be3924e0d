"""GET /api/cards/{id}/, the retry endpoint and the contacts endpoints: what a client reads."""

from __future__ import annotations

import pytest

from bizcard.cards.models import Card
from tests.cards.factories import AVERY

pytestmark = pytest.mark.django_db


def test_a_queued_card_has_no_result_yet(api_client, queued_card):
    body = api_client.get(f"/api/cards/{queued_card.pk}/").json()

    assert body["status"] == "queued"
    assert body["error"] is None
    assert body["result"] is None


def test_a_done_card_shows_its_contacts_with_fields_and_confidence(api_client, done_card):
    body = api_client.get(f"/api/cards/{done_card.pk}/").json()

    assert body["status"] == "done"
    result = body["result"]
    assert result["engine"] == "stand-in"
    assert result["model_version"] == "stand-in-1"
    assert result["timings_ms"]["ocr"] == 5.0
    [contact] = result["contacts"]
    assert contact["fields"]["full_name"] == AVERY["full_name"]
    assert contact["fields"]["fax"] == AVERY["fax"]
    assert contact["fields"]["department"] is None
    assert contact["confidence"]["emails"] == 0.9


def test_a_failed_card_shows_its_error_code_and_message(api_client, failed_card):
    body = api_client.get(f"/api/cards/{failed_card.pk}/").json()

    assert body["status"] == "failed"
    assert body["error"] == {"code": "ocr_unavailable", "message": "rapidocr is not installed"}


def test_retrying_a_failed_card_queues_it_again(
    api_client, failed_card, enqueued, django_capture_on_commit_callbacks
):
    enqueued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(f"/api/cards/{failed_card.pk}/retry/")

    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    assert response.json()["error"] is None
    assert enqueued == [failed_card.pk]


def test_retrying_a_done_card_is_a_conflict(api_client, done_card):
    response = api_client.post(f"/api/cards/{done_card.pk}/retry/")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "card_not_retryable"
    assert Card.objects.get(pk=done_card.pk).status == "done"


def test_a_contact_reads_in_the_field_schema_and_names_its_cards(api_client, done_card):
    contact = done_card.contacts.get()

    body = api_client.get(f"/api/contacts/{contact.pk}/").json()

    assert body["id"] == contact.pk
    assert set(body["fields"]) == {
        "full_name", "position", "department", "company", "address",
        "emails", "phones", "fax", "websites",
    }  # fmt: skip
    assert body["fields"]["emails"] == AVERY["emails"]
    assert body["model_version"] == "stand-in-1"
    assert body["cards"] == [done_card.pk]

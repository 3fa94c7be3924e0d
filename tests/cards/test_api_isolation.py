"""Owners see their own cards and contacts only: someone else's are 404, never 403."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_another_user_cannot_read_my_card(done_card, other_client):
    response = other_client.get(f"/api/cards/{done_card.pk}/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_another_user_cannot_retry_my_card(failed_card, other_client):
    response = other_client.post(f"/api/cards/{failed_card.pk}/retry/")

    assert response.status_code == 404


def test_another_user_cannot_read_my_contact(done_card, other_client):
    contact = done_card.contacts.get()

    response = other_client.get(f"/api/contacts/{contact.pk}/")

    assert response.status_code == 404


def test_lists_show_only_my_own_cards_and_contacts(done_card, other_client, api_client):
    assert other_client.get("/api/cards/").json()["results"] == []
    assert other_client.get("/api/contacts/").json()["results"] == []
    assert [c["id"] for c in api_client.get("/api/cards/").json()["results"]] == [done_card.pk]
    assert len(api_client.get("/api/contacts/").json()["results"]) == 1


def test_staff_see_every_users_cards(done_card, staff_user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=staff_user).key}")

    response = client.get(f"/api/cards/{done_card.pk}/")

    assert response.status_code == 200

"""The JSON API of the cards app: thin views, an InputSerializer and a service each."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from bizcard.cards.models import Card, Contact
from bizcard.cards.selectors import (
    card_get_for_user,
    cards_for_user,
    contact_get_for_user,
    contacts_for_user,
)
from bizcard.cards.services import card_images_upload, card_retry


def card_url(request: Request, card: Card) -> str:
    return request.build_absolute_uri(reverse("api:card-detail", args=[card.pk]))


def contact_data(contact: Contact) -> dict:
    return {
        "id": contact.pk,
        "fields": contact.fields,
        "confidence": contact.confidence,
        "model_version": contact.model_version,
        "cards": [card.pk for card in contact.cards.all()],
        "created_at": contact.created_at,
        "updated_at": contact.updated_at,
    }


def card_data(request: Request, card: Card) -> dict:
    result = None
    if card.status == Card.Status.DONE:
        result = {
            "engine": card.engine,
            "model_version": card.model_version,
            "timings_ms": card.timings_ms,
            "contacts": [
                {"id": c.pk, "fields": c.fields, "confidence": c.confidence}
                for c in card.contacts.all()
            ],
        }
    return {
        "id": card.pk,
        "url": card_url(request, card),
        "status": card.status,
        "filename": card.original_filename,
        "content_type": card.content_type,
        "attempts": card.attempts,
        "created_at": card.created_at,
        "updated_at": card.updated_at,
        "processed_at": card.processed_at,
        "error": card.error,
        "result": result,
    }


def paginated(view: APIView, request: Request, queryset, to_data) -> Response:
    paginator = api_settings.DEFAULT_PAGINATION_CLASS()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response([to_data(item) for item in page])


class CardListApi(APIView):
    """``GET``: the user's cards, newest first. ``POST``: upload photos (multipart)."""

    parser_classes = [MultiPartParser, FormParser]

    class InputSerializer(serializers.Serializer):
        files = serializers.ListField(
            child=serializers.FileField(allow_empty_file=True), required=False, default=list
        )
        file = serializers.FileField(required=False, allow_empty_file=True)  # single-file clients

    def get(self, request: Request) -> Response:
        cards = cards_for_user(user=request.user)
        return paginated(self, request, cards, lambda card: card_data(request, card))

    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        files = [*data["files"], *([data["file"]] if "file" in data else [])]
        outcomes = card_images_upload(owner=request.user, files=files)
        cards = [
            {
                "id": outcome.card.pk,
                "status": outcome.card.status,
                "duplicate": outcome.duplicate,
                "url": card_url(request, outcome.card),
            }
            for outcome in outcomes
        ]
        return Response({"cards": cards}, status=status.HTTP_202_ACCEPTED)


class CardDetailApi(APIView):
    def get(self, request: Request, card_id: int) -> Response:
        card = card_get_for_user(user=request.user, card_id=card_id)
        return Response(card_data(request, card))


class CardRetryApi(APIView):
    def post(self, request: Request, card_id: int) -> Response:
        card = card_get_for_user(user=request.user, card_id=card_id)
        card = card_retry(card=card, user=request.user)
        return Response(card_data(request, card), status=status.HTTP_202_ACCEPTED)


class ContactListApi(APIView):
    def get(self, request: Request) -> Response:
        return paginated(self, request, contacts_for_user(user=request.user), contact_data)


class ContactDetailApi(APIView):
    def get(self, request: Request, contact_id: int) -> Response:
        return Response(
            contact_data(contact_get_for_user(user=request.user, contact_id=contact_id))
        )

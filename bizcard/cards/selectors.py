"""Reads of the cards app, always scoped to the asking user (staff see everyone's)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from bizcard.cards.models import Card, Contact


def cards_for_user(*, user) -> QuerySet[Card]:
    cards = Card.objects.all() if user.is_staff else Card.objects.filter(owner=user)
    return cards.prefetch_related(
        Prefetch("contacts", queryset=Contact.objects.order_by("id"))  # largest card first
    )


def card_get_for_user(*, user, card_id: int) -> Card:
    """The card, or Http404 when it does not exist *or belongs to someone else*."""
    return get_object_or_404(cards_for_user(user=user), pk=card_id)


def contacts_for_user(*, user) -> QuerySet[Contact]:
    contacts = Contact.objects.all() if user.is_staff else Contact.objects.filter(owner=user)
    return contacts.prefetch_related(Prefetch("cards", queryset=Card.objects.only("id")))


def contact_get_for_user(*, user, contact_id: int) -> Contact:
    """The contact, or Http404 when it does not exist or belongs to someone else."""
    return get_object_or_404(contacts_for_user(user=user), pk=contact_id)

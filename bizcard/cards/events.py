"""Card status pushed to the owner's browsers over Channels, only after the commit."""

from __future__ import annotations

from functools import partial

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from bizcard.cards.models import Card

CARD_STATUS_EVENT = "card.status"


def user_group(user_id: int) -> str:
    """The Channels group every websocket of one user joins."""
    return f"user.{user_id}.cards"


def card_status_send_on_commit(card: Card) -> None:
    """Tell the owner's browsers the card's new status once the transaction commits."""
    event = {
        "type": CARD_STATUS_EVENT,
        "card": {"id": card.pk, "status": card.status, "error": card.error},
    }
    # robust: a channel layer hiccup must not undo or fail the change it reports.
    transaction.on_commit(partial(_group_send, user_group(card.owner_id), event), robust=True)


def _group_send(group: str, event: dict) -> None:
    async_to_sync(get_channel_layer().group_send)(group, event)

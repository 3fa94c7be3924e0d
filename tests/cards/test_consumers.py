"""ws/cards/: a signed-in user's browser hears status changes of that user's cards only."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from bizcard.cards import services
from bizcard.cards.consumers import UNAUTHENTICATED_CLOSE_CODE, CardStatusConsumer
from bizcard.cards.events import user_group

pytestmark = pytest.mark.django_db


def socket_for(user) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(CardStatusConsumer.as_asgi(), "/ws/cards/")
    communicator.scope["user"] = user
    return communicator


def test_processing_a_card_pushes_each_status_to_the_owners_socket(
    queued_card, pipeline, django_capture_on_commit_callbacks
):
    owner = queued_card.owner

    def process() -> None:
        with django_capture_on_commit_callbacks(execute=True):
            services.card_process(card_id=queued_card.pk)

    async def scenario() -> list[dict]:
        socket = socket_for(owner)
        assert (await socket.connect())[0]
        await sync_to_async(process)()
        events = [await socket.receive_json_from(timeout=5) for _ in range(2)]
        await socket.disconnect()
        return events

    events = async_to_sync(scenario)()

    assert [(e["type"], e["card"]["id"], e["card"]["status"]) for e in events] == [
        ("card.status", queued_card.pk, "processing"),
        ("card.status", queued_card.pk, "done"),
    ]


def test_another_users_socket_hears_nothing(user, other_user):
    async def scenario() -> bool:
        theirs = socket_for(other_user)
        assert (await theirs.connect())[0]
        event = {"type": "card.status", "card": {"id": 1, "status": "done", "error": None}}
        await get_channel_layer().group_send(user_group(user.pk), event)
        quiet = await theirs.receive_nothing(timeout=0.3)
        await theirs.disconnect()
        return quiet

    assert async_to_sync(scenario)()


def test_an_anonymous_socket_is_closed():
    async def scenario() -> tuple[bool, int]:
        return await socket_for(AnonymousUser()).connect()

    assert async_to_sync(scenario)() == (False, UNAUTHENTICATED_CLOSE_CODE)


def test_a_socket_idle_for_longer_than_a_redis_read_still_hears_its_events(user):
    """Redis is idle past channels_redis's 5 s blocking read (and redis-py's default 5 s
    socket timeout) before the event comes; the socket must still be listening."""
    idle_s = 6

    async def scenario() -> dict:
        socket = socket_for(user)
        assert (await socket.connect())[0]
        assert await socket.receive_nothing(timeout=idle_s)
        event = {"type": "card.status", "card": {"id": 7, "status": "done", "error": None}}
        await get_channel_layer().group_send(user_group(user.pk), event)
        heard = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return heard

    assert async_to_sync(scenario)()["card"]["id"] == 7

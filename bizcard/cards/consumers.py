"""Websocket ``ws/cards/``: a signed-in user's browsers hear their cards' status changes."""

from __future__ import annotations

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from bizcard.cards.events import CARD_STATUS_EVENT, user_group

UNAUTHENTICATED_CLOSE_CODE = 4401  # 4000-4999 are the application's own close codes


class CardStatusConsumer(AsyncJsonWebsocketConsumer):
    group: str | None = None

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=UNAUTHENTICATED_CLOSE_CODE)
            return
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def card_status(self, event: dict) -> None:
        """Handles ``card.status`` group events (see events.py): forwards them as JSON."""
        await self.send_json({"type": CARD_STATUS_EVENT, "card": event["card"]})

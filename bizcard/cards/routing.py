from django.urls import path

from bizcard.cards.consumers import CardStatusConsumer

websocket_urlpatterns = [
    path("ws/cards/", CardStatusConsumer.as_asgi()),
]

from django.urls import path

from bizcard.cards import api, views

api_urlpatterns = [
    path("cards/", api.CardListApi.as_view(), name="card-list"),
    path("cards/<int:card_id>/", api.CardDetailApi.as_view(), name="card-detail"),
    path("cards/<int:card_id>/retry/", api.CardRetryApi.as_view(), name="card-retry"),
    path("contacts/", api.ContactListApi.as_view(), name="contact-list"),
    path("contacts/<int:contact_id>/", api.ContactDetailApi.as_view(), name="contact-detail"),
]

page_urlpatterns = [
    path("", views.card_index, name="index"),
    path("cards/upload/", views.card_upload, name="upload"),
    path("cards/list/", views.card_list, name="list"),
    path("cards/<int:card_id>/", views.card_detail, name="detail"),
    path("cards/<int:card_id>/image/", views.card_image, name="image"),
    path("cards/<int:card_id>/retry/", views.card_retry_view, name="retry"),
]

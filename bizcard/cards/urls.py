from django.urls import path

from bizcard.cards import api, contact_views, views

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
    path("cards/<int:card_id>/preview/", views.card_preview, name="preview"),
    path("cards/<int:card_id>/retry/", views.card_retry_view, name="retry"),
    path(
        "cards/<int:card_id>/contacts/<int:contact_id>/fields/<str:field>/",
        views.card_field_save,
        name="field-save",
    ),
    path("cards/<int:card_id>/words/assign/", views.card_words_assign_view, name="words-assign"),
    path("cards/<int:card_id>/reviewed/", views.card_reviewed, name="reviewed"),
    path("review/next/", views.card_review_next, name="review-next"),
]

contact_urlpatterns = [
    path("", contact_views.contact_list, name="list"),
    path("<int:contact_id>/", contact_views.contact_detail, name="detail"),
    path("duplicates/", contact_views.contact_duplicates, name="duplicates"),
    path("merge/", contact_views.contact_merge, name="merge"),
    path("export/", contact_views.contact_export, name="export"),
]

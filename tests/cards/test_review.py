"""The review page: word boxes over the photo, corrections by typing and by clicking boxes,
the least confident card first."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from bizcard.cards import services
from bizcard.cards.models import Card, FieldCorrection
from bizcard.pipeline.schema import empty_fields
from bizcard.pipeline.types import CardResult, Word
from tests.cards.factories import AVERY, upload_file
from tests.images import jpeg_bytes, pdf_bytes
from tests.pipeline.test_layout import turned
from training.selectors import corrected_examples

pytestmark = pytest.mark.django_db

# One word per (text, label, line); each word 100 px wide, lines 40 px apart.
PRINTED = [
    ("Avery", "B-NAME", 0), ("Smith", "I-NAME", 0),
    ("+44", "B-FAX", 1), ("7911", "I-FAX", 1), ("123456", "I-FAX", 1),
    ("Contoso", "O", 2),
]


def printed_card(confidence: float = 0.95) -> CardResult:
    words = [
        Word(text, ((10 + 110 * i, 10 + 40 * line), (100 + 110 * i, 10 + 40 * line),
                    (100 + 110 * i, 40 + 40 * line), (10 + 110 * i, 40 + 40 * line)), 0.99, line)
        for i, (text, _, line) in enumerate(PRINTED)
    ]
    fields = {**empty_fields(), "full_name": "Avery Smith", "fax": ["+447911123456"]}
    return CardResult(
        fields=fields,
        confidence={"full_name": confidence, "fax": confidence},
        words=words,
        labels=[label for _, label, _ in PRINTED],
        size=(900, 450),
    )


@pytest.fixture
def signed_in(client, user):
    client.login(username="alice", password="alice-password")
    return client


@pytest.fixture
def printed(queued_card, pipeline) -> Card:
    pipeline.cards = [printed_card()]
    return services.card_process(card_id=queued_card.pk)


def htmx_post(client, url: str, data: dict):
    return client.post(url, data, HTTP_HX_REQUEST="true")


def test_the_review_page_draws_each_word_where_it_lies_on_the_photo(signed_in, done_card):
    html = signed_in.get(f"/cards/{done_card.pk}/").content.decode()

    assert done_card.image_width == 640 and done_card.image_height == 360
    assert 'viewBox="0 0 640 360"' in html
    # The stand-in card is 900 x 450; the photo 640 x 360: word (10,10)-(90,30) scales.
    assert 'points="7.1,8.0 64.0,8.0 64.0,24.0 7.1,24.0"' in html
    assert 'class="word field-full_name"' in html
    assert AVERY["emails"][0] in html


def test_fields_under_the_confidence_threshold_are_highlighted(
    signed_in, queued_card, pipeline, settings
):
    settings.BIZCARD_LOW_CONFIDENCE = 0.8
    pipeline.cards = [printed_card(confidence=0.42)]
    card = services.card_process(card_id=queued_card.pk)

    html = signed_in.get(f"/cards/{card.pk}/").content.decode()

    low_rows = re.findall(r'class="field-row low[^"]*"[^>]*fields/(\w+)/', html)
    assert sorted(low_rows) == ["fax", "full_name"]
    assert "42%" in html


def test_typing_a_field_saves_it_inline_and_moves_on_to_the_next_field(signed_in, printed):
    contact = printed.contacts.get()

    response = htmx_post(
        signed_in, f"/cards/{printed.pk}/contacts/{contact.pk}/fields/full_name/",
        {"value": "Avery  Smith-Jones"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Avery Smith-Jones"' in html
    assert re.search(rf'id="field-{contact.pk}-position"[^>]*autofocus', html)
    correction = FieldCorrection.objects.get()
    assert (correction.old_value, correction.new_value, correction.method) == (
        "Avery Smith", "Avery Smith-Jones", "typed"
    )


def test_a_typed_phone_is_stored_in_e164(signed_in, printed):
    contact = printed.contacts.get()

    htmx_post(
        signed_in, f"/cards/{printed.pk}/contacts/{contact.pk}/fields/phones/",
        {"value": "+44 20 7946 0958; +44 (0)20 7946 0959, +44 20 7946 0958"},
    )

    contact.refresh_from_db()
    assert contact.phones == ["+442079460958", "+442079460959"]


def test_a_value_that_is_not_an_email_is_refused_with_a_message_and_nothing_changes(
    signed_in, printed
):
    contact = printed.contacts.get()

    response = htmx_post(
        signed_in, f"/cards/{printed.pk}/contacts/{contact.pk}/fields/emails/",
        {"value": "avery at contoso"},
    )

    assert response.status_code == 422
    assert "&#x27;avery at contoso&#x27; is not an e-mail address." in response.content.decode()
    contact.refresh_from_db()
    assert contact.emails == []
    assert not FieldCorrection.objects.exists()


def test_typing_a_value_printed_on_the_card_relabels_its_words(signed_in, printed, user):
    contact = printed.contacts.get()

    services.contact_field_correct(
        contact=contact, field="company", new_value="Contoso", user=user
    )

    words = Card.objects.get(pk=printed.pk).found_cards[0]["words"]
    assert (words[5]["label"], words[5]["predicted"]) == ("B-COMPANY", "O")
    assert "predicted" not in words[0]  # untouched words keep only the model's label


def test_clicking_words_assigns_them_to_the_chosen_field(signed_in, printed, user):
    contact = printed.contacts.get()
    url = f"/cards/{printed.pk}/words/assign/"

    for word in (2, 3, 4):  # "+44 7911 123456", read as fax, is a phone
        response = htmx_post(signed_in, url, {"found": 0, "word": word, "assign_field": "phones"})
        assert response.status_code == 200

    contact.refresh_from_db()
    assert (contact.phones, contact.fax) == (["+447911123456"], [])
    assert contact.confidence["phones"] == 1.0
    fax_changes = FieldCorrection.objects.filter(field="fax", method="boxes").order_by("id")
    assert fax_changes.first().old_value == ["+447911123456"]
    assert fax_changes.last().new_value == []
    assert all(c.user == user for c in FieldCorrection.objects.all())
    words = Card.objects.get(pk=printed.pk).found_cards[0]["words"]
    assert [w["label"] for w in words[2:5]] == ["B-PHONE", "I-PHONE", "I-PHONE"]
    assert [w["predicted"] for w in words[2:5]] == ["B-FAX", "I-FAX", "I-FAX"]
    assert 'value="phones" checked' in response.content.decode()  # the choice stays


def test_clicking_a_word_of_the_chosen_field_again_takes_it_out(signed_in, printed):
    contact = printed.contacts.get()
    url = f"/cards/{printed.pk}/words/assign/"

    htmx_post(signed_in, url, {"found": 0, "word": 5, "assign_field": "company"})
    contact.refresh_from_db()
    assert contact.company == "Contoso"

    htmx_post(signed_in, url, {"found": 0, "word": 5, "assign_field": "company"})
    contact.refresh_from_db()
    assert contact.company == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"found": 0, "word": 99, "assign_field": "company"}, "Word numbers go from 0 to 5."),
        ({"found": 3, "word": 0, "assign_field": "company"}, "shows no card number 3"),
        ({"found": 0, "word": 0, "assign_field": "nickname"}, "Unknown field 'nickname'"),
        ({"found": "x", "word": 0}, "found and word must be numbers."),
    ],
)
def test_a_click_that_names_no_word_of_the_card_is_refused(signed_in, printed, data, message):
    response = htmx_post(signed_in, f"/cards/{printed.pk}/words/assign/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FieldCorrection.objects.exists()


def test_another_user_cannot_correct_or_assign(client, other_user, printed):
    client.login(username="bob", password="bob-password")
    contact = printed.contacts.get()

    assert htmx_post(
        client, f"/cards/{printed.pk}/contacts/{contact.pk}/fields/full_name/", {"value": "Bob"}
    ).status_code == 404
    assert htmx_post(
        client, f"/cards/{printed.pk}/words/assign/", {"found": 0, "word": 0}
    ).status_code == 404
    assert not FieldCorrection.objects.exists()


def test_next_card_to_review_is_the_least_confident_unreviewed_one(signed_in, user, pipeline,
                                                                    enqueued):
    cards = []
    for seed, confidence in ((11, 0.9), (12, 0.3), (13, 0.6)):
        pipeline.cards = [printed_card(confidence=confidence)]
        [outcome] = services.card_images_upload(
            owner=user, files=[upload_file(jpeg_bytes(seed=seed))]
        )
        cards.append(services.card_process(card_id=outcome.card.pk))
    least, middle = cards[1], cards[2]

    response = signed_in.get("/review/next/")
    assert response["Location"] == f"/cards/{least.pk}/"

    response = htmx_post(signed_in, f"/cards/{least.pk}/reviewed/", {})
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"/cards/{middle.pk}/"
    least.refresh_from_db()
    assert least.reviewed_by == user and least.reviewed_at is not None


def test_with_every_card_reviewed_next_goes_back_to_the_list(signed_in, done_card, user):
    services.card_review_complete(card=done_card, user=user)

    response = signed_in.get("/review/next/", follow=True)

    assert response.redirect_chain[-1][0] == "/"
    assert "Every card is reviewed." in response.content.decode()


def test_pages_show_an_upright_downscaled_preview_stored_when_the_card_is_read(
    signed_in, user, enqueued, pipeline
):
    exif = Image.Exif()
    exif[0x0112] = 6  # shot sideways: shown turned 90 degrees
    photo = io.BytesIO()
    Image.new("RGB", (4000, 3000), "white").save(photo, format="JPEG", exif=exif)
    [outcome] = services.card_images_upload(owner=user, files=[upload_file(photo.getvalue())])
    card = services.card_process(card_id=outcome.card.pk)

    response = signed_in.get(f"/cards/{card.pk}/preview/")

    assert response["Content-Type"] == "image/jpeg"
    preview = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert preview.size == (1200, 1600)
    assert (card.image_width, card.image_height) == (3000, 4000)


def test_a_pdf_card_not_read_yet_is_shown_as_an_image_of_its_page(signed_in, user, enqueued):
    [outcome] = services.card_images_upload(
        owner=user, files=[upload_file(pdf_bytes(), "card.pdf", "application/pdf")]
    )

    response = signed_in.get(f"/cards/{outcome.card.pk}/preview/")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")


def test_the_labels_a_person_set_are_what_fine_tuning_learns(signed_in, printed):
    for word in (2, 3, 4):
        htmx_post(signed_in, f"/cards/{printed.pk}/words/assign/",
                  {"found": 0, "word": word, "assign_field": "phones"})

    [example] = corrected_examples()

    assert example.labels == ["B-NAME", "I-NAME", "B-PHONE", "I-PHONE", "I-PHONE", "O"]
    assert example.fields["phones"] == ["+447911123456"] and example.fields["fax"] == []


def test_a_shift_click_assigns_the_whole_value_of_the_word(signed_in, printed):
    contact = printed.contacts.get()

    htmx_post(signed_in, f"/cards/{printed.pk}/words/assign/",
              {"found": 0, "word": 3, "assign_field": "phones", "whole": "true"})

    contact.refresh_from_db()
    assert (contact.phones, contact.fax) == (["+447911123456"], [])
    assert FieldCorrection.objects.filter(field="fax", new_value=[]).count() == 1


def test_a_typed_name_relabels_its_words_on_a_card_read_upside_down(
    signed_in, queued_card, pipeline, user
):
    upside_down = printed_card()
    upside_down.words = turned(upside_down.words, 180, upside_down.size)
    upside_down.labels = ["O", "O", *upside_down.labels[2:]]  # the model missed the name
    upside_down.fields = {**upside_down.fields, "full_name": None}
    pipeline.cards = [upside_down]
    card = services.card_process(card_id=queued_card.pk)

    services.contact_field_correct(
        contact=card.contacts.get(), field="full_name", new_value="Avery Smith", user=user
    )

    words = Card.objects.get(pk=card.pk).found_cards[0]["words"]
    assert [w["label"] for w in words[:2]] == ["B-NAME", "I-NAME"]

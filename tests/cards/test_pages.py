"""The browser pages: log in, upload, the polling list, retry, a card's detail and photo."""

from __future__ import annotations

import pytest

from bizcard.cards.models import Card
from tests.cards.factories import AVERY, upload_file
from tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(client, user):
    client.login(username="alice", password="alice-password")
    return client


def test_pages_need_a_login(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_login_page_logs_in_and_lands_on_the_cards_page(client, user):
    assert client.get("/accounts/login/").status_code == 200

    response = client.post("/accounts/login/", {"username": "alice", "password": "alice-password"})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_upload_form_takes_several_photos_or_pdfs_and_the_camera(browser):
    html = browser.get("/").content.decode()

    assert 'enctype="multipart/form-data"' in html
    assert 'accept="image/*,application/pdf" multiple' in html
    assert 'capture="environment"' in html
    assert "django_htmx/htmx-2.min.js" in html  # vendored, never a CDN
    assert "https://" not in html


def test_htmx_is_served_from_our_own_static_files(client):
    response = client.get("/static/django_htmx/htmx-2.min.js")

    assert response.status_code == 200


def test_uploading_from_the_form_queues_the_cards_and_shows_them(browser, user, enqueued):
    response = browser.post(
        "/cards/upload/",
        {"files": [upload_file(jpeg_bytes(seed=21)), upload_file(jpeg_bytes(seed=22))]},
        follow=True,
    )

    assert response.status_code == 200
    assert Card.objects.filter(owner=user).count() == 2
    assert "2 photos queued." in response.content.decode()


def test_a_refused_upload_shows_why_with_the_error_status(browser, user):
    response = browser.post("/cards/upload/", {"files": [upload_file(b"plain text")]})

    assert response.status_code == 415
    assert "Nothing was stored." in response.content.decode()
    assert not Card.objects.exists()


def test_the_list_polls_while_a_card_is_pending_and_no_websocket_is_open(browser, queued_card):
    html = browser.get("/cards/list/").content.decode()

    assert 'hx-get="/cards/list/"' in html
    assert "every 2s [!document.body.dataset.live]" in html
    assert "card-status from:body" in html  # the websocket's pushes refresh it too


def test_the_list_stops_polling_once_every_card_is_finished(browser, done_card):
    html = browser.get("/cards/list/").content.decode()

    assert "every 2s" not in html
    assert AVERY["full_name"] in html


def test_a_failed_card_offers_a_retry_button_that_requeues_it(browser, failed_card, enqueued):
    html = browser.get("/").content.decode()
    assert f'hx-post="/cards/{failed_card.pk}/retry/"' in html

    response = browser.post(f"/cards/{failed_card.pk}/retry/", HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert "every 2s" in response.content.decode()  # queued again: polling resumes
    assert Card.objects.get(pk=failed_card.pk).status == Card.Status.QUEUED


def test_the_detail_page_shows_the_photo_and_the_fields_with_confidence(browser, done_card):
    html = browser.get(f"/cards/{done_card.pk}/").content.decode()

    assert f'src="/cards/{done_card.pk}/preview/"' in html
    assert AVERY["full_name"] in html
    assert AVERY["emails"][0] in html
    assert "90%" in html


def test_the_photo_is_streamed_to_its_owner(browser, done_card):
    response = browser.get(f"/cards/{done_card.pk}/image/")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == jpeg_bytes(seed=1)


def test_another_users_card_page_and_photo_are_not_found(client, other_user, done_card):
    client.login(username="bob", password="bob-password")

    assert client.get(f"/cards/{done_card.pk}/").status_code == 404
    assert client.get(f"/cards/{done_card.pk}/image/").status_code == 404
    assert client.get(f"/cards/{done_card.pk}/preview/").status_code == 404


def test_the_admin_lists_cards_contacts_and_corrections(client, django_user_model, done_card):
    django_user_model.objects.create_superuser("root", password="root-password")
    client.login(username="root", password="root-password")

    for model in ("card", "contact", "fieldcorrection"):
        assert client.get(f"/admin/cards/{model}/").status_code == 200

"""POST /api/cards/: what is accepted, what is refused, and that a refusal stores nothing."""

from __future__ import annotations

import pytest

from bizcard.cards.models import Card
from tests.cards.factories import upload_file
from tests.images import jpeg_bytes, png_with_declared_size, truncated_jpeg_bytes
from tests.s3 import s3_keys, s3_read

pytestmark = pytest.mark.django_db

URL = "/api/cards/"


def post_files(client, *files, field: str = "files"):
    return client.post(URL, {field: list(files)}, format="multipart")


def assert_nothing_stored(user) -> None:
    assert not Card.objects.filter(owner=user).exists()
    assert s3_keys(f"cards/{user.pk}/") == []


def test_uploading_one_photo_queues_a_card_and_answers_202(
    api_client, user, enqueued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_files(api_client, upload_file(jpeg_bytes(seed=1)))

    assert response.status_code == 202
    [answer] = response.json()["cards"]
    card = Card.objects.get(pk=answer["id"])
    assert answer == {
        "id": card.pk,
        "status": "queued",
        "duplicate": False,
        "url": f"http://testserver/api/cards/{card.pk}/",
    }
    assert card.owner == user
    assert card.content_type == "image/jpeg"
    assert card.original_filename == "card.jpg"
    assert enqueued == [card.pk]


def test_several_photos_in_one_request_each_become_a_card(api_client, enqueued):
    response = post_files(api_client, *(upload_file(jpeg_bytes(seed=s)) for s in (1, 2, 3)))

    assert response.status_code == 202
    assert [c["duplicate"] for c in response.json()["cards"]] == [False, False, False]
    assert Card.objects.count() == 3


def test_the_single_file_field_name_is_accepted_too(api_client, enqueued):
    response = post_files(api_client, upload_file(jpeg_bytes(seed=4)), field="file")

    assert response.status_code == 202
    assert len(response.json()["cards"]) == 1


def test_the_image_lands_in_the_s3_bucket(api_client):
    data = jpeg_bytes(seed=5)

    response = post_files(api_client, upload_file(data))

    card = Card.objects.get(pk=response.json()["cards"][0]["id"])
    assert card.image.name == f"cards/{card.owner_id}/{card.sha256}.jpg"
    assert s3_read(card.image.name) == data


def test_uploading_the_same_bytes_again_returns_the_same_card_and_does_not_process_it_twice(
    api_client, enqueued, django_capture_on_commit_callbacks
):
    data = jpeg_bytes(seed=6)
    with django_capture_on_commit_callbacks(execute=True):
        first = post_files(api_client, upload_file(data, name="first.jpg")).json()["cards"][0]
    with django_capture_on_commit_callbacks(execute=True):
        again = post_files(api_client, upload_file(data, name="again.jpg"))

    assert again.status_code == 202
    [answer] = again.json()["cards"]
    assert answer["id"] == first["id"]
    assert answer["duplicate"] is True
    assert Card.objects.count() == 1
    assert enqueued == [first["id"]]


def test_the_same_photo_twice_in_one_request_is_one_card(api_client, enqueued):
    data = jpeg_bytes(seed=8)

    answers = post_files(api_client, upload_file(data), upload_file(data)).json()["cards"]

    assert answers[0]["id"] == answers[1]["id"]
    assert [a["duplicate"] for a in answers] == [False, True]


def test_two_users_uploading_the_same_photo_get_a_card_each(api_client, other_client):
    data = jpeg_bytes(seed=9)

    mine = post_files(api_client, upload_file(data)).json()["cards"][0]
    theirs = post_files(other_client, upload_file(data)).json()["cards"][0]

    assert mine["id"] != theirs["id"]
    assert theirs["duplicate"] is False


def test_a_file_over_the_size_limit_is_refused_with_413(api_client, user, settings):
    settings.BIZCARD_MAX_UPLOAD_MB = 1
    big = jpeg_bytes(seed=10) + b"\0" * (1024 * 1024)

    response = post_files(api_client, upload_file(big))

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "file_too_large"
    assert_nothing_stored(user)


def test_text_named_jpg_is_refused_as_unsupported_media_type(api_client, user):
    response = post_files(api_client, upload_file(b"Dear Sir or Madam,\n" * 50, name="letter.jpg"))

    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"
    assert_nothing_stored(user)


def test_a_truncated_jpeg_is_refused_as_corrupt(api_client, user):
    response = post_files(api_client, upload_file(truncated_jpeg_bytes()))

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "corrupt_image"
    assert_nothing_stored(user)


def test_a_decompression_bomb_is_refused_before_it_is_decoded(api_client, user):
    bomb = png_with_declared_size(100_000, 100_000)  # 10 gigapixels declared, 1 kB on disk

    response = post_files(api_client, upload_file(bomb, name="bomb.png", content_type="image/png"))

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "image_too_large"
    assert_nothing_stored(user)


def test_a_request_without_files_is_refused(api_client, user):
    response = api_client.post(URL, {}, format="multipart")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "no_files"
    assert_nothing_stored(user)


def test_a_json_body_is_refused_as_unsupported_media_type(api_client):
    response = api_client.post(URL, {"files": []}, format="json")

    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


def test_one_bad_file_in_a_batch_rejects_the_batch_and_stores_nothing(api_client, user, enqueued):
    response = post_files(
        api_client,
        upload_file(jpeg_bytes(seed=11), name="good.jpg"),
        upload_file(b"not an image", name="bad.jpg"),
        upload_file(jpeg_bytes(seed=12), name="also-good.jpg"),
    )

    assert response.status_code == 415
    error = response.json()["error"]
    assert error["code"] == "unsupported_media_type"
    assert "bad.jpg" in error["message"]
    assert [f["name"] for f in error["files"]] == ["bad.jpg"]
    assert_nothing_stored(user)
    assert enqueued == []

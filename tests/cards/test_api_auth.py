"""Who may call the API, and that every refusal is the one JSON error shape."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.cards.factories import upload_file

pytestmark = pytest.mark.django_db


def test_an_anonymous_request_gets_401_with_a_json_error(anonymous_client):
    response = anonymous_client.get("/api/cards/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response.json()["error"]["message"]


def test_a_wrong_token_gets_401(anonymous_client):
    anonymous_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = anonymous_client.get("/api/cards/")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_a_token_authenticates(api_client):
    response = api_client.get("/api/cards/")

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_a_token_is_issued_for_username_and_password(user, anonymous_client):
    response = anonymous_client.post(
        "/api/auth/token/", {"username": "alice", "password": "alice-password"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=user).key


def test_a_wrong_password_gets_no_token_and_a_json_error(user, anonymous_client):
    response = anonymous_client.post(
        "/api/auth/token/", {"username": "alice", "password": "wrong"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_request"


def test_a_browser_session_authenticates(user, client):
    client.login(username="alice", password="alice-password")

    response = client.get("/api/cards/")

    assert response.status_code == 200


def test_a_session_post_without_csrf_token_is_refused(user):
    client = APIClient(enforce_csrf_checks=True)
    client.login(username="alice", password="alice-password")

    response = client.post("/api/cards/", {}, format="multipart")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert "CSRF" in response.json()["error"]["message"]


def test_an_unknown_api_url_gets_a_json_404(api_client):
    response = api_client.get("/api/nothing-here/")

    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}


def test_a_wrong_method_gets_a_json_405(api_client):
    response = api_client.delete("/api/cards/")

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_too_many_files_in_one_request_gets_413(api_client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    files = [upload_file(b"x", name=f"{n}.jpg") for n in range(3)]

    response = api_client.post("/api/cards/", {"files": files}, format="multipart")

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_too_large"

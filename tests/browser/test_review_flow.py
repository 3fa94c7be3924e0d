"""The bar of the review screens, in a real browser: log in, upload a real photo, watch it
be read without reloading, correct one field by typing and one by clicking word boxes, see
the corrections kept after a reload and in the vCard export; another user sees none of it."""

from __future__ import annotations

import base64
import re

import pytest
from playwright.sync_api import expect

from bizcard.cards.models import Card, FieldCorrection
from tests.browser.conftest import PHONE_VIEWPORT, login, needs_chromium, screenshot
from tests.images import jpeg_bytes
from tests.real_photos import REAL, needs_real_photos

PHOTO = REAL / "azure-contoso-avery.jpg"
PROCESSING_TIMEOUT_MS = 240_000  # the worker loads the OCR models for its first card
FAX_READ = "+442067892345"

pytestmark = [
    pytest.mark.slow,
    needs_real_photos,
    needs_chromium,
    pytest.mark.usefixtures("transactional_db"),
]


def field_input(page, field: str):
    return page.locator(f"#review input[id$='-{field}']")


def test_a_photo_becomes_a_corrected_contact_in_the_browser(
    asgi_server, card_worker, chromium, user, other_user
):
    page = login(chromium, asgi_server, "alice", "alice-password")
    page.evaluate("window.notReloaded = true")

    page.set_input_files("input[type=file][multiple]", str(PHOTO))

    expect(page.locator("[data-uploads] li")).to_have_attribute("data-state", "uploaded")
    card_row = page.locator("#card-list li.card-row")
    expect(card_row).to_have_attribute("data-status", "done", timeout=PROCESSING_TIMEOUT_MS)
    expect(card_row).to_contain_text("Dr. Avery Smith")
    assert page.evaluate("window.notReloaded === true")
    assert page.evaluate("document.body.dataset.live") == "1", "status came over the websocket"
    screenshot(page, "upload")

    card_row.locator("a.card-link").click()
    expect(page.locator("#review")).to_have_attribute("data-status", "done")
    expect(page.locator("#review polygon.word")).not_to_have_count(0)
    expect(field_input(page, "position")).to_have_value("Senior Researcher")
    screenshot(page, "review")

    # Typing: Enter saves inline and moves on to the next field.
    field_input(page, "position").fill("Principal Researcher")
    field_input(page, "position").press("Enter")
    expect(page.locator("form.field-row.corrected input[id$='-position']")).to_have_value(
        "Principal Researcher"
    )
    expect(field_input(page, "department")).to_be_focused()

    # Boxes: the number printed as fax is a phone. Choose "Phone", click its first word,
    # then Shift-click another: that brings the rest of the number.
    page.locator("#assign-field label.field-phones").click()
    fax_words = page.locator("#review polygon[data-field=fax]")
    printed_words = fax_words.count()
    assert printed_words > 2
    fax_words.first.click()
    expect(fax_words).to_have_count(printed_words - 1)
    fax_words.last.click(modifiers=["Shift"])
    expect(fax_words).to_have_count(0)
    expect(field_input(page, "fax")).to_have_value("")
    expect(field_input(page, "phones")).to_have_value(re.compile(re.escape(FAX_READ)))
    screenshot(page, "review-corrected")

    page.reload()
    expect(field_input(page, "position")).to_have_value("Principal Researcher")
    expect(field_input(page, "phones")).to_have_value(re.compile(re.escape(FAX_READ)))
    expect(field_input(page, "fax")).to_have_value("")
    assert page.evaluate("window.notReloaded === undefined")  # it really was reloaded

    card = Card.objects.get(owner=user)
    typed = FieldCorrection.objects.get(field="position")
    assert (typed.old_value, typed.new_value) == ("Senior Researcher", "Principal Researcher")
    assert (typed.user, typed.method, typed.model_version) == (user, "typed", card.model_version)
    fax = FieldCorrection.objects.filter(field="fax", method="boxes").order_by("created_at")
    assert fax.first().old_value == [FAX_READ] and fax.last().new_value == []
    words = card.found_cards[0]["words"]
    moved = [w for w in words if w.get("predicted", "").endswith("FAX")]
    assert moved and all(w["label"].endswith("PHONE") for w in moved)
    # "Principal Researcher" is printed nowhere: no box may teach it, the old ones lose it.
    assert not [w for w in words if w["label"].endswith("POSITION")]
    assert [w["text"] for w in words if w.get("predicted", "").endswith("POSITION")] == [
        "Senior", "Researcher"
    ]

    # The key N marks the card reviewed and goes to the next one: none is left.
    page.locator("body").press("n")
    expect(page.locator(".messages")).to_contain_text("Every card is reviewed.")
    card.refresh_from_db()
    assert card.reviewed_by == user

    # The contact list finds the card's contact; its vCard carries both corrections.
    page.goto("/contacts/")
    page.get_by_role("searchbox").fill("7911 123456")
    rows = page.locator("#contact-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Dr. Avery Smith")
    rows.get_by_role("checkbox").check()
    page.get_by_label("vCard version").select_option("4.0")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export selected as vCard").click()
    vcard = download.value.path().read_text(encoding="utf-8")
    assert "VERSION:4.0" in vcard
    assert "TITLE:Principal Researcher" in vcard
    assert f"tel:{FAX_READ}" in vcard
    assert "fax" not in vcard.lower()  # the number moved from fax to phone
    screenshot(page, "contacts")

    phone = login(chromium, asgi_server, "alice", "alice-password", viewport=PHONE_VIEWPORT)
    phone.goto(f"/cards/{card.pk}/")
    expect(field_input(phone, "position")).to_have_value("Principal Researcher")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone, "review-phone")
    phone.goto("/contacts/")
    expect(phone.locator("#contact-table")).to_contain_text("Dr. Avery Smith")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone, "contacts-phone")

    bob = login(chromium, asgi_server, "bob", "bob-password")
    expect(bob.locator("#card-list")).to_contain_text("No cards yet")
    assert bob.goto(f"/cards/{card.pk}/").status == 404
    assert bob.goto(f"/cards/{card.pk}/image/").status == 404
    contact = card.contacts.get()
    assert bob.goto(f"/contacts/{contact.pk}/").status == 404
    bob.goto("/contacts/")
    expect(bob.locator("#contact-table")).to_contain_text("No contacts yet")
    with bob.expect_download() as download:
        bob.get_by_role("link", name="vCard 3.0").click()
    assert "BEGIN:VCARD" not in download.value.path().read_text(encoding="utf-8")


def test_dropped_files_upload_each_with_progress_and_a_refused_one_offers_retry(
    asgi_server, chromium, user
):
    page = login(chromium, asgi_server, "alice", "alice-password")
    photo = base64.b64encode(jpeg_bytes(seed=5)).decode()
    dropped = page.evaluate_handle(
        """(photo) => {
            const transfer = new DataTransfer();
            const bytes = Uint8Array.from(atob(photo), (c) => c.charCodeAt(0));
            transfer.items.add(new File([bytes], "card.jpg", {type: "image/jpeg"}));
            transfer.items.add(new File(["name,email"], "notes.txt", {type: "text/plain"}));
            return transfer;
        }""",
        photo,
    )

    page.dispatch_event("[data-dropzone]", "drop", {"dataTransfer": dropped})

    uploads = page.locator("[data-uploads] li")
    expect(uploads).to_have_count(2)
    expect(uploads.nth(0)).to_have_attribute("data-state", "uploaded")
    expect(uploads.nth(0).locator("progress")).to_have_attribute("value", "100")
    refused = uploads.nth(1)
    expect(refused).to_have_attribute("data-state", "failed")
    expect(refused).to_contain_text("Nothing was stored.")
    expect(page.locator("#card-list li.card-row")).to_have_count(1)  # the photo, listed live

    with page.expect_response(lambda response: "/api/cards/" in response.url) as answer:
        refused.get_by_role("button", name="Retry").click()
    assert answer.value.status == 415
    expect(refused).to_have_attribute("data-state", "failed")
    assert Card.objects.filter(owner=user).count() == 1


def test_without_a_websocket_the_status_still_arrives_by_polling(
    asgi_server, card_worker, chromium, user
):
    page = login(chromium, asgi_server, "alice", "alice-password")
    page.route_web_socket(re.compile(r"/ws/cards/"), lambda socket: socket.close())
    page.reload()

    page.set_input_files("input[type=file][multiple]", str(REAL / "ybc-namecard.jpg"))

    card_row = page.locator("#card-list li.card-row")
    expect(card_row).to_have_attribute("data-status", "done", timeout=PROCESSING_TIMEOUT_MS)
    assert page.evaluate("document.body.dataset.live") is None

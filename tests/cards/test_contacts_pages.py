"""The contact pages: the searchable list, a contact, duplicates and merging."""

from __future__ import annotations

import pytest

from bizcard.cards import services
from bizcard.cards.models import Contact, ContactMerge
from tests.cards.factories import AVERY, card_result, upload_file
from tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(client, user):
    client.login(username="alice", password="alice-password")
    return client


@pytest.fixture
def bob_browser(client, other_user):
    client.login(username="bob", password="bob-password")
    return client


@pytest.fixture
def read_card(user, pipeline, enqueued):
    def read(fields: dict, *, seed: int):
        pipeline.cards = [card_result(fields)]
        upload = upload_file(jpeg_bytes(seed=seed))
        card = services.card_images_upload(owner=user, files=[upload])[0].card
        return services.card_process(card_id=card.pk)

    return read


@pytest.fixture
def avery_twice(read_card) -> tuple[Contact, Contact]:
    first = read_card(AVERY, seed=81).contacts.get()
    second = read_card({**AVERY, "company": "Contoso Ltd", "fax": []}, seed=82).contacts.get()
    return first, second


@pytest.mark.parametrize("path", ["/contacts/", "/contacts/1/", "/contacts/duplicates/"])
def test_contact_pages_need_a_login(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_list_shows_the_users_contacts_with_their_own_stylesheet(browser, user, other_user):
    Contact.objects.create(owner=user, full_name="Avery Smith", emails=["avery@contoso.com"])
    Contact.objects.create(owner=other_user, full_name="Bob's Friend")

    html = browser.get("/contacts/").content.decode()

    assert "Avery Smith" in html
    assert "avery@contoso.com" in html
    assert "Bob's Friend" not in html
    assert "/static/css/contacts.css" in html
    assert "https://" not in html


def test_the_search_box_asks_for_the_table_as_the_user_types(browser, user):
    html = browser.get("/contacts/").content.decode()

    assert 'hx-get="/contacts/"' in html
    assert 'hx-trigger="input changed delay:300ms' in html
    assert 'hx-target="#contact-table"' in html


def test_an_htmx_search_answers_with_the_matching_rows_only(browser, user):
    Contact.objects.create(owner=user, full_name="Avery Smith", phones=["+447911123456"])
    Contact.objects.create(owner=user, full_name="Chris Jones")

    response = browser.get("/contacts/", {"q": "07911 123456"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert "<html" not in html
    assert "Avery Smith" in html
    assert "Chris Jones" not in html
    assert "HX-Request" in response["Vary"]


def test_the_list_filters_by_what_a_contact_has(browser, user):
    Contact.objects.create(owner=user, full_name="Avery Smith", emails=["avery@contoso.com"])
    Contact.objects.create(owner=user, full_name="Chris Jones")

    html = browser.get("/contacts/", {"has": "email"}).content.decode()

    assert "Avery Smith" in html
    assert "Chris Jones" not in html


def test_the_list_shows_25_contacts_a_page_and_pages_keep_the_search(browser, user):
    Contact.objects.bulk_create(
        Contact(owner=user, full_name=f"Person {number:02}") for number in range(30)
    )

    first = browser.get("/contacts/", {"q": "person"}).content.decode()
    second = browser.get("/contacts/", {"q": "person", "page": 2}).content.decode()

    assert first.count('name="ids"') == 25
    assert "Person 24" in first and "Person 25" not in first
    assert 'href="?q=person&amp;page=2"' in first
    assert second.count('name="ids"') == 5
    assert "Person 29" in second
    assert "Page 2 of 2" in second


def test_the_list_offers_export_of_the_selected_or_all_contacts(browser, user):
    contact = Contact.objects.create(owner=user, full_name="Avery Smith")

    html = browser.get("/contacts/").content.decode()

    assert f'<input type="checkbox" name="ids" value="{contact.pk}"' in html
    assert 'action="/contacts/export/"' in html
    assert "Export selected as vCard" in html
    assert "Export selected as CSV" in html
    assert "Export all" in html


def test_staff_see_everyones_contacts_with_the_owner(client, staff_user, user, other_user):
    Contact.objects.create(owner=user, full_name="Alice's Friend")
    Contact.objects.create(owner=other_user, full_name="Bob's Friend")
    client.login(username="sam", password="sam-password")

    html = client.get("/contacts/").content.decode()

    assert "Alice&#x27;s Friend" in html
    assert "Bob&#x27;s Friend" in html
    assert ">bob<" in html


def test_the_contact_page_shows_fields_card_photos_corrections_and_merges(
    browser, avery_twice, user
):
    primary, other = avery_twice
    services.contact_field_correct(contact=primary, field="position", new_value="CEO", user=user)
    services.contacts_merge(primary=primary, others=[other], user=user)
    cards = list(primary.cards.all())

    html = browser.get(f"/contacts/{primary.pk}/").content.decode()

    assert "Dr. Avery Smith" in html
    assert "avery.smith@contoso.com" in html
    for card in cards:
        assert f'href="/cards/{card.pk}/"' in html
        assert f'src="/cards/{card.pk}/preview/"' in html
    assert "CEO" in html and "alice" in html  # who changed the position, to what
    assert f"contact {other.pk}, merged" in html
    assert "Contoso Ltd" in html  # the merged contact's own company, kept in the snapshot


def test_another_users_contact_is_not_found_but_staff_see_it(client, avery_twice, other_user):
    contact, _ = avery_twice
    client.login(username="bob", password="bob-password")
    assert client.get(f"/contacts/{contact.pk}/").status_code == 404

    client.logout()
    client.force_login(
        type(other_user).objects.create_user("sam", password="sam-password", is_staff=True)
    )
    assert client.get(f"/contacts/{contact.pk}/").status_code == 200


def test_the_duplicates_page_shows_each_group_side_by_side_with_a_merge_form(browser, avery_twice):
    primary, other = avery_twice

    html = browser.get("/contacts/duplicates/").content.decode()

    assert "same email avery.smith@contoso.com" in html
    assert 'action="/contacts/merge/"' in html
    assert f'name="primary" value="{primary.pk}" checked' in html
    assert f'name="keep_company" value="{primary.pk}" checked' in html
    assert f'name="keep_company" value="{other.pk}"' in html
    assert 'name="keep_full_name"' not in html  # the same name: nothing to choose


def test_bob_sees_none_of_alices_duplicates(bob_browser, avery_twice):
    html = bob_browser.get("/contacts/duplicates/").content.decode()

    assert "Avery" not in html
    assert "No duplicates found." in html


def test_merging_from_the_form_keeps_the_chosen_values_and_opens_the_contact(browser, avery_twice):
    primary, other = avery_twice

    response = browser.post(
        "/contacts/merge/",
        {"ids": [primary.pk, other.pk], "primary": primary.pk, "keep_company": other.pk},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == f"/contacts/{primary.pk}/"
    assert "Merged 2 contacts" in response.content.decode()
    primary.refresh_from_db()
    assert primary.company == "Contoso Ltd"
    assert primary.cards.count() == 2
    assert not Contact.objects.filter(pk=other.pk).exists()


def test_a_merge_of_one_contact_alone_is_refused_with_a_message(browser, avery_twice):
    primary, _ = avery_twice

    response = browser.post(
        "/contacts/merge/", {"ids": [primary.pk], "primary": primary.pk}, follow=True
    )

    assert "Choose at least one other contact" in response.content.decode()
    assert Contact.objects.count() == 2


def test_bob_cannot_merge_alices_contacts(bob_browser, avery_twice):
    primary, other = avery_twice

    response = bob_browser.post(
        "/contacts/merge/", {"ids": [primary.pk, other.pk], "primary": primary.pk}
    )

    assert response.status_code == 404
    assert Contact.objects.count() == 2
    assert not ContactMerge.objects.exists()


def test_a_merge_with_malformed_ids_is_a_bad_request(browser, avery_twice):
    response = browser.post("/contacts/merge/", {"ids": ["x"], "primary": "1"})

    assert response.status_code == 400


def test_the_admin_lists_contact_merges(client, django_user_model, avery_twice, user):
    primary, other = avery_twice
    services.contacts_merge(primary=primary, others=[other], user=user)
    django_user_model.objects.create_superuser("root", password="root-password")
    client.login(username="root", password="root-password")

    assert client.get("/admin/cards/contactmerge/").status_code == 200
    assert client.get("/admin/cards/fieldcorrection/?method=merge").status_code == 200

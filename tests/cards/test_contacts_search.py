"""selectors.contacts_search: find a contact by name, company, email or phone, filter, sort."""

from __future__ import annotations

import pytest

from bizcard.cards.models import Contact
from bizcard.cards.selectors import contacts_search

pytestmark = pytest.mark.django_db


def names(contacts) -> list[str]:
    return [contact.full_name for contact in contacts]


@pytest.mark.parametrize(
    "query", ["+44 7911 123456", "07911123456", "07911 123 456", "0044 7911-123456", "123456"]
)
def test_a_phone_typed_in_another_format_finds_the_stored_number(user, query):
    Contact.objects.create(owner=user, full_name="Avery Smith", phones=["+447911123456"])
    Contact.objects.create(owner=user, full_name="Chris Jones", phones=["+14155550100"])

    assert names(contacts_search(user=user, query=query)) == ["Avery Smith"]


def test_a_fax_number_is_found_like_a_phone(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", fax=["+442067892345"])

    assert names(contacts_search(user=user, query="020 6789 2345")) == ["Avery Smith"]


def test_a_couple_of_digits_are_too_few_to_match_phones(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", phones=["+447911123456"])

    assert names(contacts_search(user=user, query="44")) == []


@pytest.mark.parametrize("query", ["avery", "CONTOSO", "avery.smith@contoso", "Zoë", "cto"])
def test_name_company_email_and_position_match_ignoring_case(user, query):
    Contact.objects.create(
        owner=user,
        full_name="Avery Zoë Smith",
        company="Contoso",
        position="CTO",
        emails=["Avery.Smith@contoso.com"],
    )
    Contact.objects.create(owner=user, full_name="Chris Jones", company="Fabrikam")

    assert names(contacts_search(user=user, query=query)) == ["Avery Zoë Smith"]


def test_every_word_of_the_query_must_match_some_field(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", company="Contoso")
    Contact.objects.create(owner=user, full_name="Avery Jones", company="Fabrikam")

    assert names(contacts_search(user=user, query="avery contoso")) == ["Avery Smith"]


def test_percent_and_underscore_in_a_query_are_plain_characters(user):
    Contact.objects.create(owner=user, full_name="Avery Smith")

    assert names(contacts_search(user=user, query="%")) == []
    assert names(contacts_search(user=user, query="_")) == []


@pytest.mark.parametrize(
    ("has", "expected"),
    [
        ("", ["Both", "Email only", "Phone only"]),
        ("email", ["Both", "Email only"]),
        ("phone", ["Both", "Phone only"]),
        ("company", ["Both"]),
        ("no_email", ["Phone only"]),
    ],
)
def test_filters_keep_contacts_with_an_email_a_phone_or_a_company(user, has, expected):
    Contact.objects.create(owner=user, full_name="Both", company="Contoso", emails=["b@x.com"],
                           phones=["+447911123456"])  # fmt: skip
    Contact.objects.create(owner=user, full_name="Email only", emails=["e@x.com"])
    Contact.objects.create(owner=user, full_name="Phone only", phones=["+14155550100"])

    assert names(contacts_search(user=user, has=has)) == expected


def test_contacts_sort_by_name_ignoring_case_with_the_nameless_last(user):
    for name in ["", "bea", "Adam", "Chris"]:
        Contact.objects.create(owner=user, full_name=name)

    assert names(contacts_search(user=user)) == ["Adam", "bea", "Chris", ""]
    assert names(contacts_search(user=user, order="newest")) == ["Chris", "Adam", "bea", ""]


def test_contacts_sort_by_company_then_name(user):
    Contact.objects.create(owner=user, full_name="Zed", company="Alpha")
    Contact.objects.create(owner=user, full_name="Amy", company="")
    Contact.objects.create(owner=user, full_name="Bob", company="Alpha")

    assert names(contacts_search(user=user, order="company")) == ["Bob", "Zed", "Amy"]


def test_a_user_searches_only_their_own_contacts_and_staff_search_all(user, other_user, staff_user):
    Contact.objects.create(owner=user, full_name="Avery Smith")
    Contact.objects.create(owner=other_user, full_name="Avery Jones")

    assert names(contacts_search(user=user, query="avery")) == ["Avery Smith"]
    assert names(contacts_search(user=other_user, query="avery")) == ["Avery Jones"]
    assert names(contacts_search(user=staff_user, query="avery")) == ["Avery Jones", "Avery Smith"]


@pytest.mark.parametrize(("has", "order"), [("fax", "name"), ("", "shoe size")])
def test_an_unknown_filter_or_order_is_refused(user, has, order):
    with pytest.raises(ValueError, match="Unknown"):
        contacts_search(user=user, has=has, order=order)

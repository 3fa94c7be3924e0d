"""selectors.contact_duplicate_groups: contacts that look like one person, and why."""

from __future__ import annotations

import pytest

from bizcard.cards.models import Contact
from bizcard.cards.selectors import contact_duplicate_groups

pytestmark = pytest.mark.django_db


def grouped_names(groups) -> list[list[str]]:
    return [[contact.full_name for contact in group.contacts] for group in groups]


def test_contacts_sharing_an_email_in_any_case_are_grouped_with_the_reason(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", emails=["avery@contoso.com"])
    Contact.objects.create(owner=user, full_name="A. Smith", emails=["Avery@Contoso.com"])
    Contact.objects.create(owner=user, full_name="Chris Jones", emails=["chris@contoso.com"])

    groups = contact_duplicate_groups(user=user)

    assert grouped_names(groups) == [["Avery Smith", "A. Smith"]]
    assert groups[0].reasons == ["same email Avery@Contoso.com"]


def test_contacts_sharing_a_phone_are_grouped(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", phones=["+447911123456"])
    Contact.objects.create(owner=user, full_name="Reception", phones=["+447911123456"])

    groups = contact_duplicate_groups(user=user)

    assert grouped_names(groups) == [["Avery Smith", "Reception"]]
    assert groups[0].reasons == ["same phone +447911123456"]


def test_similar_names_at_the_same_company_are_grouped(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", company="Contoso Ltd")
    Contact.objects.create(owner=user, full_name="Smith Avery", company="CONTOSO LTD.")

    groups = contact_duplicate_groups(user=user)

    assert grouped_names(groups) == [["Avery Smith", "Smith Avery"]]
    assert groups[0].reasons == ["similar name and company"]


def test_a_company_with_and_without_its_legal_suffix_is_the_same_company(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", company="Contoso")
    Contact.objects.create(owner=user, full_name="Avery Smith", company="Contoso Ltd.")

    assert contact_duplicate_groups(user=user)[0].reasons == ["similar name and company"]


def test_an_ocr_slip_in_the_name_still_groups(user):
    Contact.objects.create(owner=user, full_name="Jonathan Williamson", company="Contoso")
    Contact.objects.create(owner=user, full_name="Jonathan Wi1liamson", company="Contoso")

    assert grouped_names(contact_duplicate_groups(user=user)) == [
        ["Jonathan Williamson", "Jonathan Wi1liamson"]
    ]


def test_similar_names_at_different_companies_are_different_people(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", company="Contoso")
    Contact.objects.create(owner=user, full_name="Avery Smith", company="Fabrikam")

    assert contact_duplicate_groups(user=user) == []


def test_a_similar_name_with_the_company_missing_on_one_card_is_grouped(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", company="Contoso")
    Contact.objects.create(owner=user, full_name="Avery Smith")

    groups = contact_duplicate_groups(user=user)

    assert grouped_names(groups) == [["Avery Smith", "Avery Smith"]]
    assert groups[0].reasons == ["similar name, company missing on one"]


def test_different_names_are_not_grouped(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", company="Contoso")
    Contact.objects.create(owner=user, full_name="Chris Smith", company="Contoso")
    Contact.objects.create(owner=user, full_name="", company="Contoso")
    Contact.objects.create(owner=user, full_name="", company="Contoso")

    assert contact_duplicate_groups(user=user) == []


def test_a_chain_of_matches_is_one_group_with_every_reason(user):
    Contact.objects.create(owner=user, full_name="Avery Smith", emails=["avery@contoso.com"])
    Contact.objects.create(
        owner=user, full_name="A. Smith", emails=["avery@contoso.com"], phones=["+447911123456"]
    )
    Contact.objects.create(owner=user, full_name="Mobile", phones=["+447911123456"])

    groups = contact_duplicate_groups(user=user)

    assert grouped_names(groups) == [["Avery Smith", "A. Smith", "Mobile"]]
    assert groups[0].reasons == ["same email avery@contoso.com", "same phone +447911123456"]


def test_two_owners_contacts_are_never_paired_even_for_staff(user, other_user, staff_user):
    Contact.objects.create(owner=user, full_name="Avery Smith", emails=["avery@contoso.com"])
    Contact.objects.create(owner=other_user, full_name="Avery Smith", emails=["avery@contoso.com"])

    assert contact_duplicate_groups(user=user) == []
    assert contact_duplicate_groups(user=other_user) == []
    assert contact_duplicate_groups(user=staff_user) == []


def test_staff_see_each_owners_groups_and_users_only_their_own(user, other_user, staff_user):
    for owner in (user, other_user):
        Contact.objects.create(owner=owner, full_name=f"{owner} 1", phones=["+447911123456"])
        Contact.objects.create(owner=owner, full_name=f"{owner} 2", phones=["+447911123456"])

    assert grouped_names(contact_duplicate_groups(user=user)) == [["alice 1", "alice 2"]]
    assert grouped_names(contact_duplicate_groups(user=staff_user)) == [
        ["alice 1", "alice 2"],
        ["bob 1", "bob 2"],
    ]


def test_a_group_names_the_single_fields_its_contacts_disagree_on(user):
    first = Contact.objects.create(
        owner=user, full_name="Avery Smith", company="Contoso", position="CTO",
        emails=["avery@contoso.com"],
    )  # fmt: skip
    second = Contact.objects.create(
        owner=user, full_name="avery smith", company="Contoso Ltd", position="",
        emails=["avery@contoso.com"],
    )  # fmt: skip

    [group] = contact_duplicate_groups(user=user)

    assert group.conflicts == {"company": [first, second]}

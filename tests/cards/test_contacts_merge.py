"""services.contacts_merge: duplicates folded into one contact, nothing lost."""

from __future__ import annotations

import pytest

from bizcard.cards import services
from bizcard.cards.errors import ContactMergeRefused
from bizcard.cards.models import Card, Contact, ContactMerge, FieldCorrection
from bizcard.cards.services import contact_field_correct, contacts_merge
from tests.cards.factories import AVERY, card_result, upload_file
from tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db

AVERY_AGAIN = {
    "full_name": "Avery Smith",
    "position": "CTO",
    "company": "Contoso Ltd",
    "emails": ["AVERY.SMITH@contoso.com", "avery@home.example"],
    "phones": ["+447911123456", "+447700900123"],
}


@pytest.fixture
def read_card(user, pipeline, enqueued):
    """A card of ``fields`` uploaded by ``owner`` and read by the stand-in pipeline."""

    def read(fields: dict, *, seed: int, owner=None) -> Card:
        pipeline.cards = [card_result(fields)]
        upload = upload_file(jpeg_bytes(seed=seed))
        card = services.card_images_upload(owner=owner or user, files=[upload])[0].card
        return services.card_process(card_id=card.pk)

    return read


@pytest.fixture
def avery_twice(read_card) -> tuple[Contact, Contact]:
    first = read_card(AVERY, seed=31).contacts.get()
    second = read_card(AVERY_AGAIN, seed=32).contacts.get()
    return first, second


def test_merging_keeps_every_card_and_correction(avery_twice, user):
    primary, other = avery_twice
    primary_card, other_card = primary.cards.get(), other.cards.get()
    contact_field_correct(contact=primary, field="position", new_value="CEO", user=user)
    contact_field_correct(contact=other, field="department", new_value="Research", user=user)

    merged = contacts_merge(primary=primary, others=[other], user=user)

    assert set(merged.cards.all()) == {primary_card, other_card}
    assert {(c.field, c.new_value) for c in merged.corrections.exclude(method="merge")} == {
        ("position", "CEO"),
        ("department", "Research"),
    }
    assert not Contact.objects.filter(pk=other.pk).exists()
    assert FieldCorrection.objects.filter(contact_id=other.pk).count() == 0


def test_the_merged_cards_found_card_now_names_the_kept_contact(avery_twice, user):
    primary, other = avery_twice
    other_card = other.cards.get()

    contacts_merge(primary=primary, others=[other], user=user)

    other_card.refresh_from_db()
    assert [found["contact_id"] for found in other_card.found_cards] == [primary.pk]


def test_list_fields_become_the_union_with_the_kept_contacts_values_first(avery_twice, user):
    primary, other = avery_twice

    merged = contacts_merge(primary=primary, others=[other], user=user)

    merged.refresh_from_db()
    assert merged.emails == ["avery.smith@contoso.com", "avery@home.example"]
    assert merged.phones == ["+447911123456", "+447700900123"]
    assert merged.fax == AVERY["fax"]
    assert merged.websites == AVERY["websites"]


def test_the_kept_contacts_single_fields_win_and_empty_ones_are_filled(avery_twice, user):
    primary, other = avery_twice

    merged = contacts_merge(primary=primary, others=[other], user=user)

    merged.refresh_from_db()
    assert merged.full_name == "Dr. Avery Smith"
    assert merged.company == "Contoso"
    assert merged.position == "CTO"  # empty on the kept contact
    [filled] = merged.corrections.filter(method=FieldCorrection.Method.MERGE)
    assert (filled.field, filled.old_value, filled.new_value) == ("position", None, "CTO")
    assert filled.user == user
    assert filled.model_version == "stand-in-1"


def test_a_value_chosen_to_keep_replaces_the_kept_contacts_and_is_recorded(avery_twice, user):
    primary, other = avery_twice

    merged = contacts_merge(
        primary=primary, others=[other], user=user, kept_values={"company": other.pk}
    )

    merged.refresh_from_db()
    assert merged.company == "Contoso Ltd"
    assert merged.confidence["company"] == 1.0  # a person chose it
    correction = merged.corrections.get(method=FieldCorrection.Method.MERGE, field="company")
    assert (correction.old_value, correction.new_value) == ("Contoso", "Contoso Ltd")


def test_each_merged_contact_leaves_a_snapshot_of_what_it_held(avery_twice, user):
    primary, other = avery_twice
    other_card = other.cards.get()

    contacts_merge(primary=primary, others=[other], user=user)

    merge = ContactMerge.objects.get()
    assert merge.contact == primary
    assert merge.merged_contact_id == other.pk
    assert merge.user == user
    assert merge.snapshot["fields"]["emails"] == AVERY_AGAIN["emails"]
    assert merge.snapshot["fields"]["company"] == "Contoso Ltd"
    assert merge.snapshot["confidence"]["company"] == 0.9
    assert merge.snapshot["model_version"] == "stand-in-1"
    assert merge.snapshot["created_at"] == other.created_at.isoformat()
    assert merge.snapshot["card_ids"] == [other_card.pk]


def test_merging_again_carries_the_earlier_merges_along(read_card, user):
    first = read_card(AVERY, seed=41).contacts.get()
    second = read_card(AVERY_AGAIN, seed=42).contacts.get()
    third = read_card({"full_name": "Avery Smith", "emails": ["avery@home.example"]}, seed=43)
    third = third.contacts.get()

    contacts_merge(primary=second, others=[third], user=user)
    merged = contacts_merge(primary=first, others=[second], user=user)

    assert sorted(m.merged_contact_id for m in merged.merges.all()) == [second.pk, third.pk]
    assert merged.cards.count() == 3


def test_several_contacts_merge_at_once(read_card, user):
    contacts = [read_card(AVERY, seed=50 + i).contacts.get() for i in range(3)]

    merged = contacts_merge(primary=contacts[2], others=contacts[:2], user=user)

    assert merged.cards.count() == 3
    assert Contact.objects.count() == 1
    assert ContactMerge.objects.count() == 2


def test_merging_a_contact_with_itself_is_refused(avery_twice, user):
    primary, _ = avery_twice

    with pytest.raises(ContactMergeRefused, match="itself"):
        contacts_merge(primary=primary, others=[primary], user=user)


def test_merging_contacts_of_different_owners_is_refused_even_for_staff(
    read_card, user, other_user, staff_user
):
    alices = read_card(AVERY, seed=61).contacts.get()
    bobs = read_card(AVERY, seed=62, owner=other_user).contacts.get()

    with pytest.raises(ContactMergeRefused, match="different owners") as refused:
        contacts_merge(primary=alices, others=[bobs], user=staff_user)

    assert refused.value.code == "contact_merge_refused"
    assert Contact.objects.count() == 2


def test_a_user_cannot_merge_someone_elses_contacts(avery_twice, other_user):
    primary, other = avery_twice

    with pytest.raises(ContactMergeRefused) as refused:
        contacts_merge(primary=primary, others=[other], user=other_user)

    assert refused.value.status == 404


def test_a_refused_merge_changes_nothing(avery_twice, read_card, user):
    primary, other = avery_twice
    stranger = read_card({"full_name": "Chris Smith"}, seed=71).contacts.get()

    with pytest.raises(ContactMergeRefused, match="one of the merged contacts"):
        contacts_merge(
            primary=primary, others=[other], user=user, kept_values={"company": stranger.pk}
        )

    assert Contact.objects.count() == 3
    assert not ContactMerge.objects.exists()
    assert not FieldCorrection.objects.exists()

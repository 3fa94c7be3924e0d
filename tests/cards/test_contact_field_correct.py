"""services.contact_field_correct: a person's fix, recorded as training signal."""

from __future__ import annotations

import pytest

from bizcard.cards.errors import InvalidCorrection
from bizcard.cards.models import FieldCorrection
from bizcard.cards.services import contact_field_correct

pytestmark = pytest.mark.django_db


def test_correcting_a_phone_records_old_and_new_value_who_when_and_model_version(done_card, user):
    contact = done_card.contacts.get()

    correction = contact_field_correct(
        contact=contact, field="phones", new_value=["+447911123457"], user=user
    )

    correction.refresh_from_db()
    assert correction.field == "phones"
    assert correction.old_value == ["+447911123456"]
    assert correction.new_value == ["+447911123457"]
    assert correction.user == user
    assert correction.created_at is not None
    assert correction.model_version == "stand-in-1"
    assert correction.card == done_card
    contact.refresh_from_db()
    assert contact.phones == ["+447911123457"]
    assert contact.confidence["phones"] == 1.0


def test_clearing_a_text_field_records_null_as_the_new_value(done_card, user):
    contact = done_card.contacts.get()

    correction = contact_field_correct(contact=contact, field="company", new_value="", user=user)

    assert (correction.old_value, correction.new_value) == ("Contoso", None)
    contact.refresh_from_db()
    assert contact.company == ""


def test_a_correction_that_changes_nothing_is_not_recorded(done_card, user):
    contact = done_card.contacts.get()

    assert (
        contact_field_correct(contact=contact, field="company", new_value="Contoso", user=user)
        is None
    )
    assert not FieldCorrection.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("nickname", "Ave"), ("emails", "a@b.c"), ("full_name", ["A", "B"])],
)
def test_an_unknown_field_or_a_value_of_the_wrong_shape_is_refused(done_card, user, field, value):
    contact = done_card.contacts.get()

    with pytest.raises(InvalidCorrection):
        contact_field_correct(contact=contact, field=field, new_value=value, user=user)
    assert not FieldCorrection.objects.exists()

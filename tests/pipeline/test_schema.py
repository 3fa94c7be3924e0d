"""The one label <-> field mapping every layer uses."""

from bizcard.pipeline.schema import BIO_LABELS, ENTITIES, FIELDS, OUTSIDE, field_of


def test_every_entity_has_a_begin_and_inside_label_and_outside_comes_first():
    assert BIO_LABELS[0] == OUTSIDE
    assert len(BIO_LABELS) == 1 + 2 * len(ENTITIES)
    assert {label.split("-", 1)[1] for label in BIO_LABELS[1:]} == set(ENTITIES)


def test_labels_map_onto_every_field_of_the_schema_once():
    fields = {field_of(label) for label in BIO_LABELS}
    assert fields - {None} == set(FIELDS)
    assert field_of("B-FAX") == "fax" and field_of("I-PHONE") == "phones"

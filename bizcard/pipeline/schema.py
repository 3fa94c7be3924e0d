"""The field schema and the one place that maps token labels to fields (ROADMAP.md)."""

from __future__ import annotations

SINGLE_FIELDS: tuple[str, ...] = ("full_name", "position", "department", "company", "address")
LIST_FIELDS: tuple[str, ...] = ("emails", "phones", "fax", "websites")
FIELDS: tuple[str, ...] = SINGLE_FIELDS + LIST_FIELDS

ENTITY_TO_FIELD: dict[str, str] = {
    "NAME": "full_name",
    "POSITION": "position",
    "DEPARTMENT": "department",
    "COMPANY": "company",
    "ADDRESS": "address",
    "EMAIL": "emails",
    "PHONE": "phones",
    "FAX": "fax",
    "WEBSITE": "websites",
}
ENTITIES: tuple[str, ...] = tuple(ENTITY_TO_FIELD)
FIELD_TO_ENTITY: dict[str, str] = {field: entity for entity, field in ENTITY_TO_FIELD.items()}
# Items of a contact list: two of them side by side on one line are two values, not one.
CONTACT_ENTITIES = frozenset({"EMAIL", "WEBSITE", "PHONE", "FAX"})
NUMBER_ENTITIES = frozenset({"PHONE", "FAX"})

OUTSIDE = "O"
# BIO tags in a fixed order: the index is the class id of the token classifier.
BIO_LABELS: tuple[str, ...] = (
    OUTSIDE,
    *(f"{prefix}-{entity}" for entity in ENTITIES for prefix in ("B", "I")),
)


def entity_of(label: str) -> str | None:
    """``"B-PHONE"`` -> ``"PHONE"``; ``"O"`` -> ``None``."""
    return None if label == OUTSIDE else label.split("-", 1)[1]


def field_of(label: str) -> str | None:
    """``"I-EMAIL"`` -> ``"emails"``; ``"O"`` -> ``None``."""
    entity = entity_of(label)
    return ENTITY_TO_FIELD[entity] if entity else None


def empty_fields() -> dict[str, object]:
    """A field dict with every key of the schema: ``None`` for text fields, ``[]`` for lists."""
    return {**{f: None for f in SINGLE_FIELDS}, **{f: [] for f in LIST_FIELDS}}

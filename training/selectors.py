"""Reads of the model registry, and which classifier the pipeline runs."""

from __future__ import annotations

from django.db import DatabaseError

from bizcard.pipeline.classify import RULE_VERSIONS
from bizcard.pipeline.errors import PipelineError
from training.models import ModelVersion
from training.registry import ArtifactError, verified_dir

PRODUCTION = "production"


def production_model_version() -> ModelVersion | None:
    return ModelVersion.objects.filter(status=ModelVersion.Status.PRODUCTION).first()


def classifier_choice(name: str) -> tuple[str, str | None]:
    """``(version, artifact directory)`` for a model name: ``"production"``, a registered
    version or a rule classifier (no directory). With nothing in production the rules
    classify, so an install whose registry is empty still reads cards."""
    if name in RULE_VERSIONS:
        return name, None
    try:
        model = (production_model_version() if name == PRODUCTION
                 else ModelVersion.objects.filter(version=name).first())
    except DatabaseError as exc:
        raise PipelineError("The model registry cannot be read (run manage.py migrate): "
                            f"{exc}".strip(), code="no_registry") from exc
    if model is None:
        if name == PRODUCTION:
            return "rules", None
        known = sorted([*RULE_VERSIONS, PRODUCTION,
                        *ModelVersion.objects.values_list("version", flat=True)])
        raise PipelineError(f"Unknown model version {name!r}; available: {', '.join(known)}",
                            code="unknown_model")
    try:
        return model.version, str(verified_dir(model.artifact_path, model.sha256))
    except ArtifactError as exc:
        raise PipelineError(f"Model {model.version} cannot be loaded: {exc}",
                            code="bad_model") from exc


def corrected_examples() -> list:
    """Every card read in a photo whose contact a person corrected, as a training example:
    its OCR words with the labels as corrected (the review page relabels them with each
    typed value or clicked box; the model's own label stays in a word's ``predicted``)."""
    from bizcard.cards.models import Card, Contact
    from bizcard.pipeline.types import Word
    from training.align import AlignedCard

    examples = []
    cards = Card.objects.filter(corrections__isnull=False).distinct().order_by("pk")
    corrected_contacts = set(
        Contact.objects.filter(corrections__card__in=cards).values_list("pk", flat=True)
    )
    contacts = Contact.objects.in_bulk(corrected_contacts)
    for card in cards:
        for index, found in enumerate(card.found_cards):
            contact = contacts.get(found.get("contact_id"))
            if contact is None or not found["words"]:
                continue
            examples.append(AlignedCard(
                f"card-{card.pk}-{index}",
                tuple(found["size"]),
                [Word.from_dict(word) for word in found["words"]],
                [word["label"] for word in found["words"]],
                contact.fields,
            ))
    return examples

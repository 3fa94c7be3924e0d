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
    """Every card a person corrected, as a training example: the primary card's OCR words
    labelled to match the contact's fields as corrected."""
    from bizcard.cards.models import FieldCorrection
    from bizcard.pipeline.types import Word
    from training.align import AlignedCard
    from training.corrections import relabel

    examples = []
    corrections = (FieldCorrection.objects.select_related("card", "contact")
                   .exclude(card=None).order_by("card_id", "created_at"))
    by_card: dict[int, tuple] = {}
    for correction in corrections:
        card, fields = by_card.setdefault(correction.card_id, (correction.card, {}))
        fields[correction.field] = correction.contact.fields[correction.field]
    for card, corrected in by_card.values():
        if not card.found_cards:
            continue
        primary = card.found_cards[0]
        words = [Word.from_dict(w) for w in primary["words"]]
        labels = relabel(words, [w["label"] for w in primary["words"]], corrected)
        contact_fields = next(iter(card.contacts.all()), None)
        examples.append(AlignedCard(f"card-{card.pk}", tuple(primary["size"]), words, labels,
                                    contact_fields.fields if contact_fields else {}))
    return examples

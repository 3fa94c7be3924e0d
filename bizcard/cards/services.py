"""Writes of the cards app: upload, processing, retry, correction.

Side effects (task dispatch, browser events) run on commit, never for a rolled-back change.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from PIL import Image

from bizcard.cards import tasks
from bizcard.cards.errors import (
    CardNotFound,
    CardNotRetryable,
    InvalidCorrection,
    UploadRejected,
)
from bizcard.cards.events import card_status_send_on_commit
from bizcard.cards.models import Card, Contact, FieldCorrection
from bizcard.cards.pipeline_config import pipeline_config
from bizcard.pipeline.errors import ImageRejected, PipelineError
from bizcard.pipeline.extract import extract
from bizcard.pipeline.imageio import load_image
from bizcard.pipeline.schema import FIELDS, LIST_FIELDS
from bizcard.pipeline.types import Extraction

logger = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024
UNEXPECTED_FAILURE_CODE = "processing_error"


@dataclass(frozen=True)
class UploadOutcome:
    card: Card
    duplicate: bool  # the owner had uploaded these exact bytes before: the existing card


@dataclass(frozen=True)
class _CheckedFile:
    upload: UploadedFile
    name: str
    sha256: str
    content_type: str


@transaction.atomic
def card_images_upload(*, owner, files: Sequence[UploadedFile]) -> list[UploadOutcome]:
    """Store each photo as a queued Card and have it processed after the commit.

    Every file is checked before anything is stored: one bad file rejects the whole upload
    (:class:`UploadRejected`). Bytes the owner uploaded before give back the existing card.
    """
    checked = _upload_files_check(files)
    outcomes: list[UploadOutcome] = []
    stored: list[Card] = []
    try:
        for item in checked:
            existing = Card.objects.filter(owner=owner, sha256=item.sha256).first()
            if existing is not None:
                outcomes.append(UploadOutcome(card=existing, duplicate=True))
                continue
            card, created = _card_create(owner=owner, item=item)
            if created:
                stored.append(card)
            outcomes.append(UploadOutcome(card=card, duplicate=not created))
    except BaseException:
        # Storage is not transactional: take back the files of the rows being rolled back.
        for card in stored:
            card.image.delete(save=False)
        raise
    for card in stored:
        transaction.on_commit(partial(tasks.card_processing_enqueue, card.pk), robust=True)
        card_status_send_on_commit(card)
    return outcomes


def _upload_files_check(files: Sequence[UploadedFile]) -> list[_CheckedFile]:
    if not files:
        raise UploadRejected("Choose at least one photo to upload.", code="no_files")
    limit_bytes = settings.BIZCARD_MAX_UPLOAD_MB * MEGABYTE
    checked: list[_CheckedFile] = []
    problems: list[dict] = []
    for upload in files:
        name = upload.name or "upload"
        if upload.size > limit_bytes:
            problems.append(
                {
                    "name": name,
                    "code": "file_too_large",
                    "message": f"{name} is larger than {settings.BIZCARD_MAX_UPLOAD_MB} MB.",
                }
            )
            continue
        data = upload.read()
        try:
            load_image(data, max_pixels=settings.BIZCARD_MAX_IMAGE_PIXELS)
        except ImageRejected as exc:
            problems.append({"name": name, "code": exc.code, "message": f"{name}: {exc.message}"})
            continue
        checked.append(
            _CheckedFile(
                upload=upload,
                name=name,
                sha256=hashlib.sha256(data).hexdigest(),
                content_type=_content_type_sniff(data),
            )
        )
    if problems:
        first = problems[0]
        message = first["message"]
        if len(problems) > 1:
            message += f" ({len(problems)} files were refused.)"
        raise UploadRejected(f"{message} Nothing was stored.", code=first["code"], files=problems)
    return checked


def _content_type_sniff(data: bytes) -> str:
    """The type the bytes really have (the client's claim is not trusted)."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format or ""
    except Exception:  # load_image accepted it, so this is only a label: fall back
        return "application/octet-stream"
    if image_format == "MPO":  # phone cameras' multi-picture JPEG; browsers know it as JPEG
        return "image/jpeg"
    return Image.MIME.get(image_format, "application/octet-stream")


def _card_create(*, owner, item: _CheckedFile) -> tuple[Card, bool]:
    """A new card with its image stored, or the card a concurrent upload of the same bytes
    created first (``created`` False)."""
    card = Card(
        owner=owner,
        original_filename=item.name[:255],
        content_type=item.content_type,
        sha256=item.sha256,
    )
    item.upload.seek(0)
    card.image.save(item.name, item.upload, save=False)
    try:
        with transaction.atomic():
            card.save()
    except IntegrityError:
        card.image.delete(save=False)
        return Card.objects.get(owner=owner, sha256=item.sha256), False
    return card, True


def card_process(*, card_id: int) -> Card | None:
    """Run the pipeline on a card and store its contacts; any failure marks the card failed.

    Not one transaction: the pipeline takes seconds and must not hold a database lock.
    Database outages propagate so the task queue can retry; the image is never touched.
    Returns None when the card is gone or already finished (a redelivered task).
    """
    card = _card_claim(card_id)
    if card is None:
        return None
    try:
        with card.image.open("rb") as stored:
            data = stored.read()
        image = load_image(data, max_pixels=settings.BIZCARD_MAX_IMAGE_PIXELS)
        extraction = extract(image, pipeline_config())
        return _card_result_store(card=card, extraction=extraction)
    except (OperationalError, InterfaceError):
        raise
    except PipelineError as exc:
        return _card_fail(card=card, code=exc.code, message=exc.message)
    except Exception:
        logger.exception("Processing card %s failed unexpectedly", card_id)
        return _card_fail(
            card=card,
            code=UNEXPECTED_FAILURE_CODE,
            message="Processing failed unexpectedly; the photo is kept, try again later.",
        )


@transaction.atomic
def _card_claim(card_id: int) -> Card | None:
    card = Card.objects.select_for_update().filter(pk=card_id).first()
    if card is None:
        logger.warning("Card %s no longer exists; nothing to process", card_id)
        return None
    if not card.is_pending:
        return None
    card.status = Card.Status.PROCESSING
    card.attempts += 1
    card.save(update_fields=["status", "attempts", "updated_at"])
    card_status_send_on_commit(card)
    return card


@transaction.atomic
def _card_result_store(*, card: Card, extraction: Extraction) -> Card:
    contacts = list(card.contacts.order_by("id"))
    for index, found in enumerate(extraction.cards):  # largest first: contact order follows
        contact = contacts[index] if index < len(contacts) else Contact(owner_id=card.owner_id)
        contact.set_fields(found.fields)
        contact.confidence = found.confidence
        contact.model_version = extraction.model_version
        contact.save()
        contact.cards.add(card)
    card.found_cards = [found.to_dict() for found in extraction.cards]
    card.engine = extraction.engine
    card.model_version = extraction.model_version
    card.timings_ms = extraction.timings_ms
    card.status = Card.Status.DONE
    card.error_code = ""
    card.error_message = ""
    card.processed_at = timezone.now()
    card.save()
    card_status_send_on_commit(card)
    return card


@transaction.atomic
def _card_fail(*, card: Card, code: str, message: str) -> Card:
    card.status = Card.Status.FAILED
    card.error_code = code
    card.error_message = message
    card.processed_at = timezone.now()
    card.save(update_fields=["status", "error_code", "error_message", "processed_at", "updated_at"])
    card_status_send_on_commit(card)
    return card


@transaction.atomic
def card_retry(*, card: Card, user) -> Card:
    """Queue a failed card again, or one stuck in the queue (its worker lost)."""
    card = Card.objects.select_for_update().get(pk=card.pk)
    if not (user.is_staff or card.owner_id == user.pk):
        raise CardNotFound(f"Card {card.pk} not found.")
    stuck_before = timezone.now() - timedelta(minutes=settings.BIZCARD_STUCK_AFTER_MINUTES)
    stuck = card.is_pending and card.updated_at < stuck_before
    if card.status != Card.Status.FAILED and not stuck:
        raise CardNotRetryable(f"Card {card.pk} is {card.status}; only failed cards are retried.")
    card.status = Card.Status.QUEUED
    card.error_code = ""
    card.error_message = ""
    card.save(update_fields=["status", "error_code", "error_message", "updated_at"])
    logger.info("Card %s queued again by user %s", card.pk, user.pk)
    transaction.on_commit(partial(tasks.card_processing_enqueue, card.pk), robust=True)
    card_status_send_on_commit(card)
    return card


@transaction.atomic
def contact_field_correct(
    *, contact: Contact, field: str, new_value: object, user
) -> FieldCorrection | None:
    """Set one field of a contact by hand and record what it was, who changed it and which
    model version had produced it. Returns None when the value does not change."""
    if field not in FIELDS:
        raise InvalidCorrection(f"Unknown field {field!r}; fields are {', '.join(FIELDS)}.")
    new_value = _correction_value_check(field, new_value)
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    old_value = contact.fields[field]
    if old_value == new_value:
        return None
    contact.set_fields({field: new_value})
    contact.confidence = {**contact.confidence, field: 1.0}  # a person checked it
    contact.save()
    return FieldCorrection.objects.create(
        contact=contact,
        card=contact.cards.order_by("-id").first(),
        field=field,
        old_value=old_value,
        new_value=new_value,
        user=user,
        model_version=contact.model_version,
    )


def _correction_value_check(field: str, value: object) -> object:
    if field in LIST_FIELDS:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidCorrection(f"{field} takes a list of strings.")
        return [v.strip() for v in value if v.strip()]
    if value is not None and not isinstance(value, str):
        raise InvalidCorrection(f"{field} takes a string or null.")
    return (value or "").strip() or None

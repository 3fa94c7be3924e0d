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
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from PIL import Image

from bizcard.cards import tasks
from bizcard.cards.errors import (
    CardNotFound,
    CardNotRead,
    CardNotRetryable,
    ContactMergeRefused,
    InvalidCorrection,
    UploadRejected,
)
from bizcard.cards.events import card_status_send_on_commit
from bizcard.cards.models import Card, Contact, ContactMerge, FieldCorrection
from bizcard.cards.pipeline_config import pipeline_config
from bizcard.pipeline.errors import ImageRejected, PipelineError
from bizcard.pipeline.extract import extract, labelled_fields
from bizcard.pipeline.imageio import load_image
from bizcard.pipeline.layout import bio_repair, upright_words, value_words
from bizcard.pipeline.relabel import relabel
from bizcard.pipeline.schema import (
    FIELD_TO_ENTITY,
    FIELDS,
    LIST_FIELDS,
    OUTSIDE,
    SINGLE_FIELDS,
    field_of,
)
from bizcard.pipeline.types import Extraction, Word
from bizcard.pipeline.validate import clean_list_value

logger = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024
PREVIEW_SIDE = 1600  # px: sharp on a laptop screen, a tenth of a phone photo's bytes
PREVIEW_QUALITY = 85
LIST_FIELD_NOUNS = {
    "emails": "an e-mail address",
    "phones": "a phone number",
    "fax": "a fax number",
    "websites": "a web address",
}
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
        _card_preview_save(card, image)
        extraction = extract(image, pipeline_config())
        return _card_result_store(card=card, extraction=extraction, image_size=image.size)
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


def _card_preview_save(card: Card, image: Image.Image) -> None:
    """Store the upright, downscaled photo the pages show (replacing an earlier one)."""
    preview = image.copy()
    preview.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
    buffer = io.BytesIO()
    preview.save(buffer, format="JPEG", quality=PREVIEW_QUALITY)
    if card.preview:
        card.preview.delete(save=False)
    card.preview.save("preview.jpg", ContentFile(buffer.getvalue()), save=False)
    Card.objects.filter(pk=card.pk).update(preview=card.preview.name)


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
def _card_result_store(*, card: Card, extraction: Extraction, image_size: tuple[int, int]) -> Card:
    contacts = list(card.contacts.order_by("id"))
    found_cards = []
    for index, found in enumerate(extraction.cards):  # largest first: contact order follows
        contact = contacts[index] if index < len(contacts) else Contact(owner_id=card.owner_id)
        contact.set_fields(found.fields)
        contact.confidence = found.confidence
        contact.model_version = extraction.model_version
        contact.save()
        contact.cards.add(card)
        found_cards.append({**found.to_dict(), "contact_id": contact.pk})
    card.found_cards = found_cards
    card.engine = extraction.engine
    card.model_version = extraction.model_version
    card.timings_ms = extraction.timings_ms
    card.image_width, card.image_height = image_size
    card.review_confidence = _least_confidence(extraction)
    card.reviewed_at = None
    card.reviewed_by = None
    card.status = Card.Status.DONE
    card.error_code = ""
    card.error_message = ""
    card.processed_at = timezone.now()
    card.save()
    card_status_send_on_commit(card)
    return card


def _least_confidence(extraction: Extraction) -> float:
    """The weakest field over every card in the photo; 0 when a card has no field at all."""
    scores = [min(found.confidence.values(), default=0.0) for found in extraction.cards]
    return min(scores, default=0.0)


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
    *,
    contact: Contact,
    field: str,
    new_value: object,
    user,
    card: Card | None = None,
) -> FieldCorrection | None:
    """Set one field of a contact by hand and record what it was, who changed it and which
    model version had produced it. The words of the card it is corrected on (default: the
    contact's latest card) are relabelled to spell the new value, so the card becomes a
    training example. Returns None when the value does not change."""
    _field_check(field)
    new_value = _correction_value_check(field, new_value)
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    card = _contact_card_locked(contact, card)
    correction = _contact_field_set(
        contact=contact,
        field=field,
        new_value=new_value,
        user=user,
        card=card,
        method=FieldCorrection.Method.TYPED,
    )
    if correction is not None and card is not None:
        _card_words_relabel(card=card, contact=contact, corrected={field: new_value})
    return correction


def _field_check(field: str) -> None:
    if field not in FIELDS:
        raise InvalidCorrection(f"Unknown field {field!r}; fields are {', '.join(FIELDS)}.")


def _contact_card_locked(contact: Contact, card: Card | None) -> Card | None:
    """``card`` if it is one of the contact's cards, else the contact's latest card; locked
    for relabelling its words."""
    cards = Card.objects.select_for_update().filter(pk__in=list(
        contact.cards.values_list("id", flat=True)))
    if card is not None:
        chosen = cards.filter(pk=card.pk).first()
        if chosen is None:
            raise InvalidCorrection(f"Contact {contact.pk} was not read from card {card.pk}.")
        return chosen
    return cards.order_by("-id").first()


def _contact_field_set(
    *, contact: Contact, field: str, new_value: object, user, card: Card | None, method: str
) -> FieldCorrection | None:
    old_value = contact.fields[field]
    if old_value == new_value:
        return None
    contact.set_fields({field: new_value})
    contact.confidence = {**contact.confidence, field: 1.0}  # a person checked it
    contact.save()
    return FieldCorrection.objects.create(
        contact=contact,
        card=card,
        field=field,
        old_value=old_value,
        new_value=new_value,
        user=user,
        model_version=contact.model_version,
        method=method,
    )


def _found_card(card: Card, contact_id: int) -> dict | None:
    """The entry of ``card.found_cards`` the contact was read from."""
    return next((f for f in card.found_cards if f.get("contact_id") == contact_id), None)


def _card_words_relabel(*, card: Card, contact: Contact, corrected: dict[str, object]) -> None:
    found = _found_card(card, contact.pk)
    if found is None or not found["words"]:
        return
    words = [Word.from_dict(w) for w in found["words"]]
    # Runs of words spell a value in reading order, which holds for upright text only.
    upright = upright_words(words, (found["size"][0], found["size"][1]))[0]
    labels = relabel(upright, [w["label"] for w in found["words"]], corrected)
    _found_labels_set(found, labels)
    card.save(update_fields=["found_cards", "updated_at"])


def _found_labels_set(found: dict, labels: list[str]) -> None:
    """New labels on a found card's words; the model's own label is kept as ``predicted``."""
    for word, label in zip(found["words"], labels, strict=True):
        if label != word["label"]:
            word.setdefault("predicted", word["label"])
            word["label"] = label


@transaction.atomic
def card_words_assign(
    *,
    card: Card,
    found_index: int,
    word_indexes: Sequence[int],
    field: str | None,
    user,
    whole_values: bool = False,
) -> list[FieldCorrection]:
    """A person assigning word boxes of one card in the photo (``found_index``: its place in
    ``card.found_cards``) to a field, or to no field (``None``). ``whole_values``: each word
    brings every word of the value it belongs to (a phone number read as five words).

    Clicking boxes that all hold the field already takes them out of it. Every field that
    gains or loses a word is read again from the words' labels and recorded as a correction
    of the card's contact.
    """
    if field is not None:
        _field_check(field)
    card = Card.objects.select_for_update().get(pk=card.pk)
    if not 0 <= found_index < len(card.found_cards):
        raise InvalidCorrection(f"Card {card.pk} shows no card number {found_index}.")
    found = card.found_cards[found_index]
    contact = Contact.objects.select_for_update().filter(pk=found.get("contact_id")).first()
    if contact is None:
        raise InvalidCorrection(f"No contact was read from card {found_index} of this photo.")
    words = [Word.from_dict(w) for w in found["words"]]
    labels = [w["label"] for w in found["words"]]
    indexes = sorted(set(word_indexes))
    if not indexes or any(not 0 <= i < len(words) for i in indexes):
        raise InvalidCorrection(f"Word numbers go from 0 to {len(words) - 1}.")
    upright = upright_words(words, (found["size"][0], found["size"][1]))[0]
    if whole_values:
        indexes = sorted({n for i in indexes for n in value_words(upright, labels, i)})
    if field is not None and all(field_of(labels[i]) == field for i in indexes):
        field = None  # a second click takes the words back out
    touched = {field_of(labels[i]) for i in indexes} | {field}
    entity = FIELD_TO_ENTITY[field] if field else None
    for i in indexes:
        labels[i] = f"I-{entity}" if entity else OUTSIDE
    labels = bio_repair(upright, labels)
    _found_labels_set(found, labels)
    card.save(update_fields=["found_cards", "updated_at"])
    fields = labelled_fields(upright, labels, region=settings.BIZCARD_PHONE_REGION)
    corrections = []
    for name in FIELDS:
        if name not in touched:
            continue
        correction = _contact_field_set(
            contact=contact,
            field=name,
            new_value=fields[name],
            user=user,
            card=card,
            method=FieldCorrection.Method.BOXES,
        )
        if correction is not None:
            corrections.append(correction)
    return corrections


@transaction.atomic
def card_review_complete(*, card: Card, user) -> Card:
    """Mark a processed card as checked by a person: it leaves the review queue."""
    card = Card.objects.select_for_update().get(pk=card.pk)
    if card.status != Card.Status.DONE:
        raise CardNotRead(f"Card {card.pk} is {card.status}; only read cards are reviewed.")
    card.reviewed_at = timezone.now()
    card.reviewed_by = user
    card.save(update_fields=["reviewed_at", "reviewed_by", "updated_at"])
    return card


def _correction_value_check(field: str, value: object) -> object:
    """The value as stored: list values normalised as the pipeline writes them (phones in
    E.164), each checked; text collapsed and stripped."""
    if field in LIST_FIELDS:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidCorrection(f"{field} takes a list of strings.")
        cleaned: list[str] = []
        for text in (v.strip() for v in value):
            if not text:
                continue
            clean = clean_list_value(field, text, regions=[settings.BIZCARD_PHONE_REGION])
            if clean is None:
                raise InvalidCorrection(f"{text!r} is not {LIST_FIELD_NOUNS[field]}.")
            if clean not in cleaned:
                cleaned.append(clean)
        return cleaned
    if value is not None and not isinstance(value, str):
        raise InvalidCorrection(f"{field} takes a string or null.")
    return " ".join((value or "").split()) or None


@transaction.atomic
def contacts_merge(
    *,
    primary: Contact,
    others: Sequence[Contact],
    user,
    kept_values: dict[str, int] | None = None,
) -> Contact:
    """Fold ``others`` into ``primary``: every card, correction, merge record and value is
    kept. List fields become the union (the primary's values first); a single field keeps
    the primary's value unless it is empty or ``kept_values[field]`` names the contact whose
    value to keep. A single field the merge changes is recorded as a correction; each other
    contact leaves a ContactMerge snapshot and is deleted."""
    kept_values = kept_values or {}
    other_ids = [other.pk for other in others]
    contacts = _merge_contacts_locked(primary_id=primary.pk, other_ids=other_ids, user=user)
    _kept_values_check(kept_values, contacts)
    primary = contacts[primary.pk]
    merged = [contacts[pk] for pk in other_ids]
    card_ids = list(
        Contact.cards.through.objects.filter(contact_id__in=list(contacts))
        .values_list("card_id", flat=True)
        .distinct()
    )
    cards = list(Card.objects.select_for_update().filter(pk__in=card_ids).order_by("pk"))
    _merged_values_set(primary=primary, merged=merged, kept_values=kept_values, user=user)
    primary.cards.add(*cards)
    FieldCorrection.objects.filter(contact_id__in=other_ids).update(contact=primary)
    ContactMerge.objects.filter(contact_id__in=other_ids).update(contact=primary)
    for card in cards:
        if _found_cards_relink(card, other_ids=set(other_ids), primary_id=primary.pk):
            card.save(update_fields=["found_cards", "updated_at"])
    for other in merged:
        ContactMerge.objects.create(
            contact=primary,
            merged_contact_id=other.pk,
            snapshot=_contact_snapshot(other, card_ids=[card.pk for card in other.cards.all()]),
            user=user,
        )
        other.delete()
    return primary


def _merge_contacts_locked(*, primary_id: int, other_ids: list[int], user) -> dict[int, Contact]:
    ids = [primary_id, *other_ids]
    if not other_ids:
        raise ContactMergeRefused("Choose at least one other contact to merge into this one.")
    if len(set(ids)) != len(ids):
        raise ContactMergeRefused("A contact cannot be merged with itself.")
    contacts = {
        contact.pk: contact
        for contact in Contact.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    }
    missing = [pk for pk in ids if pk not in contacts]
    if missing:
        raise ContactMergeRefused(
            f"Contact {missing[0]} no longer exists.", code="not_found", status=404
        )
    if len({contact.owner_id for contact in contacts.values()}) > 1:
        raise ContactMergeRefused("Contacts of different owners cannot be merged.")
    if not (user.is_staff or contacts[primary_id].owner_id == user.pk):
        raise ContactMergeRefused(f"Contact {primary_id} not found.", code="not_found", status=404)
    return contacts


def _kept_values_check(kept_values: dict[str, int], contacts: dict[int, Contact]) -> None:
    for name, contact_id in kept_values.items():
        if name not in SINGLE_FIELDS:
            raise ContactMergeRefused(
                f"Only {', '.join(SINGLE_FIELDS)} take a value chosen by hand, not {name!r}."
            )
        if contact_id not in contacts:
            raise ContactMergeRefused(
                f"The {name} to keep must come from one of the merged contacts."
            )


def _merged_values_set(
    *, primary: Contact, merged: list[Contact], kept_values: dict[str, int], user
) -> None:
    by_id = {contact.pk: contact for contact in (primary, *merged)}
    old_fields = primary.fields
    confidence = dict(primary.confidence)
    new_fields: dict[str, object] = {}
    for name in SINGLE_FIELDS:
        if name in kept_values:
            source = by_id[kept_values[name]]
            new_fields[name] = source.fields[name]
            if source is not primary:
                confidence[name] = 1.0  # a person chose it
        elif old_fields[name] is None:
            source = next((c for c in merged if c.fields[name] is not None), None)
            if source is not None:
                new_fields[name] = source.fields[name]
                confidence[name] = source.confidence.get(name)
    for name in LIST_FIELDS:
        values = list(old_fields[name])
        for other in merged:
            if not values and other.fields[name] and name in other.confidence:
                confidence[name] = other.confidence[name]
            values = _ordered_union(values, other.fields[name], casefold=name == "emails")
        new_fields[name] = values
    primary.set_fields(new_fields)
    primary.confidence = {name: score for name, score in confidence.items() if score is not None}
    primary.save()
    for name in SINGLE_FIELDS:
        if name in new_fields and new_fields[name] != old_fields[name]:
            FieldCorrection.objects.create(
                contact=primary,
                field=name,
                old_value=old_fields[name],
                new_value=new_fields[name],
                user=user,
                model_version=primary.model_version,
                method=FieldCorrection.Method.MERGE,
            )


def _ordered_union(first: list[str], second: list[str], *, casefold: bool) -> list[str]:
    """``first`` then the values of ``second`` it lacks (emails compared ignoring case)."""
    union = list(first)
    seen = {value.casefold() if casefold else value for value in first}
    for value in second:
        key = value.casefold() if casefold else value
        if key not in seen:
            seen.add(key)
            union.append(value)
    return union


def _found_cards_relink(card: Card, *, other_ids: set[int], primary_id: int) -> bool:
    """Point the card's found cards read as a merged contact at the primary; True if any."""
    changed = False
    for found in card.found_cards:
        if found.get("contact_id") in other_ids:
            found["contact_id"] = primary_id
            changed = True
    return changed


def _contact_snapshot(contact: Contact, *, card_ids: list[int]) -> dict:
    return {
        "fields": contact.fields,
        "confidence": contact.confidence,
        "model_version": contact.model_version,
        "created_at": contact.created_at.isoformat(),
        "card_ids": card_ids,
    }

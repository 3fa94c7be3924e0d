"""Browser pages: upload, the live card list, a card's review page and its corrections."""

from __future__ import annotations

import io
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from bizcard.cards.errors import (
    CardNotRead,
    CardNotRetryable,
    InvalidCorrection,
    UploadRejected,
)
from bizcard.cards.models import Card, Contact
from bizcard.cards.selectors import (
    card_get_for_user,
    card_next_for_review,
    cards_for_user,
    contact_corrected_fields,
)
from bizcard.cards.services import (
    card_images_upload,
    card_retry,
    card_review_complete,
    card_words_assign,
    contact_field_correct,
)
from bizcard.pipeline.imageio import load_image
from bizcard.pipeline.preprocess import card_to_photo
from bizcard.pipeline.schema import FIELDS, LIST_FIELDS, field_of

FIELD_LABELS: dict[str, str] = {
    "full_name": "Name",
    "position": "Position",
    "department": "Department",
    "company": "Company",
    "address": "Address",
    "emails": "Email",
    "phones": "Phone",
    "fax": "Fax",
    "websites": "Website",
}
POLL_SECONDS = 2  # how often a page with unfinished cards asks again


def _card_list_context(request: HttpRequest) -> dict:
    cards = list(cards_for_user(user=request.user))
    return {
        "cards": cards,
        "polling": any(card.is_pending for card in cards),
        "poll_seconds": POLL_SECONDS,
    }


LIST_VALUE_SEPARATORS = re.compile(r"[,;\n]+")  # how a person types several phones or e-mails


def field_values(name: str, value: object) -> list[str]:
    """A schema field's values as pages show them: a list field's items, a text field's
    text; none when the field is empty."""
    if name in LIST_FIELDS:
        return list(value or [])
    return [value] if value else []


def _contact_rows(
    contact: Contact, *, corrected: set[str], errors: dict[str, str] | None = None
) -> list[dict]:
    """One row per schema field: name, label, its input's id, shown and editable value,
    confidence (None when not predicted), whether it is low enough to check, corrected, or
    refused."""
    fields = contact.fields
    errors = errors or {}
    rows = []
    for name in FIELDS:
        values = field_values(name, fields[name])
        confidence = contact.confidence.get(name)
        rows.append(
            {
                "name": name,
                "label": FIELD_LABELS[name],
                "input_id": _field_input_id(contact.pk, name),
                "values": values,
                "text": ", ".join(values),
                "confidence": confidence,
                "low": bool(values) and confidence is not None
                and confidence < settings.BIZCARD_LOW_CONFIDENCE,
                "corrected": name in corrected,
                "error": errors.get(name),
            }
        )
    return rows


def _field_input_id(contact_id: int, field: str) -> str:
    return f"field-{contact_id}-{field}"


def _photo_size(card: Card) -> tuple[int, int] | None:
    """The photo's size as the pipeline saw it. A card read before sizes were stored has
    one only when its first found card is the whole photo; None otherwise."""
    if card.image_width and card.image_height:
        return card.image_width, card.image_height
    if card.found_cards and card.found_cards[0].get("quad") is None:
        return card.found_cards[0]["size"][0], card.found_cards[0]["size"][1]
    return None


def _word_boxes(found_index: int, found: dict, photo_size: tuple[int, int]) -> list[dict]:
    """The found card's words as polygons on the photo, with the field each belongs to."""
    boxes = []
    for index, word in enumerate(found["words"]):
        points = card_to_photo(
            [tuple(point) for point in word["quad"]],
            card_size=tuple(found["size"]),
            quad=found.get("quad"),
            photo_size=photo_size,
        )
        boxes.append(
            {
                "found": found_index,
                "index": index,
                "text": word["text"],
                "field": field_of(word["label"]) or "",
                "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
            }
        )
    return boxes


def _review_context(
    card: Card,
    *,
    focus: str | None = None,
    errors: dict[str, str] | None = None,
    assigning: str = "full_name",
) -> dict:
    """What the review partial shows; ``focus``: the id of the input to put the cursor in,
    ``assigning``: the field that clicked word boxes go to."""
    contacts = {contact.pk: contact for contact in card.contacts.all()}
    photo_size = _photo_size(card)
    sections = []
    boxes: list[dict] = []
    for found_index, found in enumerate(card.found_cards):
        if photo_size is not None:
            boxes += _word_boxes(found_index, found, photo_size)
        contact = contacts.pop(found.get("contact_id"), None)  # merged: shown once
        if contact is not None:
            rows = _contact_rows(
                contact, corrected=contact_corrected_fields(contact=contact), errors=errors
            )
            sections.append({"contact": contact, "rows": rows})
    return {
        "card": card,
        "sections": sections,
        "boxes": boxes,
        "photo_size": photo_size,
        "field_labels": FIELD_LABELS,
        "focus": focus,
        "assigning": assigning,
        "low_confidence": settings.BIZCARD_LOW_CONFIDENCE,
        "poll_seconds": POLL_SECONDS,
    }


def _review_partial(
    request: HttpRequest, card: Card, *, status: int = 200, **context
) -> HttpResponse:
    card = card_get_for_user(user=request.user, card_id=card.pk)  # fresh, with contacts
    return render(request, "cards/_review.html", _review_context(card, **context), status=status)


@require_GET
@login_required
def card_index(request: HttpRequest) -> HttpResponse:
    return render(request, "cards/index.html", _card_list_context(request))


@require_POST
@login_required
def card_upload(request: HttpRequest) -> HttpResponse:
    try:
        outcomes = card_images_upload(owner=request.user, files=request.FILES.getlist("files"))
    except UploadRejected as exc:
        context = {**_card_list_context(request), "upload_error": exc}
        return render(request, "cards/index.html", context, status=exc.status)
    duplicates = sum(outcome.duplicate for outcome in outcomes)
    queued = len(outcomes) - duplicates
    summary = f"{queued} photo{'s' if queued != 1 else ''} queued"
    if duplicates:
        summary += f", {duplicates} already uploaded"
    messages.success(request, summary + ".")
    return redirect("cards:index")


@require_GET
@login_required
def card_list(request: HttpRequest) -> HttpResponse:
    """The list alone, for htmx to swap in while cards are being processed."""
    return render(request, "cards/_card_list.html", _card_list_context(request))


@require_GET
@login_required
def card_detail(request: HttpRequest, card_id: int) -> HttpResponse:
    """The review page: the photo with its word boxes, the fields to check and correct."""
    card = card_get_for_user(user=request.user, card_id=card_id)
    if request.htmx:
        return _review_partial(request, card)
    return render(request, "cards/detail.html", _review_context(card))


@require_POST
@login_required
def card_field_save(
    request: HttpRequest, card_id: int, contact_id: int, field: str
) -> HttpResponse:
    """Save one field as typed (several values separated by commas or new lines)."""
    if field not in FIELDS:
        raise Http404(f"No field {field!r}.")
    card = card_get_for_user(user=request.user, card_id=card_id)
    contact = get_object_or_404(card.contacts.all(), pk=contact_id)
    text = request.POST.get("value", "")
    value: object = (
        [part for part in LIST_VALUE_SEPARATORS.split(text) if part.strip()]
        if field in LIST_FIELDS
        else text
    )
    try:
        contact_field_correct(
            contact=contact, field=field, new_value=value, user=request.user, card=card
        )
    except InvalidCorrection as exc:
        if not request.htmx:
            messages.error(request, exc.message)
            return redirect("cards:detail", card.pk)
        focus = _field_input_id(contact.pk, field)
        return _review_partial(request, card, status=422, focus=focus, errors={field: exc.message})
    if not request.htmx:
        return redirect("cards:detail", card.pk)
    # Enter saves and moves on, as Tab does.
    next_field = FIELDS[(FIELDS.index(field) + 1) % len(FIELDS)]
    return _review_partial(request, card, focus=_field_input_id(contact.pk, next_field))


@require_POST
@login_required
def card_words_assign_view(request: HttpRequest, card_id: int) -> HttpResponse:
    """Assign a clicked word box to the field chosen above the photo (or to none); with
    Shift, the whole value the word belongs to."""
    card = card_get_for_user(user=request.user, card_id=card_id)
    try:
        found_index = int(request.POST.get("found", ""))
        word_index = int(request.POST.get("word", ""))
    except ValueError:
        return HttpResponse("found and word must be numbers.", status=400)
    field = request.POST.get("assign_field") or None
    try:
        card_words_assign(
            card=card,
            found_index=found_index,
            word_indexes=[word_index],
            field=field,
            user=request.user,
            whole_values=request.POST.get("whole") == "true",
        )
    except InvalidCorrection as exc:
        return HttpResponse(exc.message, status=400)
    return _review_partial(request, card, assigning=field or "")


@require_POST
@login_required
def card_reviewed(request: HttpRequest, card_id: int) -> HttpResponse:
    """Mark the card checked and go on to the next card to review."""
    card = card_get_for_user(user=request.user, card_id=card_id)
    try:
        card_review_complete(card=card, user=request.user)
    except CardNotRead as exc:
        return HttpResponse(exc.message, status=exc.status)
    return _to_next_card(request, after=card)


@require_GET
@login_required
def card_review_next(request: HttpRequest) -> HttpResponse:
    """The least confident card not reviewed yet, or the card list when none is left."""
    return _to_next_card(request, after=None)


def _to_next_card(request: HttpRequest, *, after: Card | None) -> HttpResponse:
    card = card_next_for_review(user=request.user, after=after)
    if card is None:
        messages.success(request, "Every card is reviewed.")
        url = reverse("cards:index")
    else:
        url = reverse("cards:detail", args=[card.pk])
    if request.htmx:
        return HttpResponse(status=204, headers={"HX-Redirect": url})
    return redirect(url)


@require_GET
@login_required
def card_image(request: HttpRequest, card_id: int) -> FileResponse:
    """The photo as uploaded, streamed from storage to its owner only (storage is never
    public)."""
    card = card_get_for_user(user=request.user, card_id=card_id)
    response = FileResponse(card.image.open("rb"), content_type=card.content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_GET
@login_required
def card_preview(request: HttpRequest, card_id: int) -> HttpResponse:
    """The photo as pages show it: the stored preview, upright and small. A card not read
    yet has none: its upload is shown, a PDF as its first page (no <img> draws a PDF)."""
    card = card_get_for_user(user=request.user, card_id=card_id)
    if card.preview:
        response = FileResponse(card.preview.open("rb"), content_type="image/jpeg")
    elif card.content_type == "application/pdf":
        with card.image.open("rb") as stored:
            page = load_image(stored.read(), max_pixels=settings.BIZCARD_MAX_IMAGE_PIXELS)
        buffer = io.BytesIO()
        page.save(buffer, format="PNG")
        response = HttpResponse(buffer.getvalue(), content_type="image/png")
    else:
        response = FileResponse(card.image.open("rb"), content_type=card.content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_POST
@login_required
def card_retry_view(request: HttpRequest, card_id: int) -> HttpResponse:
    card = card_get_for_user(user=request.user, card_id=card_id)
    try:
        card_retry(card=card, user=request.user)
    except CardNotRetryable as exc:
        messages.error(request, exc.message)
    if request.htmx:
        return render(request, "cards/_card_list.html", _card_list_context(request))
    return redirect("cards:index")

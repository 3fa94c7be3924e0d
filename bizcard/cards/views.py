"""Browser pages: upload, the card list that refreshes by htmx polling, a card's detail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from bizcard.cards.errors import CardNotRetryable, UploadRejected
from bizcard.cards.models import Contact
from bizcard.cards.selectors import card_get_for_user, cards_for_user
from bizcard.cards.services import card_images_upload, card_retry
from bizcard.pipeline.schema import FIELDS, LIST_FIELDS

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


def _contact_rows(contact: Contact) -> list[dict]:
    """One row per schema field: label, shown values, confidence (None when not predicted)."""
    fields = contact.fields
    rows = []
    for name in FIELDS:
        value = fields[name]
        values = value if name in LIST_FIELDS else ([value] if value else [])
        rows.append(
            {
                "label": FIELD_LABELS[name],
                "values": values,
                "confidence": contact.confidence.get(name),
            }
        )
    return rows


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
    card = card_get_for_user(user=request.user, card_id=card_id)
    context = {
        "card": card,
        "contacts": [
            {"contact": contact, "rows": _contact_rows(contact)} for contact in card.contacts.all()
        ],
        "poll_seconds": POLL_SECONDS,
    }
    template = "cards/_card_detail.html" if request.htmx else "cards/detail.html"
    return render(request, template, context)


@require_GET
@login_required
def card_image(request: HttpRequest, card_id: int) -> FileResponse:
    """The photo, streamed from storage to its owner only (storage is never public)."""
    card = card_get_for_user(user=request.user, card_id=card_id)
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

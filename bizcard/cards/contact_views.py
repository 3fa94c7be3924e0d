"""Contact pages: the searchable list, a contact with its cards and history, duplicates to
merge, and the vCard / CSV export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from bizcard.cards.errors import ContactMergeRefused
from bizcard.cards.export import VCARD_VERSIONS, contacts_csv, contacts_vcard
from bizcard.cards.models import Contact
from bizcard.cards.selectors import (
    CONTACT_FILTERS,
    CONTACT_ORDERS,
    DEFAULT_CONTACT_ORDER,
    DuplicateGroup,
    contact_duplicate_groups,
    contact_with_history_get_for_user,
    contacts_by_ids_for_user,
    contacts_search,
)
from bizcard.cards.services import contacts_merge
from bizcard.cards.views import FIELD_LABELS, field_values
from bizcard.pipeline.schema import FIELDS, SINGLE_FIELDS

CONTACTS_PER_PAGE = 25
CONTACT_FILTER_LABELS: dict[str, str] = {
    "": "All contacts",
    "email": "With an email",
    "phone": "With a phone",
    "company": "With a company",
    "no_email": "Without an email",
}
CONTACT_ORDER_LABELS: dict[str, str] = {
    "name": "Name",
    "company": "Company",
    "newest": "Newest first",
    "oldest": "Oldest first",
}
EXPORT_FORMATS: dict[str, tuple[str, str]] = {  # format: (content type, file name)
    "vcf": ("text/vcard; charset=utf-8", "contacts.vcf"),
    "csv": ("text/csv; charset=utf-8", "contacts.csv"),
}


@require_GET
@login_required
@vary_on_headers("HX-Request")
def contact_list(request: HttpRequest) -> HttpResponse:
    """The whole page, or only the table for htmx while the user types or pages."""
    query = request.GET.get("q", "")
    has = request.GET.get("has", "")
    has = has if has in CONTACT_FILTERS else ""
    order = request.GET.get("order", "")
    order = order if order in CONTACT_ORDERS else DEFAULT_CONTACT_ORDER
    contacts = contacts_search(user=request.user, query=query, has=has, order=order)
    page = Paginator(contacts, CONTACTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "has": has,
        "order": order,
        "filter_labels": CONTACT_FILTER_LABELS,
        "order_labels": CONTACT_ORDER_LABELS,
        "vcard_versions": VCARD_VERSIONS,
        "show_owner": request.user.is_staff,
    }
    table_only = request.htmx and not request.htmx.history_restore_request
    template = "contacts/_contact_table.html" if table_only else "contacts/list.html"
    return render(request, template, context)


@require_GET
@login_required
def contact_detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = contact_with_history_get_for_user(user=request.user, contact_id=contact_id)
    corrections = [
        {
            "correction": correction,
            "label": FIELD_LABELS.get(correction.field, correction.field),
            "old": _value_text(correction.old_value),
            "new": _value_text(correction.new_value),
        }
        for correction in contact.corrections.all()
    ]
    merges = [
        {"merge": merge, "rows": _snapshot_rows(merge.snapshot)} for merge in contact.merges.all()
    ]
    context = {
        "contact": contact,
        "rows": _field_rows(contact),
        "cards": contact.cards_newest_first,
        "corrections": corrections,
        "merges": merges,
    }
    return render(request, "contacts/detail.html", context)


@require_GET
@login_required
def contact_duplicates(request: HttpRequest) -> HttpResponse:
    groups = [_duplicate_group_view(group) for group in contact_duplicate_groups(user=request.user)]
    return render(request, "contacts/duplicates.html", {"groups": groups})


@require_POST
@login_required
def contact_merge(request: HttpRequest) -> HttpResponse:
    """Merge the ticked contacts of a duplicate group into the one chosen to keep."""
    try:
        contact_ids = _contact_ids_parse(request.POST.getlist("ids"))
        primary_id = _contact_id_parse(request.POST.get("primary", ""), what="primary")
        kept_values = {
            name: _contact_id_parse(request.POST[f"keep_{name}"], what=f"keep_{name}")
            for name in SINGLE_FIELDS
            if request.POST.get(f"keep_{name}")
        }
    except ValueError as exc:
        return _bad_request(str(exc))
    contacts = {
        contact.pk: contact
        for contact in contacts_by_ids_for_user(
            user=request.user, contact_ids=[primary_id, *contact_ids]
        )
    }
    if len(contacts) != len({primary_id, *contact_ids}):
        raise Http404("Contact not found.")
    if primary_id not in contact_ids:
        messages.error(request, "The contact to keep must be one of the ticked contacts.")
        return redirect("contacts:duplicates")
    others = [contacts[pk] for pk in contact_ids if pk != primary_id]
    try:
        primary = contacts_merge(
            primary=contacts[primary_id], others=others, user=request.user, kept_values=kept_values
        )
    except ContactMergeRefused as exc:
        messages.error(request, exc.message)
        return redirect("contacts:duplicates")
    messages.success(request, f"Merged {len(others) + 1} contacts into {primary}.")
    return redirect("contacts:detail", contact_id=primary.pk)


@require_GET
@login_required
def contact_export(request: HttpRequest) -> HttpResponse:
    """``?format=vcf|csv&version=3.0|4.0&ids=1,2,3``: the contacts named, or all of them."""
    export_format = request.GET.get("format", "")
    if export_format not in EXPORT_FORMATS:
        return _bad_request(f"Unknown format {export_format!r}: use format=vcf or format=csv.")
    version = request.GET.get("version", "3.0")
    if export_format == "vcf" and version not in VCARD_VERSIONS:
        return _bad_request(
            f"Unknown vCard version {version!r}: use version={' or version='.join(VCARD_VERSIONS)}."
        )
    try:
        contact_ids = _contact_ids_parse(request.GET.getlist("ids"))
    except ValueError as exc:
        return _bad_request(str(exc))
    if "selected" in request.GET and not contact_ids:
        return _bad_request("No contact selected: tick at least one, or use Export all.")
    if contact_ids:
        contacts = contacts_by_ids_for_user(user=request.user, contact_ids=contact_ids)
        missing = sorted(set(contact_ids) - {contact.pk for contact in contacts})
        if missing:
            return _bad_request(f"No contact {', '.join(map(str, missing))} among yours.")
    else:
        contacts = list(contacts_search(user=request.user))
    content_type, filename = EXPORT_FORMATS[export_format]
    if export_format == "vcf":
        body = contacts_vcard(contacts, version=version)
    else:
        body = contacts_csv(contacts)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _bad_request(message: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _contact_ids_parse(values: list[str]) -> list[int]:
    """``["1,2", "3"]`` (a comma list, repeated parameters, or both) -> ``[1, 2, 3]``."""
    contact_ids: list[int] = []
    for value in values:
        for piece in value.split(","):
            if not piece.strip():
                continue
            contact_id = _contact_id_parse(piece, what="ids")
            if contact_id not in contact_ids:
                contact_ids.append(contact_id)
    return contact_ids


def _contact_id_parse(value: str, *, what: str) -> int:
    value = value.strip()
    if not value.isdecimal() or not value.isascii():
        raise ValueError(f"{what}: {value!r} is not a contact number.")
    return int(value)


def _value_text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


def _field_rows(contact: Contact) -> list[dict]:
    """One row per schema field: its label and the values shown (none for an empty field)."""
    fields = contact.fields
    return [
        {"label": FIELD_LABELS[name], "values": field_values(name, fields[name])}
        for name in FIELDS
    ]


def _snapshot_rows(snapshot: dict) -> list[dict]:
    """The non-empty fields of a merged contact as it was."""
    fields = snapshot.get("fields", {})
    rows = []
    for name in FIELDS:
        values = field_values(name, fields.get(name))
        if values:
            rows.append({"label": FIELD_LABELS[name], "values": values})
    return rows


def _duplicate_group_view(group: DuplicateGroup) -> dict:
    """A group laid out side by side: per field, one cell per contact; a field the contacts
    disagree on offers a radio per distinct value (the oldest contact's value preselected)."""
    conflicts = group.conflicts
    rows = []
    for name in FIELDS:
        choices = {contact.pk for contact in conflicts.get(name, [])}
        first_choice = conflicts[name][0].pk if name in conflicts else None
        cells = [
            {
                "contact": contact,
                "values": field_values(name, contact.fields[name]),
                "choice": contact.pk in choices,
                "chosen": contact.pk == first_choice,
            }
            for contact in group.contacts
        ]
        if any(cell["values"] for cell in cells):
            rows.append({"name": name, "label": FIELD_LABELS[name], "cells": cells})
    return {"contacts": group.contacts, "reasons": group.reasons, "rows": rows}

"""Reads of the cards app, always scoped to the asking user (staff see everyone's)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Case, F, Prefetch, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Cast, Lower
from django.shortcuts import get_object_or_404
from rapidfuzz import fuzz, process

from bizcard.cards.models import Card, Contact, ContactMerge, FieldCorrection
from bizcard.pipeline.schema import SINGLE_FIELDS


def _cards_visible_to(user) -> QuerySet[Card]:
    return Card.objects.all() if user.is_staff else Card.objects.filter(owner=user)


def cards_for_user(*, user) -> QuerySet[Card]:
    return _cards_visible_to(user).prefetch_related(
        Prefetch("contacts", queryset=Contact.objects.order_by("id"))  # largest card first
    )


def card_get_for_user(*, user, card_id: int) -> Card:
    """The card, or Http404 when it does not exist *or belongs to someone else*."""
    return get_object_or_404(cards_for_user(user=user), pk=card_id)


def contacts_for_user(*, user) -> QuerySet[Contact]:
    contacts = Contact.objects.all() if user.is_staff else Contact.objects.filter(owner=user)
    return contacts.prefetch_related(Prefetch("cards", queryset=Card.objects.only("id")))


def contact_get_for_user(*, user, contact_id: int) -> Contact:
    """The contact, or Http404 when it does not exist or belongs to someone else."""
    return get_object_or_404(contacts_for_user(user=user), pk=contact_id)


def card_next_for_review(*, user, after: Card | None = None) -> Card | None:
    """The user's least confident card that is read but not yet reviewed (not ``after``)."""
    cards = _cards_visible_to(user).filter(status=Card.Status.DONE, reviewed_at__isnull=True)
    if after is not None:
        cards = cards.exclude(pk=after.pk)
    return cards.order_by(F("review_confidence").asc(nulls_first=True), "created_at").first()


def contact_corrected_fields(*, contact: Contact) -> set[str]:
    """The fields a person has corrected on this contact."""
    return set(contact.corrections.values_list("field", flat=True))


# Searches and filters of the contact list. Emails and phones are JSON lists: matching them
# as text works on PostgreSQL and SQLite alike.
CONTACT_FILTERS: dict[str, Q] = {
    "email": ~Q(emails=[]),
    "phone": ~Q(phones=[]),
    "company": ~Q(company=""),
    "no_email": Q(emails=[]),
}
CONTACT_ORDERS: dict[str, tuple[str, ...]] = {
    "name": ("name_missing", "name_sort", "id"),
    "company": ("company_missing", "company_sort", "name_sort", "id"),
    "newest": ("-created_at", "-id"),
    "oldest": ("created_at", "id"),
}
DEFAULT_CONTACT_ORDER = "name"
# Fewer digits than this match too many numbers to mean "find this phone".
PHONE_QUERY_MIN_DIGITS = 4
# token_sort_ratio (0..100) from which two casefolded names count as the same person's.
DUPLICATE_NAME_SIMILARITY = 90
# token_set_ratio for companies: "Contoso" and "Contoso Ltd." are one company.
DUPLICATE_COMPANY_SIMILARITY = 90


def contacts_search(
    *, user, query: str = "", has: str = "", order: str = DEFAULT_CONTACT_ORDER
) -> QuerySet[Contact]:
    """The user's contacts matching every word of ``query`` (name, company, position,
    department, email), or whose phone or fax holds the query's digits, whatever the
    formatting: "+44 7911 123456" and "07911 123456" both find "+447911123456".

    ``has`` is a key of CONTACT_FILTERS (empty: no filter), ``order`` one of CONTACT_ORDERS;
    anything else raises ValueError.
    """
    if has and has not in CONTACT_FILTERS:
        raise ValueError(f"Unknown filter {has!r}; filters are {', '.join(CONTACT_FILTERS)}.")
    if order not in CONTACT_ORDERS:
        raise ValueError(f"Unknown order {order!r}; orders are {', '.join(CONTACT_ORDERS)}.")
    contacts = (
        contacts_for_user(user=user)
        .select_related("owner")
        .annotate(
            emails_text=Cast("emails", TextField()),
            phones_text=Cast("phones", TextField()),
            fax_text=Cast("fax", TextField()),
            name_sort=Lower("full_name"),
            company_sort=Lower("company"),
            name_missing=Case(When(full_name="", then=Value(1)), default=Value(0)),
            company_missing=Case(When(company="", then=Value(1)), default=Value(0)),
        )
    )
    if has:
        contacts = contacts.filter(CONTACT_FILTERS[has])
    query = query.strip()
    if query:
        contacts = contacts.filter(_contact_text_match(query) | _contact_phone_match(query))
    return contacts.order_by(*CONTACT_ORDERS[order])


def contacts_by_ids_for_user(*, user, contact_ids: Iterable[int]) -> list[Contact]:
    """Those of the contacts the user may see, in the list's order; the caller compares
    with ``contact_ids`` to tell which were not found."""
    return list(contacts_search(user=user).filter(pk__in=set(contact_ids)))


def contact_with_history_get_for_user(*, user, contact_id: int) -> Contact:
    """The contact (Http404 as for contact_get_for_user) with ``cards_newest_first``, and its
    corrections and merges with the people who made them."""
    contacts = (
        contacts_for_user(user=user)
        .select_related("owner")
        .prefetch_related(
            Prefetch(
                "cards", queryset=Card.objects.order_by("-created_at"), to_attr="cards_newest_first"
            ),
            Prefetch("corrections", queryset=FieldCorrection.objects.select_related("user")),
            Prefetch("merges", queryset=ContactMerge.objects.select_related("user")),
        )
    )
    return get_object_or_404(contacts, pk=contact_id)


def _contact_text_match(query: str) -> Q:
    match = Q()
    for term in query.split():
        match &= (
            Q(full_name__icontains=term)
            | Q(company__icontains=term)
            | Q(position__icontains=term)
            | Q(department__icontains=term)
            | Q(emails_text__icontains=term)
        )
    return match


def _contact_phone_match(query: str) -> Q:
    """Phones are stored E.164 ("+447911123456"): compare digits, without the national
    trunk prefix "0" or the international prefix "00" a person may type."""
    digits = re.sub(r"\D", "", query).lstrip("0")
    if len(digits) < PHONE_QUERY_MIN_DIGITS:
        return Q(pk__in=[])
    return Q(phones_text__contains=digits) | Q(fax_text__contains=digits)


@dataclass
class DuplicateGroup:
    """Contacts of one owner that look like one person, oldest first, and why."""

    contacts: list[Contact]
    reasons: list[str] = field(default_factory=list)

    @property
    def conflicts(self) -> dict[str, list[Contact]]:
        """Single fields on which the contacts disagree: the contacts holding each value,
        one per distinct non-empty value, for a person to choose which one to keep."""
        conflicts: dict[str, list[Contact]] = {}
        for name in SINGLE_FIELDS:
            holders: dict[str, Contact] = {}
            for contact in self.contacts:
                value = getattr(contact, name).strip()
                if value and value.casefold() not in holders:
                    holders[value.casefold()] = contact
            if len(holders) > 1:
                conflicts[name] = list(holders.values())
        return conflicts


def contact_duplicate_groups(*, user) -> list[DuplicateGroup]:
    """Groups of contacts that share an email (case-insensitively) or a phone, or have
    similar names and similar companies. Only one owner's contacts are ever grouped, even
    for staff, who see every owner's groups.

    A similar name with a company on only one side still counts: OCR often misses the
    company line, and a person confirms every merge. Two different companies never do.
    """
    contacts = contacts_for_user(user=user).order_by("owner_id", "created_at", "id")
    groups: list[DuplicateGroup] = []
    for _owner_id, owned in groupby(contacts, key=lambda contact: contact.owner_id):
        groups.extend(_duplicate_groups_of_owner(list(owned)))
    return groups


def _duplicate_groups_of_owner(contacts: list[Contact]) -> list[DuplicateGroup]:
    parent = list(range(len(contacts)))
    pair_reasons: list[tuple[int, int, str]] = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int, reason: str) -> None:
        parent[root(j)] = root(i)
        pair_reasons.append((i, j, reason))

    for label, keys_of in (("email", _email_keys), ("phone", _phone_keys)):
        first_holder: dict[str, int] = {}
        for i, contact in enumerate(contacts):
            for key, shown in keys_of(contact).items():
                if key in first_holder:
                    join(first_holder[key], i, f"same {label} {shown}")
                else:
                    first_holder[key] = i
    for i, j, reason in _similar_name_pairs(contacts):
        join(i, j, reason)

    members: dict[int, list[int]] = {}
    for i in range(len(contacts)):
        members.setdefault(root(i), []).append(i)
    reasons: dict[int, list[str]] = {}
    for i, _j, reason in pair_reasons:
        group_reasons = reasons.setdefault(root(i), [])
        if reason not in group_reasons:
            group_reasons.append(reason)
    return [
        DuplicateGroup(contacts=[contacts[i] for i in indexes], reasons=reasons[group_root])
        for group_root, indexes in members.items()
        if len(indexes) > 1
    ]


def _email_keys(contact: Contact) -> dict[str, str]:
    """Each email, casefolded (the key) and as written."""
    return {email.strip().casefold(): email.strip() for email in contact.emails if email.strip()}


def _phone_keys(contact: Contact) -> dict[str, str]:
    """Each phone's digits (the key) and the phone as written."""
    return {re.sub(r"\D", "", phone): phone for phone in contact.phones if re.search(r"\d", phone)}


def _similar_name_pairs(contacts: list[Contact]) -> list[tuple[int, int, str]]:
    named = [i for i, contact in enumerate(contacts) if contact.full_name.strip()]
    if len(named) < 2:
        return []
    names = [contacts[i].full_name.casefold() for i in named]
    scores = process.cdist(
        names, names, scorer=fuzz.token_sort_ratio, score_cutoff=DUPLICATE_NAME_SIMILARITY
    )
    pairs = []
    for a, b in zip(*scores.nonzero(), strict=True):
        if a >= b:
            continue
        i, j = named[a], named[b]
        first, second = contacts[i].company.strip(), contacts[j].company.strip()
        if first and second:
            similarity = fuzz.token_set_ratio(first.casefold(), second.casefold())
            if similarity < DUPLICATE_COMPANY_SIMILARITY:
                continue
            pairs.append((i, j, "similar name and company"))
        else:
            pairs.append((i, j, "similar name, company missing on one"))
    return pairs

from __future__ import annotations

import mimetypes

from django.conf import settings
from django.db import models

from bizcard.pipeline.schema import FIELDS, LIST_FIELDS, SINGLE_FIELDS

# OCR can run lines together; no real name, title or company is longer than this.
TEXT_FIELD_MAX_LENGTH = 255


def card_image_path(card: Card, filename: str) -> str:
    """``cards/<owner>/<sha256><ext>``: by content, so the name never leaks the upload's name."""
    extension = mimetypes.guess_extension(card.content_type) or ".bin"
    return f"cards/{card.owner_id}/{card.sha256}{extension}"


def card_preview_path(card: Card, filename: str) -> str:
    return f"previews/{card.owner_id}/{card.sha256}.jpg"


class Card(models.Model):
    """One uploaded photo (it may show several cards) and the state of its processing."""

    class Status(models.TextChoices):
        QUEUED = "queued"
        PROCESSING = "processing"
        DONE = "done"
        FAILED = "failed"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cards"
    )
    image = models.FileField(upload_to=card_image_path, max_length=255)
    # The photo upright and at most PREVIEW_SIDE px long (JPEG): what pages show, so a
    # 12-megapixel upload is not sent to every list and review page.
    preview = models.FileField(upload_to=card_preview_path, max_length=255, blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    error_code = models.CharField(max_length=64, blank=True)
    error_message = models.TextField(blank=True)
    # One entry per card found in the photo, largest first: CardResult.to_dict(), i.e. the
    # words with their quads, confidences and BIO labels, plus the predicted fields.
    found_cards = models.JSONField(default=list, blank=True)
    engine = models.CharField(max_length=32, blank=True)
    model_version = models.CharField(max_length=64, blank=True)
    timings_ms = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The photo's size as the pipeline saw it (EXIF-upright): the review page's overlay
    # draws the words in these pixels.
    image_width = models.PositiveIntegerField(null=True, blank=True)
    image_height = models.PositiveIntegerField(null=True, blank=True)
    # The least confident field of the card's contacts: "next card to review" picks the lowest.
    review_confidence = models.FloatField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_cards",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "sha256"], name="card_unique_image_per_owner"),
        ]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="card_owner_recent"),
            models.Index(
                fields=["owner", "review_confidence"],
                name="card_review_queue",
                condition=models.Q(status="done", reviewed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"Card {self.pk} ({self.original_filename}, {self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.PROCESSING)

    @property
    def error(self) -> dict[str, str] | None:
        """The API's error value, or None when the card has not failed."""
        if self.status != self.Status.FAILED:
            return None
        return {"code": self.error_code, "message": self.error_message}


class Contact(models.Model):
    """A person read from one card; merges (issue 4) link several cards to one contact."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts"
    )
    full_name = models.CharField(max_length=TEXT_FIELD_MAX_LENGTH, blank=True)
    position = models.CharField(max_length=TEXT_FIELD_MAX_LENGTH, blank=True)
    department = models.CharField(max_length=TEXT_FIELD_MAX_LENGTH, blank=True)
    company = models.CharField(max_length=TEXT_FIELD_MAX_LENGTH, blank=True)
    address = models.TextField(blank=True)
    emails = models.JSONField(default=list, blank=True)
    phones = models.JSONField(default=list, blank=True)
    fax = models.JSONField(default=list, blank=True)
    websites = models.JSONField(default=list, blank=True)
    confidence = models.JSONField(default=dict, blank=True)  # {field: 0..1}
    model_version = models.CharField(max_length=64, blank=True)
    cards = models.ManyToManyField(Card, related_name="contacts", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.full_name or self.company or f"Contact {self.pk}"

    @property
    def fields(self) -> dict[str, object]:
        """The contact in the ROADMAP field schema: ``None`` for an empty text field."""
        values: dict[str, object] = {name: getattr(self, name) or None for name in SINGLE_FIELDS}
        values.update({name: list(getattr(self, name)) for name in LIST_FIELDS})
        return values

    def set_fields(self, fields: dict[str, object]) -> None:
        """Copy schema fields onto the model; keys outside the schema are ignored."""
        for name in FIELDS:
            if name not in fields:
                continue
            value = fields[name]
            if name in LIST_FIELDS:
                setattr(self, name, list(value or []))
            elif name == "address":
                setattr(self, name, value or "")
            else:
                setattr(self, name, (value or "")[:TEXT_FIELD_MAX_LENGTH])


class FieldCorrection(models.Model):
    """A person fixing one field of a contact: the training signal for later models."""

    class Method(models.TextChoices):
        TYPED = "typed"  # the value typed into the form
        BOXES = "boxes"  # word boxes on the photo assigned to the field
        MERGE = "merge"  # the value a person kept when merging two contacts

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="corrections")
    card = models.ForeignKey(
        Card, on_delete=models.SET_NULL, null=True, blank=True, related_name="corrections"
    )
    field = models.CharField(max_length=32, choices=[(name, name) for name in FIELDS])
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="field_corrections",
    )
    model_version = models.CharField(max_length=64, blank=True)  # what produced old_value
    method = models.CharField(max_length=8, choices=Method.choices, default=Method.TYPED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.field} of contact {self.contact_id}"


class ContactMerge(models.Model):
    """One contact folded into another: what the folded contact held, so nothing is lost."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="merges")
    merged_contact_id = models.PositiveBigIntegerField()
    # The folded contact's fields, confidence, model version and creation time, as they were.
    snapshot = models.JSONField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_merges",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"contact {self.merged_contact_id} into {self.contact_id}"

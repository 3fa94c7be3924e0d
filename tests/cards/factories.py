"""Values the cards tests build objects from: pipeline answers and uploaded files."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from bizcard.pipeline.schema import empty_fields
from bizcard.pipeline.types import CardResult, Word

AVERY = {
    "full_name": "Dr. Avery Smith",
    "company": "Contoso",
    "emails": ["avery.smith@contoso.com"],
    "phones": ["+447911123456"],
    "fax": ["+442067892345"],
    "websites": ["https://www.contoso.com/"],
}
CHRIS = {"full_name": "Chris Smith", "emails": ["chris.smith@contoso.com"]}


def card_result(fields: dict, *, width: int = 900) -> CardResult:
    """One card as the pipeline reports it: schema fields, a confidence each, one word."""
    word = Word(
        text=fields.get("full_name") or "x",
        quad=((10, 10), (90, 10), (90, 30), (10, 30)),
        confidence=0.97,
        line=0,
    )
    return CardResult(
        fields={**empty_fields(), **fields},
        confidence=dict.fromkeys(fields, 0.9),
        words=[word],
        labels=["B-NAME"],
        size=(width, width // 2),
    )


def upload_file(
    data: bytes, name: str = "card.jpg", content_type: str = "image/jpeg"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)

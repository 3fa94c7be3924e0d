"""The whole pipeline on the real, tilted card photos in shared/eval/real (real OCR)."""

from __future__ import annotations

import pytest
from PIL import Image

from bizcard.pipeline.evaluation import load_dataset, normalize_values
from bizcard.pipeline.extract import STAGES, PipelineConfig, extract
from bizcard.pipeline.schema import FIELDS
from tests.real_photos import REAL, needs_real_photos
from training.registry import BOOTSTRAP_DIR, BOOTSTRAP_VERSION

CARDS = load_dataset(REAL) if (REAL / "cards.jsonl").is_file() else []
CONTACT_FIELDS = ("emails", "phones", "fax", "websites")

pytestmark = [pytest.mark.slow, needs_real_photos]


@pytest.mark.parametrize("card", CARDS, ids=[c.image.name for c in CARDS])
def test_real_photo_yields_its_contact_details(card):
    extraction = extract(Image.open(card.image).convert("RGB"), PipelineConfig())
    fields = extraction.primary.fields
    for name in CONTACT_FIELDS:
        expected = sorted(normalize_values(name, card.fields[name], card.region))
        assert sorted(normalize_values(name, fields[name], card.region)) == expected, name
    assert extraction.model_version == "rules-1"
    assert set(extraction.timings_ms) == {*STAGES, "total"}
    assert all(0 <= extraction.primary.confidence[f] <= 1 for f in extraction.primary.confidence)


def test_contoso_photo_reads_name_company_and_address():
    [card] = [c for c in CARDS if c.image.name == "azure-contoso-avery.jpg"]
    extraction = extract(Image.open(card.image).convert("RGB"))
    fields = extraction.primary.fields
    for name in ("full_name", "position", "department", "company", "address"):
        expected = normalize_values(name, card.fields[name])
        assert normalize_values(name, fields[name]) == expected, name


@pytest.mark.parametrize("card", CARDS, ids=[c.image.name for c in CARDS])
def test_the_shipped_model_reads_every_field_of_the_real_photos(card):
    """The bootstrap model never saw a real photo (nor a Chinese card: that one goes to the
    rules); every field still comes out right."""
    config = PipelineConfig(classifier=BOOTSTRAP_VERSION, model_dir=str(BOOTSTRAP_DIR))
    extraction = extract(Image.open(card.image).convert("RGB"), config)
    fields = extraction.primary.fields
    for name in FIELDS:
        expected = sorted(normalize_values(name, card.fields.get(name), card.region))
        assert sorted(normalize_values(name, fields[name], card.region)) == expected, name
    assert extraction.model_version == BOOTSTRAP_VERSION

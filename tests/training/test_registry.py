"""The model registry, the shipped bootstrap model and the train/promote commands."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bizcard.cards import services
from bizcard.cards.models import Card, Contact
from bizcard.cards.pipeline_config import pipeline_config
from bizcard.pipeline.errors import PipelineError
from tests.cards.factories import upload_file
from tests.images import jpeg_bytes
from training.align import load_aligned
from training.models import ModelVersion
from training.registry import BOOTSTRAP_DIR, BOOTSTRAP_VERSION, artifact_sha256, artifact_size
from training.selectors import classifier_choice, production_model_version
from training.services import (
    bootstrap_model_ensure,
    model_version_promote,
    model_version_register,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def model_root(settings, tmp_path: Path) -> Path:
    settings.BIZCARD_MODEL_ROOT = tmp_path / "models"
    return settings.BIZCARD_MODEL_ROOT


def test_a_fresh_install_classifies_with_the_shipped_model() -> None:
    model = production_model_version()
    assert model is not None and model.version == BOOTSTRAP_VERSION
    assert model.sha256 == artifact_sha256(BOOTSTRAP_DIR)
    assert classifier_choice("production") == (BOOTSTRAP_VERSION, str(BOOTSTRAP_DIR))
    config = pipeline_config()
    assert (config.classifier, config.model_dir) == (BOOTSTRAP_VERSION, str(BOOTSTRAP_DIR))


def test_an_install_upgraded_to_a_newer_shipped_model_reads_with_it() -> None:
    current = ModelVersion.objects.get(version=BOOTSTRAP_VERSION)
    current.delete()
    earlier = ModelVersion.objects.create(
        version="lmv3-bootstrap-0", artifact_path=str(BOOTSTRAP_DIR.resolve()),
        sha256="0" * 64, size_bytes=1, status=ModelVersion.Status.PRODUCTION,
    )  # what the install had registered before the release replaced the shipped files

    model = bootstrap_model_ensure()

    assert model.version == BOOTSTRAP_VERSION and model.status == ModelVersion.Status.PRODUCTION
    earlier.refresh_from_db()
    assert earlier.status == ModelVersion.Status.RETIRED
    assert classifier_choice("production")[0] == BOOTSTRAP_VERSION


def test_a_model_promoted_by_an_admin_stays_in_production_after_an_upgrade(
    model_root: Path, tmp_path: Path
) -> None:
    source = tmp_path / "own"
    shutil.copytree(BOOTSTRAP_DIR, source)
    metrics = json.loads((source / "metrics.json").read_text())
    (source / "metrics.json").write_text(json.dumps({**metrics, "version": "own-1"}))
    model_version_register(artifact_dir=source)
    model_version_promote(version="own-1")

    bootstrap_model_ensure()

    assert production_model_version().version == "own-1"


def test_the_shipped_model_is_small_enough_for_the_repository() -> None:
    assert artifact_size(BOOTSTRAP_DIR) < 30 * 1024 * 1024


def test_rules_stay_selectable_by_name() -> None:
    assert classifier_choice("rules") == ("rules", None)
    assert pipeline_config(classifier="rules").model_dir is None


def test_an_unknown_version_names_the_known_ones() -> None:
    with pytest.raises(PipelineError) as error:
        classifier_choice("v999")
    assert error.value.code == "unknown_model"
    assert BOOTSTRAP_VERSION in error.value.message and "rules" in error.value.message


def test_an_artifact_changed_after_registration_is_refused(model_root: Path,
                                                           tmp_path: Path) -> None:
    source = tmp_path / "copy"
    shutil.copytree(BOOTSTRAP_DIR, source)
    metrics = json.loads((source / "metrics.json").read_text())
    (source / "metrics.json").write_text(json.dumps({**metrics, "version": "copy-1"}))
    model = model_version_register(artifact_dir=source)
    assert model.status == ModelVersion.Status.CANDIDATE
    assert (model_root / "copy-1" / "model.safetensors").is_file()
    assert classifier_choice("copy-1")[1] == str(model_root / "copy-1")
    with (model_root / "copy-1" / "model.safetensors").open("ab") as weights:
        weights.write(b"\0")
    with pytest.raises(PipelineError) as error:
        classifier_choice("copy-1")
    assert error.value.code == "bad_model" and "sha256" in error.value.message


def test_train_registers_promotes_and_fine_tunes_on_corrections(
    model_root: Path, aligned_folder: Path, user
) -> None:
    out = io.StringIO()
    call_command("train", "--data", str(aligned_folder), "--epochs", "1", "--name", "cmd-1",
                 "--no-progress", "--promote", stdout=out)
    assert "Registered cmd-1 (production)" in out.getvalue()
    assert production_model_version().version == "cmd-1"
    assert ModelVersion.objects.get(version=BOOTSTRAP_VERSION).status == "retired"
    assert pipeline_config().classifier == "cmd-1"
    assert (model_root / "cmd-1" / "MODEL_CARD.md").is_file()

    # A person corrects a card the model read: it becomes the fine-tuning data.
    aligned = load_aligned(aligned_folder)[0]
    card = services.card_images_upload(owner=user, files=[upload_file(jpeg_bytes(seed=9))]
                                       )[0].card
    contact = Contact.objects.create(owner=user, full_name="Wrong Name", model_version="cmd-1")
    contact.cards.add(card)
    Card.objects.filter(pk=card.pk).update(
        status=Card.Status.DONE, model_version="cmd-1",
        found_cards=[{"words": [dict(w.to_dict(), label=label) for w, label in
                                zip(aligned.words, aligned.labels, strict=True)],
                      "size": list(aligned.size), "fields": aligned.fields,
                      "contact_id": contact.pk}])
    services.contact_field_correct(contact=contact, field="full_name",
                                   new_value=aligned.fields["full_name"], user=user)

    out = io.StringIO()
    call_command("train", "--parent", "cmd-1", "--corrections", "--epochs", "1",
                 "--name", "cmd-2", "--no-progress", stdout=out)
    child = ModelVersion.objects.get(version="cmd-2")
    assert "1 corrected card(s)" in out.getvalue()
    assert child.parent.version == "cmd-1" and child.status == "candidate"
    assert child.metrics["parent"] == "cmd-1"

    call_command("promote", "cmd-2", stdout=io.StringIO())
    assert production_model_version().version == "cmd-2"
    assert ModelVersion.objects.get(version="cmd-1").status == "retired"


def test_corrections_need_a_parent_and_unknown_parents_are_named() -> None:
    with pytest.raises(CommandError, match="--parent"):
        call_command("train", "--corrections", "--no-progress")
    with pytest.raises(CommandError, match="v999"):
        call_command("train", "--parent", "v999", "--corrections", "--no-progress")
    with pytest.raises(CommandError, match="v999"):
        call_command("promote", "v999")
    with pytest.raises(CommandError, match="--bootstrap takes no other"):
        call_command("train", "--bootstrap", "--data", "elsewhere", "--no-progress")

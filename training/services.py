"""Writes of the model registry: registering artifacts and promoting a version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from training.models import ModelVersion
from training.registry import (
    BOOTSTRAP_DIR,
    ArtifactError,
    artifact_sha256,
    artifact_size,
    check_artifact,
)


def model_version_register(*, artifact_dir: Path, copy: bool = True,
                           created_by=None) -> ModelVersion:
    """Record an artifact as a candidate version (named by its ``metrics.json``).

    ``copy`` puts the files under ``BIZCARD_MODEL_ROOT/<version>`` first, so a training
    run's scratch directory can go away; the shipped bootstrap model is used in place.
    """
    check_artifact(artifact_dir)
    metrics = json.loads((artifact_dir / "metrics.json").read_text())
    version = metrics.get("version")
    if not version:
        raise ArtifactError(f"{artifact_dir}/metrics.json names no version")
    if ModelVersion.objects.filter(version=version).exists():
        raise ArtifactError(f"Model version {version} is already registered")
    parent = None
    if metrics.get("parent"):
        parent = ModelVersion.objects.filter(version=metrics["parent"]).first()
        if parent is None:
            raise ArtifactError(f"Parent version {metrics['parent']} is not registered")
    if copy:
        target = Path(settings.BIZCARD_MODEL_ROOT) / version
        if target.resolve() != artifact_dir.resolve():
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(artifact_dir, target)
        directory, stored_path = target, version
    else:
        directory, stored_path = artifact_dir, str(artifact_dir.resolve())
    return ModelVersion.objects.create(
        version=version,
        artifact_path=stored_path,
        sha256=artifact_sha256(directory),
        size_bytes=artifact_size(directory),
        parent=parent,
        metrics=metrics,
        created_by=created_by,
    )


@transaction.atomic
def model_version_promote(*, version: str) -> ModelVersion:
    """Make ``version`` the production model; the previous one is retired."""
    target = ModelVersion.objects.select_for_update().filter(version=version).first()
    if target is None:
        raise ArtifactError(f"Unknown model version {version!r}")
    ModelVersion.objects.select_for_update().filter(
        status=ModelVersion.Status.PRODUCTION).exclude(pk=target.pk).update(
        status=ModelVersion.Status.RETIRED)
    target.status = ModelVersion.Status.PRODUCTION
    target.promoted_at = timezone.now()
    target.save(update_fields=["status", "promoted_at"])
    return target


@transaction.atomic
def bootstrap_model_ensure() -> ModelVersion | None:
    """Register the shipped bootstrap model once, and promote it if nothing is in
    production: a fresh install classifies with it from the first start.

    A release that ships a newer bootstrap model replaces the files of the earlier one,
    which can then never load again: its version is retired, and if it was in production
    the new one takes its place.
    """
    if not (BOOTSTRAP_DIR / "metrics.json").is_file():
        return None
    version = json.loads((BOOTSTRAP_DIR / "metrics.json").read_text())["version"]
    model = ModelVersion.objects.filter(version=version).first()
    if model is None:
        model = model_version_register(artifact_dir=BOOTSTRAP_DIR, copy=False)
    replaced = ModelVersion.objects.filter(
        artifact_path=str(BOOTSTRAP_DIR.resolve())).exclude(pk=model.pk)
    production = ModelVersion.objects.filter(status=ModelVersion.Status.PRODUCTION).first()
    if production is None or replaced.filter(pk=production.pk).exists():
        model = model_version_promote(version=model.version)
    replaced.update(status=ModelVersion.Status.RETIRED)
    return model

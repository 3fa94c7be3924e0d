"""Artifact directories on disk: where they live and their checksum (no database here)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings

# The bootstrap model shipped in the repository; `manage.py train --bootstrap` rebuilds it.
BOOTSTRAP_DIR = Path(__file__).resolve().parent / "bootstrap_model"
BOOTSTRAP_VERSION = "lmv3-bootstrap-5"


class ArtifactError(Exception):
    """An artifact is missing, incomplete or not what the registry recorded."""


REQUIRED_FILES = ("config.json", "model.safetensors", "labels.json", "metrics.json",
                  "tokenizer_config.json")


def artifact_sha256(directory: Path) -> str:
    """One digest over every file's relative path and bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0")
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def artifact_size(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def check_artifact(directory: Path) -> None:
    """Raise :class:`ArtifactError` unless ``directory`` holds a complete artifact."""
    if not directory.is_dir():
        raise ArtifactError(f"{directory} is not a directory")
    missing = [name for name in REQUIRED_FILES if not (directory / name).is_file()]
    if missing:
        raise ArtifactError(f"{directory} lacks {', '.join(missing)}")


def resolve_path(artifact_path: str) -> Path:
    path = Path(artifact_path)
    return path if path.is_absolute() else Path(settings.BIZCARD_MODEL_ROOT) / path


_verified: dict[tuple[str, str], float] = {}


def verified_dir(artifact_path: str, sha256: str) -> Path:
    """The artifact's directory after checking its sha256 (once per process and file
    modification time: hashing 20 MB for every card would cost more than classifying)."""
    directory = resolve_path(artifact_path)
    check_artifact(directory)
    stamp = max(p.stat().st_mtime for p in directory.rglob("*") if p.is_file())
    if _verified.get((str(directory), sha256)) != stamp:
        actual = artifact_sha256(directory)
        if actual != sha256:
            raise ArtifactError(f"{directory} has sha256 {actual[:12]}…, the registry "
                                f"recorded {sha256[:12]}…: the artifact was changed")
        _verified[(str(directory), sha256)] = stamp
    return directory

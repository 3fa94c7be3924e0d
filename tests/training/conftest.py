from __future__ import annotations

from pathlib import Path

import pytest

from training.align import align_dataset
from training.synth import write_dataset

ALIGNED_CARDS = 8


@pytest.fixture(scope="session")
def aligned_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic dataset, OCR'd by the real engine and aligned (about 10 s)."""
    folder = tmp_path_factory.mktemp("aligned")
    write_dataset(folder, n=ALIGNED_CARDS, seed=3, workers=1)
    align_dataset(folder, workers=1)
    return folder

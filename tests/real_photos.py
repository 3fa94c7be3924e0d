"""The real, labelled card photos in ../shared/eval/real (ROADMAP): a smoke test set."""

from __future__ import annotations

import pytest

from tests.processes import REPO_ROOT

REAL = REPO_ROOT.parent / "shared" / "eval" / "real"

needs_real_photos = pytest.mark.skipif(
    not (REAL / "cards.jsonl").is_file(), reason=f"no labelled photos in {REAL}"
)

"""Field classifiers: label each OCR word with a BIO tag from schema.BIO_LABELS."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from bizcard.pipeline.types import Classification, Word


class FieldClassifier(Protocol):
    """Rule-based today, LayoutLMv3 tomorrow: same call, same output."""

    version: str  # recorded with every prediction

    def classify(
        self, words: Sequence[Word], *, image: np.ndarray | None = None, region: str | None = None
    ) -> Classification: ...


def get_classifier(version: str) -> FieldClassifier:
    """The classifier for a model version; unknown versions fail with the known ones listed."""
    from bizcard.pipeline.classify.regex_baseline import RegexBaselineClassifier
    from bizcard.pipeline.classify.rules import RuleClassifier

    known: dict[str, type] = {
        "rules": RuleClassifier,
        RuleClassifier.version: RuleClassifier,
        "regex-baseline": RegexBaselineClassifier,
        RegexBaselineClassifier.version: RegexBaselineClassifier,
    }
    if version not in known:
        from bizcard.pipeline.errors import PipelineError

        raise PipelineError(
            f"Unknown model version {version!r}; available: {', '.join(sorted(known))}",
            code="unknown_model",
        )
    return known[version]()

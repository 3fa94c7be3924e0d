"""Field classifiers: label each OCR word with a BIO tag from schema.BIO_LABELS."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from bizcard.pipeline.errors import PipelineError
from bizcard.pipeline.types import Classification, Word

# Classifiers that need no artifact: names, with their versions, that select them.
RULE_VERSIONS: frozenset[str] = frozenset({"rules", "rules-1", "regex-baseline",
                                           "regex-baseline-1"})


class FieldClassifier(Protocol):
    """Rules or a trained LayoutLMv3 model: same call, same output."""

    version: str  # recorded with every prediction

    def classify(
        self, words: Sequence[Word], *, image: np.ndarray | None = None, region: str | None = None
    ) -> Classification: ...


def get_classifier(version: str, model_dir: str | None = None) -> FieldClassifier:
    """The classifier for a version: a trained model when ``model_dir`` (its artifact) is
    given, else a rule classifier; unknown versions fail with the known ones listed."""
    if model_dir is not None:
        from bizcard.pipeline.classify.layoutlm import load_classifier

        return load_classifier(model_dir, version)
    from bizcard.pipeline.classify.regex_baseline import RegexBaselineClassifier
    from bizcard.pipeline.classify.rules import RuleClassifier

    known: dict[str, type] = {
        "rules": RuleClassifier,
        RuleClassifier.version: RuleClassifier,
        "regex-baseline": RegexBaselineClassifier,
        RegexBaselineClassifier.version: RegexBaselineClassifier,
    }
    if version not in known:
        raise PipelineError(
            f"Unknown model version {version!r}; available: {', '.join(sorted(known))}",
            code="unknown_model",
        )
    return known[version]()

"""The flow BizCard replaces: OCR text plus regular expressions, kept to measure against.

E-mails, web addresses and phone-like digit runs by regex; a line saying "fax" makes its
numbers fax; the first line of two or three letter-only words is the name. Nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from bizcard.pipeline import patterns
from bizcard.pipeline.layout import segments
from bizcard.pipeline.schema import OUTSIDE
from bizcard.pipeline.types import Classification, Word

VERSION = "regex-baseline-1"
NAME_LINE = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){1,2}$", re.UNICODE)


class RegexBaselineClassifier:
    version = VERSION

    def classify(
        self, words: Sequence[Word], *, image: np.ndarray | None = None, region: str | None = None
    ) -> Classification:
        labels = [OUTSIDE] * len(words)
        name_found = False
        for segment in segments(words):
            text = segment.text
            is_fax = "fax" in text.lower()
            for n, word in enumerate(segment.words):
                i = segment.word_ids[n]
                if patterns.EMAIL.search(word.text):
                    labels[i] = "B-EMAIL"
                elif patterns.URL.fullmatch(word.text.strip()):
                    labels[i] = "B-WEBSITE"
            for start, end in patterns.find_phones(text):
                position, first = 0, True
                for n, word in enumerate(segment.words):
                    if position < end and position + len(word.text) > start:
                        entity = "FAX" if is_fax else "PHONE"
                        labels[segment.word_ids[n]] = f"{'B' if first else 'I'}-{entity}"
                        first = False
                    position += len(word.text) + 1
            if not name_found and NAME_LINE.match(text):
                for n, i in enumerate(segment.word_ids):
                    labels[i] = f"{'B' if n == 0 else 'I'}-NAME"
                name_found = True
        return Classification(labels, [0.5] * len(words))

"""The LayoutLMv3 token classifier: OCR words and their boxes in, BIO labels out.

An artifact is a directory (ROADMAP "Model artifacts") that transformers loads offline:
``config.json``, ``model.safetensors``, the tokenizer files, ``labels.json``,
``metrics.json`` and ``MODEL_CARD.md``. Training (``training.trainer``) and inference share
the box scaling, the reading order and the rule hints, so the model sees at inference what
it was trained on.

Words arrive upright (``layout.upright_words``) and are fed in reading order, so the answer
does not depend on the order the OCR engine returned them in. Each word also carries the
rule classifier's guess as its token type (``rule_hints``): the lexicons of job titles,
legal forms and street words come for free, and the model learns from the layout when
the rules are wrong. A model whose config has a single token type (a foreign base
checkpoint) is fed no hints. Values whose shape is certain (an e-mail address, a URL, a
phone number that parses) are labelled by the rules' patterns and override the model: the
model decides everything else, including whether a number is a phone or a fax, and may
leave a number it is sure is no phone outside (a registration number). Its labels are then
made consistent: the words of a line with no punctuation between them form one value, and
card-level fixes (``consistency.py``) apply as they do for the rules. A card largely in a
script the model never saw in training (its ``metrics.json`` lists the scripts) goes to the
rule classifier instead.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bizcard.pipeline.classify.consistency import TOWN, card_consistent, postcode_line
from bizcard.pipeline.errors import PipelineError
from bizcard.pipeline.layout import bio_repair, reading_order, reading_order_lines, segments
from bizcard.pipeline.ocr import detect_script
from bizcard.pipeline.regions import region_hints
from bizcard.pipeline.schema import (
    BIO_LABELS,
    CONTACT_ENTITIES,
    ENTITIES,
    NUMBER_ENTITIES,
    OUTSIDE,
    entity_of,
)
from bizcard.pipeline.types import Classification, Word

COORDINATE_RANGE = 1000  # LayoutLM boxes are integers in 0..1000
MAX_TOKENS = 512  # the position embeddings' reach (514 minus RoBERTa's offset of 2)
LABELS_FILE = "labels.json"
METRICS_FILE = "metrics.json"
# Rule labels at or above this score come from an unambiguous pattern (rules.py: e-mail
# 0.97, website 0.93, parsed phone 0.92) and override the model.
CERTAIN_PATTERN_SCORE = 0.9
DIGIT = re.compile(r"\d")
# Token types: 0 for words the rules leave outside, 1 + the entity's index otherwise.
HINT_TYPES = 1 + len(ENTITIES)
# A word the model leaves outside beside a value's word joins it at this much probability
# (0.1 and 0.25 tried on three held-out sets: 0.1 scored as well or better on each).
MIN_JOINING_PROBABILITY = 0.1
LETTER_OR_DIGIT = re.compile(r"\w")
# Lone punctuation that separates two values printed on one line.
RUN_BREAKS = frozenset({"|", "/", "-", "–", "—", "·", "•"})
# A number the model leaves outside with this much probability is no phone, whatever its
# shape ("KvK 41420508"): right on all 13 such numbers of 200 held-out cards, measured
# before the rules learned registration labels.
NOT_A_NUMBER_PROBABILITY = 0.9
# Below this the model sees neither a phone nor a fax in a number, and the rules' label
# (a fax label before it, or none) decides.
MIN_NUMBER_KIND_PROBABILITY = 0.1
ONLINE_ENTITIES = frozenset({"EMAIL", "WEBSITE"})
# What every e-mail or web address has in at least one of its words.
ONLINE_MARK = re.compile(r"[@./:]|^www", re.IGNORECASE)


@dataclass
class Encoding:
    """Model inputs for one card: token ids and boxes, and which word each token starts."""

    input_ids: list[int]
    bbox: list[list[int]]
    token_type_ids: list[int]
    word_of_token: list[int | None]  # the word a token belongs to; None for <s> and </s>
    first_token: list[bool]  # whether the token is its word's first (carries the label)
    order: list[int]  # word indices in the order they were fed


def normalized_boxes(words: Sequence[Word]) -> list[list[int]]:
    """Axis-aligned word boxes in 0..1000 (see :func:`scale_boxes`)."""
    return scale_boxes(np.array([w.box for w in words], dtype=np.float64).reshape(-1, 4))


def scale_boxes(boxes: np.ndarray) -> list[list[int]]:
    """``(x0, y0, x1, y1)`` rows scaled into 0..1000 by their own extent, keeping the aspect
    ratio: card size, resolution and margins do not matter, relative sizes do."""
    if not len(boxes):
        return []
    left, top = boxes[:, 0].min(), boxes[:, 1].min()
    span = max(boxes[:, 2].max() - left, boxes[:, 3].max() - top, 1.0)
    scaled = (boxes - [left, top, left, top]) * (COORDINATE_RANGE / span)
    scaled = np.clip(np.round(scaled), 0, COORDINATE_RANGE).astype(int)
    scaled[:, 2] = np.maximum(scaled[:, 2], scaled[:, 0])
    scaled[:, 3] = np.maximum(scaled[:, 3], scaled[:, 1])
    return scaled.tolist()


def rule_hints(labels: Sequence[str]) -> list[int]:
    """Token type ids from the rule classifier's labels (see ``HINT_TYPES``)."""
    return [0 if entity_of(label) is None else 1 + ENTITIES.index(entity_of(label))
            for label in labels]


def encode(tokenizer, words: Sequence[Word], *, hints: Sequence[int] | None = None,
           max_tokens: int = MAX_TOKENS) -> list[Encoding]:
    """Tokenize upright ``words`` in reading order into windows of at most ``max_tokens``
    tokens; a word is never split between windows. ``hints``: a token type per word (0 for
    all when not given)."""
    order = reading_order(words)
    boxes = normalized_boxes(words)
    hints = list(hints) if hints is not None else [0] * len(words)
    # The byte-level pre-tokenizer puts the space before each word, as inside a line.
    pieces = [e.ids for e in tokenizer.backend_tokenizer.encode_batch(
        [words[i].text for i in order], add_special_tokens=False)]
    windows: list[Encoding] = []
    current = _open_window(tokenizer)
    for position, word_index in enumerate(order):
        ids = pieces[position][: max_tokens - 2] or [tokenizer.unk_token_id]
        if len(current.input_ids) + len(ids) + 1 > max_tokens:
            windows.append(_close_window(tokenizer, current))
            current = _open_window(tokenizer)
        current.order.append(word_index)
        for n, token in enumerate(ids):
            current.input_ids.append(token)
            current.bbox.append(list(boxes[word_index]))
            current.token_type_ids.append(hints[word_index])
            current.word_of_token.append(word_index)
            current.first_token.append(n == 0)
    if current.order or not windows:
        windows.append(_close_window(tokenizer, current))
    return windows


def _open_window(tokenizer) -> Encoding:
    return Encoding([tokenizer.cls_token_id], [[0, 0, 0, 0]], [0], [None], [False], [])


def _close_window(tokenizer, encoding: Encoding) -> Encoding:
    encoding.input_ids.append(tokenizer.sep_token_id)
    encoding.bbox.append([0, 0, 0, 0])
    encoding.token_type_ids.append(0)
    encoding.word_of_token.append(None)
    encoding.first_token.append(False)
    return encoding


class LayoutLMv3Classifier:
    """A trained artifact behind the classifier interface (``version`` from its metrics)."""

    def __init__(self, model_dir: Path, *, version: str, threads: int = 2) -> None:
        import torch
        from transformers import LayoutLMv3ForTokenClassification, LayoutLMv3Tokenizer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # no "Loading weights" bar per worker
        self.version = version
        self.model_dir = Path(model_dir)
        labels = json.loads((self.model_dir / LABELS_FILE).read_text())["labels"]
        unknown = sorted(set(labels) - set(BIO_LABELS))
        if unknown:
            raise PipelineError(f"Model {version} predicts unknown labels {unknown}",
                                code="bad_model")
        self.labels = labels
        metrics = json.loads((self.model_dir / METRICS_FILE).read_text())
        self.scripts = frozenset(metrics.get("scripts", ["latin", "cyrillic"]))
        self._torch = torch
        self._threads = threads
        self.tokenizer = LayoutLMv3Tokenizer.from_pretrained(self.model_dir)
        self.model = LayoutLMv3ForTokenClassification.from_pretrained(self.model_dir)
        self.model.eval()
        self.uses_hints = self.model.config.type_vocab_size == HINT_TYPES
        # One forward pass at a time: torch shares its intra-op pool between threads anyway.
        self._lock = threading.Lock()

    def classify(
        self, words: Sequence[Word], *, image: np.ndarray | None = None, region: str | None = None
    ) -> Classification:
        from bizcard.pipeline.classify.rules import RuleClassifier

        rules = RuleClassifier().classify(words, image=image, region=region)
        if self._unfamiliar_script(words):
            return rules
        probabilities = _email_and_website_only_where_marked(
            words, self.word_probabilities(words, rules.labels), self.labels, rules.labels)
        labels = [self.labels[int(p.argmax())] for p in probabilities]
        scores = [float(p.max()) for p in probabilities]
        labels = _outside_words_joined(words, labels, probabilities, self.labels)
        labels = _one_entity_per_run(words, labels, probabilities, self.labels)
        labels = _complete_segments(words, labels, rules)
        labels, scores = _with_certain_patterns(words, labels, scores, probabilities,
                                                self.labels, rules)
        labels = card_consistent(
            words, labels, region_hints((w.text for w in words), default=region or "US"))
        labels = bio_repair(words, labels)
        return Classification(_without_stray_addresses(words, labels), scores)

    def _unfamiliar_script(self, words: Sequence[Word]) -> bool:
        """Whether a quarter or more of the words are in a script no training card had
        (counted by word: a Latin e-mail address does not make a Chinese card Latin)."""
        scripts = [detect_script([w.text]) for w in words]
        foreign = sum(s not in self.scripts and s != "unknown" for s in scripts)
        return foreign * 4 >= len(words) > 0

    def word_probabilities(self, words: Sequence[Word],
                           rule_labels: Sequence[str]) -> list[np.ndarray]:
        """Per word, the model's probability of every label (from its first token)."""
        torch = self._torch
        result: list[np.ndarray] = [np.eye(len(self.labels))[0] for _ in words]
        if not words:
            return result
        hints = rule_hints(rule_labels) if self.uses_hints else None
        with self._lock:
            torch.set_num_threads(self._threads)
            for window in encode(self.tokenizer, words, hints=hints):
                with torch.inference_mode():
                    logits = self.model(
                        input_ids=torch.tensor([window.input_ids]),
                        bbox=torch.tensor([window.bbox]),
                        token_type_ids=torch.tensor([window.token_type_ids]),
                        attention_mask=torch.ones(1, len(window.input_ids), dtype=torch.long),
                    ).logits[0]
                probabilities = torch.softmax(logits.float(), dim=-1).numpy()
                for token, word in enumerate(window.word_of_token):
                    if word is not None and window.first_token[token]:
                        result[word] = probabilities[token]
        return result


def _email_and_website_only_where_marked(
        words: Sequence[Word], probabilities: list[np.ndarray], label_names: Sequence[str],
        rule_labels: Sequence[str]) -> list[np.ndarray]:
    """No e-mail or web address for a word with none of their marks (no "@", ".", "/",
    ":" or "www") that the rules do not read as part of one: "humanos" in "Recursos
    humanos" is no e-mail, however lower-case: the word's labels are the others', in the
    shares the model gives them."""
    columns = [n for n, name in enumerate(label_names) if entity_of(name) in ONLINE_ENTITIES]
    result = []
    for word, rule_label, p in zip(words, rule_labels, probabilities, strict=True):
        if not ONLINE_MARK.search(word.text) and entity_of(rule_label) not in ONLINE_ENTITIES:
            p = p.copy()
            p[columns] = 0.0
            p /= max(float(p.sum()), 1e-9)
        result.append(p)
    return result


def _with_certain_patterns(words: Sequence[Word], labels: list[str], scores: list[float],
                           probabilities: Sequence[np.ndarray], label_names: Sequence[str],
                           rules: Classification) -> tuple[list[str], list[float]]:
    """Rule labels for e-mails, URLs and parsed phone numbers replace the model's, one whole
    value at a time. For a number the model has its say: whether it is a phone or a fax
    (its probabilities summed over the number's words), and whether it is a number at all
    (a registration number in the small print, which the model confidently leaves out)."""
    labels, scores = list(labels), list(scores)
    column = {name: n for n, name in enumerate(label_names)}
    for ids in _rule_values(words, rules.labels):
        rule_label, rule_score = rules.labels[ids[0]], min(rules.scores[i] for i in ids)
        rule_entity = entity_of(rule_label)
        if rule_entity not in CONTACT_ENTITIES or rule_score < CERTAIN_PATTERN_SCORE:
            continue
        if rule_entity in NUMBER_ENTITIES:
            def share(*names: str, ids: list[int] = ids) -> float:
                return float(np.mean([sum(probabilities[i][column[name]] for name in names)
                                      for i in ids]))

            outside = share(OUTSIDE)
            if outside >= NOT_A_NUMBER_PROBABILITY:
                for i in ids:
                    labels[i], scores[i] = OUTSIDE, outside
                continue
            phone, fax = share("B-PHONE", "I-PHONE"), share("B-FAX", "I-FAX")
            if phone + fax >= MIN_NUMBER_KIND_PROBABILITY:
                rule_entity = "FAX" if fax > phone else "PHONE"
        for n, i in enumerate(ids):
            model_entity = entity_of(labels[i])
            labels[i] = f"{'B' if n == 0 else 'I'}-{rule_entity}"
            scores[i] = max(scores[i], rule_score) if model_entity == rule_entity else rule_score
    return labels, scores


def _rule_values(words: Sequence[Word], rule_labels: Sequence[str]) -> list[list[int]]:
    """The words of each value the rules labelled, a B- word and the I- words after it, in
    reading order."""
    values: list[list[int]] = []
    for i in reading_order(words):
        label = rule_labels[i]
        if label.startswith("B-"):
            values.append([i])
        elif label.startswith("I-") and values and entity_of(rule_labels[values[-1][0]]) \
                == entity_of(label):
            values[-1].append(i)
    return values


def _one_entity_per_run(words: Sequence[Word], labels: list[str],
                        probabilities: Sequence[np.ndarray],
                        label_names: Sequence[str]) -> list[str]:
    """Words of a line with no punctuation between them are one value: where the model
    gives such a run two text entities ("Benjamin" a name, "Chrétien" a company), the run
    takes the entity its words' probabilities favour together. A comma, a colon or a lone
    dash or bar ends a run ("Jane Doe, CEO"); contact items are left as they are."""
    labels = list(labels)
    column = {name: n for n, name in enumerate(label_names)}
    for run in _text_runs(words, labels):
        entities = {entity_of(labels[i]) for i in run}
        if len(entities) < 2:
            continue
        best = max(entities, key=lambda e: sum(
            probabilities[i][column[f"B-{e}"]] + probabilities[i][column[f"I-{e}"]]
            for i in run))
        first = labels[run[0]]
        labels[run[0]] = first if entity_of(first) == best else f"B-{best}"
        for i in run[1:]:
            labels[i] = f"I-{best}"
    return labels


def _outside_words_joined(words: Sequence[Word], labels: list[str],
                          probabilities: Sequence[np.ndarray],
                          label_names: Sequence[str]) -> list[str]:
    """A word the model left outside, right beside a word of a name, title, company or
    address on its line with no punctuation between them, joins that value when the model
    gives it some probability of belonging there ("Kordorfin [Foods] Corp.", "[Omvor]
    Stavby s.r.o."): a value's words rarely stop mid-line."""
    labels = list(labels)
    column = {name: n for n, name in enumerate(label_names)}
    for line in reading_order_lines(words):
        changed = True
        while changed:
            changed = False
            for position, i in enumerate(line):
                if labels[i] != OUTSIDE or not LETTER_OR_DIGIT.search(words[i].text):
                    continue
                for beside in (position - 1, position + 1):
                    if not 0 <= beside < len(line):
                        continue
                    j = line[beside]
                    entity = entity_of(labels[j])
                    first = words[min(i, j, key=line.index)].text
                    if entity is None or entity in CONTACT_ENTITIES or first.endswith(
                            (",", ";", ":")):
                        continue
                    share = probabilities[i][column[f"B-{entity}"]] + \
                        probabilities[i][column[f"I-{entity}"]]
                    if share >= MIN_JOINING_PROBABILITY:
                        before = beside < position
                        labels[i] = f"I-{entity}" if before else labels[j][:2] + entity
                        if not before:
                            labels[j] = f"I-{entity}"
                        changed = True
                        break
    return labels


def _text_runs(words: Sequence[Word], labels: Sequence[str]) -> list[list[int]]:
    """Runs of words on one line, each labelled with a text entity (not a contact item, not
    outside), with no punctuation ending a word inside the run."""
    runs: list[list[int]] = []
    for line in reading_order_lines(words):
        current: list[int] = []
        for i in line:
            entity = entity_of(labels[i])
            text = words[i].text
            if entity is None or entity in CONTACT_ENTITIES or text in RUN_BREAKS:
                runs.append(current)
                current = []
                continue
            current.append(i)
            if text.endswith((",", ";", ":")):
                runs.append(current)
                current = []
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def _complete_segments(words: Sequence[Word], labels: list[str],
                       rules: Classification) -> list[str]:
    """A number the model left outside at the end of a segment that it otherwise gives to
    one text entity joins that entity when the rules put it there too (the ZIP code
    after "Redmond, WA")."""
    completed = list(labels)
    for segment in segments(words):
        ids = segment.word_ids
        if len(ids) < 3 or labels[ids[-1]] != OUTSIDE or not DIGIT.search(words[ids[-1]].text):
            continue
        entity = entity_of(labels[ids[-2]])
        if (entity is not None and entity not in CONTACT_ENTITIES
                and entity_of(rules.labels[ids[-1]]) == entity):
            completed[ids[-1]] = f"I-{entity}"
    return completed


def _without_stray_addresses(words: Sequence[Word], labels: list[str]) -> list[str]:
    """One-word address values beside a longer one are dropped (an icon read as "A", a
    "CEL." prefix): the validator joins every address value into the one address, and the
    model continues a real address across lines with I- rather than starting another. A
    postcode ("UB375UW"), or a town on the address's line after a separator ("1469 IS |
    Bovenkarspel"), is kept."""
    instances: list[list[int]] = []
    for i in reading_order(words):
        if labels[i] == "B-ADDRESS":
            instances.append([i])
        elif labels[i] == "I-ADDRESS" and instances:
            instances[-1].append(i)
    if len(instances) < 2 or max(len(ids) for ids in instances) < 2:
        return labels
    address_lines = {words[i].line for ids in instances if len(ids) > 1 for i in ids}
    kept = list(labels)
    for ids in instances:
        word = words[ids[0]]
        if len(ids) == 1 and not postcode_line(word.text) and not (
                word.line in address_lines and TOWN.match(word.text)):
            kept[ids[0]] = OUTSIDE
    return kept


@lru_cache(maxsize=4)
def load_classifier(model_dir: str, version: str) -> LayoutLMv3Classifier:
    """One loaded model per artifact directory and process."""
    if not Path(model_dir).is_dir():
        raise PipelineError(f"Model {version}: no artifact at {model_dir}", code="unknown_model")
    return LayoutLMv3Classifier(Path(model_dir), version=version)



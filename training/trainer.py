"""Training the LayoutLMv3 field classifier: from scratch on synthetic cards (the bootstrap
model) or from a parent version on new examples (corrections). Plain Python: the
``train`` command, Celery jobs and notebooks call :func:`train_model` alike.

The model reads text, boxes and the rule classifier's label of each word (as its token
type; some are hidden in training so the model never leans on them blindly). The image
branch is left out: it costs ~3.5x the latency (about 56 ms instead of 16 ms per card on 2
cores in a trial) for cues the boxes already carry on cards.

Augmentation is what lets a model trained on our renderer read other cards: every epoch
each card's words are turned by a few degrees and stretched before their boxes are taken
(residual skew after deskewing, other aspect ratios), and some cards are fed in random
word order so that the model leans on the boxes, not on the order of the words.
"""

from __future__ import annotations

import json
import math
import platform
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from bizcard.pipeline.assemble import raw_values
from bizcard.pipeline.classify.layoutlm import (
    HINT_TYPES,
    LABELS_FILE,
    METRICS_FILE,
    rule_hints,
    scale_boxes,
)
from bizcard.pipeline.classify.rules import RuleClassifier
from bizcard.pipeline.evaluation import (
    DatasetCard,
    EvaluationReport,
    Prediction,
    evaluate,
    region_of_locale,
)
from bizcard.pipeline.layout import reading_order, upright_words
from bizcard.pipeline.regions import region_hints
from bizcard.pipeline.schema import BIO_LABELS
from bizcard.pipeline.validate import validate
from training.align import AlignedCard

# What the synthetic cards are written in; other scripts are left to the rules.
TRAINED_SCRIPTS = frozenset({"latin", "cyrillic"})
IGNORE = -100  # label of tokens that carry none (later pieces of a word, <s>, </s>)
MODEL_CARD = "MODEL_CARD.md"


@dataclass(frozen=True)
class TrainConfig:
    seed: int = 0
    epochs: int = 16
    batch_size: int = 16
    learning_rate: float = 5e-4
    weight_decay: float = 0.01
    warmup_share: float = 0.06
    threads: int = 2
    # Architecture (from scratch only; a parent brings its own).
    vocab_size: int = 8000
    hidden_size: int = 256
    layers: int = 4
    heads: int = 4
    intermediate_size: int = 1024
    # Augmentation.
    max_turn_degrees: float = 4.0
    max_stretch: float = 0.15
    shuffled_share: float = 0.2
    hint_dropout: float = 0.15  # share of words fed without their rule hint


@dataclass
class TrainResult:
    out_dir: Path
    version: str
    metrics: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Example:
    pieces: list[list[int]]  # token ids per word
    quads: np.ndarray  # (words, 4, 2) upright quads
    order: list[int]  # reading order
    labels: list[int]  # label id per word
    hints: list[int]  # the rule classifier's guess per word, as a token type


def model_config(config: TrainConfig, vocab_size: int):
    """A small LayoutLMv3 without the visual branch (~5.5 M parameters at 256 x 4)."""
    from transformers import LayoutLMv3Config

    # 4 * coordinate_size + 2 * shape_size must equal hidden_size.
    shape_size = config.hidden_size // 6 + (config.hidden_size // 6) % 2
    coordinate_size = (config.hidden_size - 2 * shape_size) // 4
    shape_size = (config.hidden_size - 4 * coordinate_size) // 2
    return LayoutLMv3Config(
        vocab_size=vocab_size,
        hidden_size=config.hidden_size,
        num_hidden_layers=config.layers,
        num_attention_heads=config.heads,
        intermediate_size=config.intermediate_size,
        coordinate_size=coordinate_size,
        shape_size=shape_size,
        visual_embed=False,
        type_vocab_size=HINT_TYPES,
        max_position_embeddings=514,
        num_labels=len(BIO_LABELS),
        id2label=dict(enumerate(BIO_LABELS)),
        label2id={label: i for i, label in enumerate(BIO_LABELS)},
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
    )


def train_model(
    train: Sequence[AlignedCard],
    out_dir: Path,
    *,
    version: str,
    config: TrainConfig = TrainConfig(),
    dev: Sequence[AlignedCard] = (),
    parent_dir: Path | None = None,
    parent_version: str | None = None,
    tokenizer_texts: Sequence[str] = (),
    data_description: str = "",
    progress: bool = True,
    on_step: Callable[[int, int, float], None] | None = None,
) -> TrainResult:
    """Train, score on ``dev`` and write a self-describing artifact into ``out_dir``.

    From scratch a tokenizer is trained first (on ``tokenizer_texts`` plus the training
    words); from ``parent_dir`` (a registered version, or any LayoutLMv3 checkpoint with
    its tokenizer) its tokenizer and weights are the start. ``on_step(step,
    total, loss)`` reports progress to a caller (a job's status row).
    """
    import torch
    from transformers import LayoutLMv3ForTokenClassification, LayoutLMv3Tokenizer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    if not train:
        raise ValueError("No training examples")
    started = time.monotonic()
    _seed_everything(config.seed, torch)
    torch.set_num_threads(config.threads)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    if parent_dir is not None:
        tokenizer = LayoutLMv3Tokenizer.from_pretrained(parent_dir)
        model = _start_from(parent_dir, LayoutLMv3ForTokenClassification)
        tokenizer.save_pretrained(out_dir)
    else:
        from training.tokenizer import train_tokenizer

        words = (" ".join(w.text for w in card.words) for card in train)
        tokenizer = train_tokenizer([*tokenizer_texts, *words], out_dir,
                                    vocab_size=config.vocab_size)
        model = LayoutLMv3ForTokenClassification(model_config(config, len(tokenizer)))
    uses_hints = model.config.type_vocab_size == HINT_TYPES
    examples = [_example(card, tokenizer, uses_hints) for card in train]
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total_steps = steps_per_epoch * config.epochs
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.learning_rate,
                                  weight_decay=config.weight_decay)
    warmup = max(1, int(total_steps * config.warmup_share))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup,
                                    max(0.0, (total_steps - step) / max(1, total_steps - warmup))))
    rng = random.Random(config.seed)
    model.train()
    bar = _progress_bar(total_steps, progress)
    step, recent_loss = 0, []
    for _epoch in range(config.epochs):
        order = list(range(len(examples)))
        rng.shuffle(order)
        for start in range(0, len(order), config.batch_size):
            batch = [_augmented(examples[i], tokenizer, config, rng)
                     for i in order[start:start + config.batch_size]]
            inputs = _collate(batch, tokenizer.pad_token_id, torch)
            loss = model(**inputs).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            recent_loss = [*recent_loss[-49:], float(loss.detach())]
            mean_loss = sum(recent_loss) / len(recent_loss)
            bar.update(1)
            bar.set_postfix(loss=f"{mean_loss:.3f}")
            if on_step:
                on_step(step, total_steps, mean_loss)
    bar.close()
    model.eval()
    training_seconds = time.monotonic() - started
    model.save_pretrained(out_dir)
    (out_dir / LABELS_FILE).write_text(json.dumps({"labels": list(BIO_LABELS)}, indent=1))
    metrics = {
        "version": version,
        "parent": parent_version,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": data_description,
        "scripts": sorted(TRAINED_SCRIPTS),
        "train_cards": len(train),
        "dev_cards": len(dev),
        "config": asdict(config),
        "parameters": sum(p.numel() for p in model.parameters()),
        "training_seconds": round(training_seconds, 1),
        "final_loss": round(sum(recent_loss) / max(1, len(recent_loss)), 4),
        "machine": f"{platform.machine()}, {torch.get_num_threads()} threads, "
                   f"torch {torch.__version__}",
    }
    (out_dir / METRICS_FILE).write_text(json.dumps(metrics, indent=1, ensure_ascii=False))
    if dev:
        from bizcard.pipeline.classify.layoutlm import LayoutLMv3Classifier

        for key, classifier in (("dev", LayoutLMv3Classifier(out_dir, version=version)),
                                ("dev_rules", RuleClassifier())):
            report = score_aligned(classifier, dev)
            metrics[key] = {"micro_f1": round(report.micro.f1, 4),
                            "cards_all_right": round(report.cards_all_right, 4),
                            "fields": {name: round(score.f1, 4)
                                       for name, score in report.fields.items()}}
    (out_dir / METRICS_FILE).write_text(json.dumps(metrics, indent=1, ensure_ascii=False))
    write_model_card(out_dir, metrics)
    return TrainResult(out_dir, version, metrics)


def score_aligned(classifier, cards: Sequence[AlignedCard]) -> EvaluationReport:
    """Field scores of a classifier on already-OCR'd cards: the pipeline after OCR, with
    each card's phone region from its locale as ``evaluate`` does."""
    predictions, dataset = [], []
    for card in cards:
        upright, _ = upright_words(card.words, card.size)
        regions = region_hints((w.text for w in upright),
                               default=region_of_locale(card.locale) or "US")
        started = time.perf_counter()
        classification = classifier.classify(upright, region=regions[0])
        fields, _ = validate(raw_values(upright, classification), regions=regions)
        predictions.append(Prediction(fields, (time.perf_counter() - started) * 1000))
        dataset.append(DatasetCard(Path(card.image), card.fields, card.locale))
    return evaluate(dataset, predictions)


def write_model_card(out_dir: Path, metrics: dict) -> None:
    """MODEL_CARD.md: what the model is, what it learned from and how it scores."""
    dev, rules = metrics.get("dev", {}), metrics.get("dev_rules", {})
    field_rows = "\n".join(
        f"| {name} | {f1:.3f} | {rules.get('fields', {}).get(name, float('nan')):.3f} |"
        for name, f1 in dev.get("fields", {}).items())
    config = metrics["config"]
    text = f"""# BizCard field classifier {metrics['version']}

LayoutLMv3 token classifier, trained by BizCard. Inputs: each OCR word's text, its box, and
the rule classifier's label for it as the token type; no image branch.
{config['layers']} layers, hidden size {config['hidden_size']}, {config['heads']} heads,
{metrics['parameters'] / 1e6:.1f} M parameters; byte-level BPE tokenizer trained offline.

- Created: {metrics['created']}
- Parent version: {metrics['parent'] or 'none (trained from scratch)'}
- Data: {metrics['data'] or 'not described'} ({metrics['train_cards']} training cards)
- Training: {metrics['training_seconds']:.0f} s on {metrics['machine']}, {config['epochs']}
  epochs, batch {config['batch_size']}, learning rate {config['learning_rate']}, seed
  {config['seed']}; final loss {metrics['final_loss']}

## Where the model decides and where the rules do

Cards in {', '.join(metrics['scripts'])} script go to the model; others (CJK, for one) to
the rule classifier, since no training card was written in them.

The model labels every word. Values whose shape is certain override it: e-mail addresses,
web addresses and phone numbers that parse are labelled by the rule patterns
(`bizcard/pipeline/patterns.py`). Whether such a number is a phone or a fax, and
everything without a certain shape (name, position, department, company, address), is the
model's call. The validator then normalises phones, e-mails and URLs and checks names.

## Scores on held-out cards ({metrics['dev_cards']} cards, after OCR)

Micro F1 {dev.get('micro_f1', 'n/a')} (the rule classifier on the same cards:
{rules.get('micro_f1', 'n/a')}); cards with every field right {dev.get('cards_all_right',
'n/a')} (rules: {rules.get('cards_all_right', 'n/a')}).

| field | model F1 | rules F1 |
|---|---|---|
{field_rows}
"""
    (out_dir / MODEL_CARD).write_text(text, encoding="utf-8")


def _start_from(parent_dir: Path, model_class):
    """A parent's weights: one of ours (same labels), or any LayoutLMv3 checkpoint (a base
    model without our labels), which gets a new classification head."""
    if (parent_dir / LABELS_FILE).is_file():
        labels = json.loads((parent_dir / LABELS_FILE).read_text())["labels"]
        if labels != list(BIO_LABELS):
            raise ValueError(f"{parent_dir} predicts {labels}, not this schema's labels")
        return model_class.from_pretrained(parent_dir)
    return model_class.from_pretrained(
        parent_dir, num_labels=len(BIO_LABELS), id2label=dict(enumerate(BIO_LABELS)),
        label2id={label: i for i, label in enumerate(BIO_LABELS)},
        ignore_mismatched_sizes=True)


def _seed_everything(seed: int, torch) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _example(card: AlignedCard, tokenizer, uses_hints: bool) -> _Example:
    upright, _ = upright_words(card.words, card.size)
    label_ids = {label: i for i, label in enumerate(BIO_LABELS)}
    pieces = [e.ids or [tokenizer.unk_token_id] for e in tokenizer.backend_tokenizer.encode_batch(
        [w.text for w in upright], add_special_tokens=False)]
    quads = np.array([w.quad for w in upright], dtype=np.float64).reshape(-1, 4, 2)
    if uses_hints:
        region = region_hints((w.text for w in upright), default="US")[0]
        hints = rule_hints(RuleClassifier().classify(upright, region=region).labels)
    else:
        hints = [0] * len(upright)
    return _Example(pieces, quads, reading_order(upright),
                    [label_ids[label] for label in card.labels], hints)


def _augmented(example: _Example, tokenizer, config: TrainConfig, rng: random.Random
               ) -> tuple[list[int], list[list[int]], list[int], list[int]]:
    """Token ids, boxes, token types and labels of one example: turned, stretched, some
    hints hidden, maybe shuffled."""
    quads = example.quads
    if len(quads):
        angle = math.radians(rng.uniform(-config.max_turn_degrees, config.max_turn_degrees))
        stretch = 1 + rng.uniform(-config.max_stretch, config.max_stretch)
        turn = np.array([[math.cos(angle), -math.sin(angle)],
                         [math.sin(angle), math.cos(angle)]])
        quads = (quads @ turn.T) * [stretch, 1.0]
        boxes = scale_boxes(np.concatenate([quads.min(axis=1), quads.max(axis=1)], axis=1))
    else:
        boxes = []
    order = list(example.order)
    if rng.random() < config.shuffled_share:
        rng.shuffle(order)
    input_ids, bbox, types, labels = [tokenizer.cls_token_id], [[0, 0, 0, 0]], [0], [IGNORE]
    for i in order:
        ids = example.pieces[i]
        if len(input_ids) + len(ids) >= 511:
            break
        hint = 0 if rng.random() < config.hint_dropout else example.hints[i]
        input_ids.extend(ids)
        bbox.extend([boxes[i]] * len(ids))
        types.extend([hint] * len(ids))
        labels.extend([example.labels[i]] + [IGNORE] * (len(ids) - 1))
    input_ids.append(tokenizer.sep_token_id)
    bbox.append([0, 0, 0, 0])
    types.append(0)
    labels.append(IGNORE)
    return input_ids, bbox, types, labels


def _collate(batch, pad_id: int, torch) -> dict:
    length = max(len(ids) for ids, _, _, _ in batch)
    input_ids = torch.full((len(batch), length), pad_id, dtype=torch.long)
    bbox = torch.zeros((len(batch), length, 4), dtype=torch.long)
    token_types = torch.zeros((len(batch), length), dtype=torch.long)
    labels = torch.full((len(batch), length), IGNORE, dtype=torch.long)
    attention = torch.zeros((len(batch), length), dtype=torch.long)
    for row, (ids, boxes, types, word_labels) in enumerate(batch):
        input_ids[row, :len(ids)] = torch.tensor(ids)
        bbox[row, :len(ids)] = torch.tensor(boxes)
        token_types[row, :len(ids)] = torch.tensor(types)
        labels[row, :len(ids)] = torch.tensor(word_labels)
        attention[row, :len(ids)] = 1
    return {"input_ids": input_ids, "bbox": bbox, "token_type_ids": token_types,
            "labels": labels, "attention_mask": attention}


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, disable=not enabled, unit="step", desc="Training",
                dynamic_ncols=True)


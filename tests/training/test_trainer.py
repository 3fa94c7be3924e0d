"""Training a (tiny) LayoutLMv3 classifier end to end, from scratch and from a parent."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from bizcard.pipeline.classify.layoutlm import LayoutLMv3Classifier
from bizcard.pipeline.schema import BIO_LABELS
from training.align import load_aligned
from training.registry import REQUIRED_FILES
from training.tokenizer import card_texts
from training.trainer import TrainConfig, train_model

TINY = TrainConfig(epochs=2, batch_size=4, vocab_size=600, hidden_size=64, layers=1, heads=2,
                   intermediate_size=128)


def weights_digest(directory: Path) -> str:
    return hashlib.sha256((directory / "model.safetensors").read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def tiny_model(aligned_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    cards = load_aligned(aligned_folder)
    out = tmp_path_factory.mktemp("models") / "tiny-1"
    train_model(cards[2:], out, version="tiny-1", config=TINY, dev=cards[:2],
                tokenizer_texts=list(card_texts(1, cards_per_locale=20)), progress=False)
    return out


def test_training_writes_a_self_describing_artifact(tiny_model: Path) -> None:
    for name in (*REQUIRED_FILES, "MODEL_CARD.md", "tokenizer.json"):
        assert (tiny_model / name).is_file(), name
    metrics = json.loads((tiny_model / "metrics.json").read_text())
    assert metrics["version"] == "tiny-1" and metrics["parent"] is None
    assert metrics["train_cards"] == 6 and metrics["dev_cards"] == 2
    assert 0 <= metrics["dev"]["micro_f1"] <= 1 and set(metrics["dev"]["fields"]) >= {"emails"}
    assert json.loads((tiny_model / "labels.json").read_text())["labels"] == list(BIO_LABELS)
    card = (tiny_model / "MODEL_CARD.md").read_text()
    assert "tiny-1" in card and "Where the model decides" in card


def test_the_artifact_loads_offline_and_labels_every_word(tiny_model: Path,
                                                           aligned_folder: Path) -> None:
    classifier = LayoutLMv3Classifier(tiny_model, version="tiny-1")
    card = load_aligned(aligned_folder)[0]
    result = classifier.classify(card.words)
    assert classifier.version == "tiny-1"
    assert len(result.labels) == len(card.words)
    assert set(result.labels) <= set(BIO_LABELS)
    assert all(0 <= score <= 1 for score in result.scores)


def test_the_same_seed_trains_the_same_weights(tiny_model: Path, aligned_folder: Path,
                                               tmp_path: Path) -> None:
    cards = load_aligned(aligned_folder)
    again = tmp_path / "again"
    train_model(cards[2:], again, version="tiny-1", config=TINY, dev=cards[:2],
                tokenizer_texts=list(card_texts(1, cards_per_locale=20)), progress=False)
    assert weights_digest(again) == weights_digest(tiny_model)


def test_fine_tuning_starts_from_the_parent_and_keeps_its_tokenizer(
    tiny_model: Path, aligned_folder: Path, tmp_path: Path
) -> None:
    cards = load_aligned(aligned_folder)
    child = tmp_path / "tiny-2"
    steps: list[int] = []
    result = train_model(cards[:3], child, version="tiny-2", config=TINY, parent_dir=tiny_model,
                         parent_version="tiny-1", progress=False,
                         on_step=lambda step, total, loss: steps.append(step))
    assert result.metrics["parent"] == "tiny-1"
    assert (child / "tokenizer.json").read_bytes() == (tiny_model / "tokenizer.json").read_bytes()
    assert weights_digest(child) != weights_digest(tiny_model)
    assert steps == [1, 2]  # 3 cards, batch 4, 2 epochs


def test_any_layoutlmv3_checkpoint_can_be_the_start(tiny_model: Path, aligned_folder: Path,
                                                    tmp_path: Path) -> None:
    """A user's own base checkpoint (no labels, one token type) gets our labels' head and
    is fed no rule hints."""
    from transformers import LayoutLMv3Config, LayoutLMv3Model, LayoutLMv3Tokenizer

    base = tmp_path / "base"
    vocab_size = len(LayoutLMv3Tokenizer.from_pretrained(tiny_model))
    LayoutLMv3Model(LayoutLMv3Config(
        vocab_size=vocab_size, hidden_size=64, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=128, coordinate_size=11, shape_size=10, visual_embed=False,
    )).save_pretrained(base)
    LayoutLMv3Tokenizer.from_pretrained(tiny_model).save_pretrained(base)
    cards = load_aligned(aligned_folder)
    train_model(cards[:3], tmp_path / "from-base", version="base-1", config=TINY,
                parent_dir=base, progress=False)
    classifier = LayoutLMv3Classifier(tmp_path / "from-base", version="base-1")
    assert not classifier.uses_hints
    assert len(classifier.classify(cards[0].words).labels) == len(cards[0].words)

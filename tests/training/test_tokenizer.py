"""The offline byte-level BPE tokenizer."""

from __future__ import annotations

from pathlib import Path

from transformers import LayoutLMv3Tokenizer

from training.tokenizer import SPECIAL_TOKENS, card_texts, train_tokenizer


def test_tokenizer_trains_offline_saves_and_loads_with_its_whole_vocabulary(
    tmp_path: Path,
) -> None:
    texts = list(card_texts(1, cards_per_locale=40))
    tokenizer = train_tokenizer(texts, tmp_path, vocab_size=900)
    loaded = LayoutLMv3Tokenizer.from_pretrained(tmp_path)
    # transformers 5's vocab_file= silently gives an empty vocabulary; this one is whole.
    assert len(loaded) == len(tokenizer) > 600
    assert loaded.convert_ids_to_tokens(list(range(5))) == SPECIAL_TOKENS
    for word in ("Hauptstraße", "Генеральный", "info@example.com", "+7 495 123-45-67", "何山"):
        ids = loaded.backend_tokenizer.encode(word, add_special_tokens=False).ids
        assert ids and loaded.unk_token_id not in ids
        assert loaded.decode(ids).strip() == word


def test_the_corpus_covers_every_supported_language() -> None:
    text = " ".join(card_texts(2, cards_per_locale=15))
    assert "@" in text and any("\u0400" <= ch <= "\u04ff" for ch in text)
    assert any(ch in text for ch in "äöüßéèàñãç")

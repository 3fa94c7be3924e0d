"""A byte-level BPE tokenizer trained offline on card text in every supported language.

Byte-level BPE never meets an unknown character (any byte sequence encodes), so a card in
a script the corpus lacks still tokenizes; the corpus decides only how compactly. It is
saved as a LayoutLMv3 tokenizer beside the model and loaded with ``from_pretrained(dir)``:
transformers 5's ``vocab_file=``/``merges_file=`` build an empty vocabulary silently.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from training.synth.content import LOCALES, card_content

SPECIAL_TOKENS = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]  # RoBERTa's ids 0..4
DEFAULT_VOCAB_SIZE = 8000
CONTENT_CARDS_PER_LOCALE = 800  # x 35 locales: about the corpus 18 locales x 1500 made


def card_texts(seed: int, *, cards_per_locale: int = CONTENT_CARDS_PER_LOCALE) -> Iterator[str]:
    """Lines of generated card content (names, titles, companies, addresses, contacts,
    taglines) in every locale: the clean side of the corpus."""
    rng = random.Random(seed)
    for locale in LOCALES:
        for _ in range(cards_per_locale):
            content = card_content(rng, locale)
            yield from content.name_lines
            yield from content.address_lines
            yield from (item.prefix + " " + item.text for item in content.contacts)
            yield from (text for text in (content.position, content.department, content.company,
                                          content.tagline, content.legal) if text)


def train_tokenizer(texts: Iterable[str], out_dir: Path, *,
                    vocab_size: int = DEFAULT_VOCAB_SIZE):
    """Train on ``texts`` and save a ``LayoutLMv3Tokenizer`` into ``out_dir``; returns it
    loaded back from there, so a broken save fails here and not at inference."""
    from tokenizers import ByteLevelBPETokenizer
    from transformers import LayoutLMv3Tokenizer

    bpe = ByteLevelBPETokenizer(add_prefix_space=True)
    bpe.train_from_iterator(texts, vocab_size=vocab_size, min_frequency=2,
                            special_tokens=SPECIAL_TOKENS, show_progress=False)
    with tempfile.TemporaryDirectory() as scratch:
        bpe.save_model(scratch)
        vocab = json.loads((Path(scratch) / "vocab.json").read_text(encoding="utf-8"))
        merge_lines = (Path(scratch) / "merges.txt").read_text(encoding="utf-8").splitlines()
    merges = [tuple(line.split()) for line in merge_lines
              if line.strip() and not line.startswith("#")]
    tokenizer = LayoutLMv3Tokenizer(vocab=vocab, merges=merges, add_prefix_space=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer.save_pretrained(out_dir)
    loaded = LayoutLMv3Tokenizer.from_pretrained(out_dir)
    if len(loaded) != len(vocab):
        raise RuntimeError(f"Tokenizer saved with {len(vocab)} tokens loads with {len(loaded)}")
    return loaded

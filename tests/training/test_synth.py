"""The synthetic card generator: deterministic, labelled, in the ROADMAP dataset format."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from bizcard.pipeline.evaluation import load_dataset
from bizcard.pipeline.schema import FIELDS, entity_of, field_of
from training.synth import write_dataset

CYRILLIC = range(0x0400, 0x0500)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth")
    write_dataset(folder, n=24, seed=5)
    return folder


def records(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "cards.jsonl").read_text().splitlines()]


def test_the_same_seed_gives_the_same_dataset(dataset: Path, tmp_path: Path):
    write_dataset(tmp_path, n=24, seed=5)
    assert (tmp_path / "cards.jsonl").read_text() == (dataset / "cards.jsonl").read_text()
    def digest(path: Path) -> bytes:
        return hashlib.sha256(path.read_bytes()).digest()

    assert digest(dataset / "00001.jpg") == digest(tmp_path / "00001.jpg")


def test_records_load_as_a_dataset_with_every_schema_field(dataset: Path):
    cards = load_dataset(dataset)
    assert len(cards) == 24
    assert all(set(card.fields) == set(FIELDS) and card.locale for card in cards)


def test_every_word_box_lies_inside_its_photo(dataset: Path):
    for record in records(dataset):
        width, height = Image.open(dataset / record["image"]).size
        for word in record["words"]:
            x0, y0, x1, y1 = word["box"]
            assert 0 <= x0 <= x1 < width and 0 <= y0 <= y1 < height, (record["image"], word)


def test_labelled_words_spell_out_every_field_value(dataset: Path):
    for record in records(dataset):
        spelled: dict[str, list[list[str]]] = {}
        for word in record["words"]:
            field = field_of(word["label"])
            if field is None:
                continue
            if word["label"].startswith("B-"):
                spelled.setdefault(field, []).append([])
            spelled[field][-1].append(word["text"])
        for field, value in record["fields"].items():
            values = value if isinstance(value, list) else ([value] if value else [])
            printed = [" ".join(words) for words in spelled.get(field, [])]
            if field == "address":
                printed = [" ".join(printed)]
                values = [v.replace(",", "") for v in values]
                printed = [p.replace(",", "") for p in printed]
            if field == "websites":
                values = [v.removeprefix("https://") for v in values]
                printed = [p.removeprefix("https://") for p in printed]
            if field in ("phones", "fax"):
                assert len(printed) == len(values), (record["image"], field)
                continue
            assert sorted(printed) == sorted(values), (record["image"], field)


def test_labels_are_bio_over_schema_entities(dataset: Path):
    for record in records(dataset):
        labels = [w["label"] for w in record["words"]]
        assert all(label == "O" or entity_of(label) for label in labels)
        assert not labels or not labels[0].startswith("I-")


def test_russian_cards_are_printed_in_cyrillic(tmp_path: Path):
    write_dataset(tmp_path, n=3, seed=1, locales=("ru_RU",))
    for record in records(tmp_path):
        assert record["locale"] == "ru_RU"
        assert any(ord(c) in CYRILLIC for c in record["fields"]["full_name"])


def test_command_writes_n_cards_and_refuses_unknown_locales(tmp_path: Path):
    call_command("synth", str(tmp_path / "set"), "--n", "3", "--seed", "2")
    assert len(records(tmp_path / "set")) == 3
    with pytest.raises(CommandError, match="Unknown locale"):
        call_command("synth", str(tmp_path / "bad"), "--n", "1", "--locales", "xx_XX")

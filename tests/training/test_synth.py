"""The synthetic card generator: deterministic, labelled as rendered, in the ROADMAP format."""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

import numpy as np
import phonenumbers
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from bizcard.pipeline.evaluation import load_dataset
from bizcard.pipeline.schema import BIO_LABELS, FIELDS, LIST_FIELDS, entity_of, field_of
from training.synth import LAYOUTS, LOCALES, REQUIRED_APT_FONT_PACKAGES, fonts, write_dataset
from training.synth.camera import photograph
from training.synth.content import card_content, pick_locale
from training.synth.vocabulary import REGIONS

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CARDS = 27


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth")
    write_dataset(folder, n=CARDS, seed=5, workers=1)
    return folder


def records(folder: Path) -> list[dict]:
    lines = (folder / "cards.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def spans(record: dict) -> dict[str, list[list[str]]]:
    """Labelled words grouped into entity spans (B- opens one, I- extends it), per field."""
    grouped: dict[str, list[list[str]]] = {}
    for word in record["words"]:
        field = field_of(word["label"])
        if field is None:
            continue
        if word["label"].startswith("B-"):
            grouped.setdefault(field, []).append([])
        grouped[field][-1].append(word["text"])
    return grouped


def test_the_same_seed_gives_the_same_files_whatever_the_worker_count(dataset, tmp_path):
    write_dataset(tmp_path, n=CARDS, seed=5, workers=2)
    assert (tmp_path / "cards.jsonl").read_text() == (dataset / "cards.jsonl").read_text()
    for record in records(dataset):
        assert digest(tmp_path / record["image"]) == digest(dataset / record["image"])


def test_another_seed_gives_other_cards(dataset, tmp_path):
    write_dataset(tmp_path, n=3, seed=6, workers=1)
    assert records(tmp_path)[0]["fields"] != records(dataset)[0]["fields"]


def test_lines_follow_the_dataset_format(dataset):
    assert len(load_dataset(dataset)) == CARDS
    for number, record in enumerate(records(dataset), start=1):
        assert record["image"] == f"{number:04d}.jpg"
        assert (dataset / record["image"]).is_file()
        assert record["locale"] in LOCALES
        assert set(record["fields"]) == set(FIELDS)
        for name, value in record["fields"].items():
            if name in LIST_FIELDS:
                assert isinstance(value, list) and all(isinstance(v, str) for v in value)
            else:
                assert value is None or (isinstance(value, str) and value.strip())
        assert record["fields"]["full_name"]
        for word in record["words"]:
            # "card_box" (the box on the flat card) is the generator's extra, for alignment.
            assert set(word) == {"text", "box", "label", "card_box"}
            assert word["text"] and not any(c.isspace() for c in word["text"])
            assert len(word["box"]) == 4 and all(isinstance(v, int) for v in word["box"])
            assert word["label"] in BIO_LABELS


def test_every_word_box_lies_inside_its_photo(dataset):
    for record in records(dataset):
        width, height = Image.open(dataset / record["image"]).size
        for word in record["words"]:
            x0, y0, x1, y1 = word["box"]
            assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, (record["image"], word)


def test_an_inside_tag_only_continues_its_own_entity(dataset):
    for record in records(dataset):
        previous = "O"
        for word in record["words"]:
            label = word["label"]
            if label.startswith("I-"):
                assert entity_of(previous) == entity_of(label), (record["image"], word)
            previous = label


def test_labelled_words_spell_out_every_field_value(dataset):
    for record in records(dataset):
        fields, printed = record["fields"], spans(record)
        region = REGIONS[record["locale"]]
        for name in ("full_name", "position", "department", "company", "address"):
            value = fields[name]
            shown = [" ".join(words) for words in printed.get(name, [])]
            if value is None:
                assert not shown, (record["image"], name)
                continue
            if name == "address":  # lines join with ", " in the field, a line break on the card
                value, shown = value.replace(",", ""), [s.replace(",", "") for s in shown]
            assert shown == [value], (record["image"], name)
        for name in ("emails", "websites"):
            assert ["".join(w) for w in printed.get(name, [])] == fields[name], record["image"]
        for name in ("phones", "fax"):
            read = [phonenumbers.format_number(phonenumbers.parse(" ".join(words), region),
                                               phonenumbers.PhoneNumberFormat.E164)
                    for words in printed.get(name, [])]
            assert read == fields[name], (record["image"], name)


def test_phone_numbers_are_valid_for_the_card_region():
    for index in range(180):
        locale = LOCALES[index % len(LOCALES)]
        content = card_content(random.Random(index), locale)
        for item in content.contacts:
            if item.entity in ("PHONE", "FAX"):
                number = phonenumbers.parse(item.text, REGIONS[locale])
                assert phonenumbers.is_valid_number(number), (locale, item.text)
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                assert e164 == item.value


def test_russian_cards_are_printed_in_cyrillic(tmp_path):
    write_dataset(tmp_path, n=3, seed=1, locales=("ru_RU",), workers=1)
    for record in records(tmp_path):
        assert record["locale"] == "ru_RU"
        assert CYRILLIC.search(record["fields"]["full_name"])
        for name in ("position", "address"):
            assert record["fields"][name] is None or CYRILLIC.search(record["fields"][name])
        assert any(CYRILLIC.search(word["text"]) for word in record["words"])


def test_about_one_card_in_eight_is_russian():
    rng = random.Random(0)
    picks = [pick_locale(rng, LOCALES) for _ in range(4000)]
    assert 0.1 < picks.count("ru_RU") / len(picks) < 0.15
    assert set(picks) == set(LOCALES)


def test_word_boxes_follow_the_card_through_the_camera():
    card = np.full((600, 1000, 3), 255, np.uint8)
    card[250:350, 400:600] = 0  # one black "word"
    for seed in range(40):
        photo = photograph(card, [(400, 250, 600, 350)], np.random.default_rng(seed))
        x0, y0, x1, y1 = photo.boxes[0]
        centre = photo.image[(y0 + y1) // 2, (x0 + x1) // 2]
        assert centre.mean() < 90, (seed, photo.capture)
        gray = photo.image.mean(axis=2)
        inside = gray[y0:y1, x0:x1].mean()
        ring = gray[max(0, y0 - 8):y1 + 8, max(0, x0 - 8):x1 + 8]
        assert inside < ring.mean(), seed


def test_the_generator_draws_in_every_layout_and_locale(dataset):
    assert len(LAYOUTS) >= 10
    seen = {record["synth"]["layout"] for record in records(dataset)}
    assert len(seen) >= 8


def test_fonts_cover_latin_and_cyrillic_from_the_listed_packages():
    assert REQUIRED_APT_FONT_PACKAGES
    assert fonts.families_for("latin") and fonts.families_for("cyrillic")


def test_a_machine_without_fonts_gets_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "FONT_ROOT", tmp_path)
    fonts.installed_families.cache_clear()
    fonts.families_for.cache_clear()
    try:
        with pytest.raises(fonts.NoUsableFontError, match="apt-get install"):
            fonts.families_for("latin")
    finally:
        fonts.installed_families.cache_clear()
        fonts.families_for.cache_clear()


def test_the_command_writes_n_cards_and_refuses_unknown_locales(tmp_path):
    out = tmp_path / "set"
    out.mkdir()
    (out / "stale.jpg").write_bytes(b"old")
    call_command("synth", str(out), "--n", "3", "--seed", "2", "--clean", "--workers", "1")
    assert len(records(out)) == 3
    assert sorted(p.name for p in out.iterdir()) == ["0001.jpg", "0002.jpg", "0003.jpg",
                                                     "cards.jsonl"]
    with pytest.raises(CommandError, match="Unknown locale"):
        call_command("synth", str(tmp_path / "bad"), "--n", "1", "--locales", "xx_XX")

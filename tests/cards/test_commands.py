"""The command-line contract of ROADMAP: ``extract``, ``evaluate``, ``bench`` and ``ensure_admin``.

Tests marked ``slow`` run the real pipeline on the shared, labelled photos; the others swap
``extract`` for a stand-in so the output shape is checked exactly and fast.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from bizcard.cards.management import runner
from bizcard.cards.management.commands import bench
from bizcard.pipeline.evaluation import load_dataset
from bizcard.pipeline.schema import FIELDS, empty_fields
from bizcard.pipeline.types import CardResult, Extraction
from tests.processes import REPO_ROOT
from tests.real_photos import REAL, needs_real_photos

# The commands resolve the model through the registry.
pytestmark = pytest.mark.django_db

STAGES = {"preprocess", "qr", "ocr", "classify", "validate", "total"}


REAL_CARDS = load_dataset(REAL) if (REAL / "cards.jsonl").is_file() else []


def run(*args: str) -> list[str]:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()


def run_failing(*args: str) -> tuple[CommandError, list[str]]:
    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command(*args, stdout=out, stderr=io.StringIO())
    return failure.value, out.getvalue().splitlines()


def photo(folder: Path, name: str, size: tuple[int, int] = (900, 520)) -> Path:
    path = folder / name
    Image.new("RGB", size, "white").save(path)
    return path


def card(fields: dict, width: int) -> CardResult:
    return CardResult(
        fields=dict(empty_fields(), **fields),
        confidence={name: 0.9 for name in fields},
        words=[],
        labels=[],
        size=(width, width // 2),
    )


def stand_in_extract(monkeypatch: pytest.MonkeyPatch, answer) -> None:
    """Replace the pipeline: ``answer(image) -> list of CardResult``, largest first."""

    def fake_extract(image, config) -> Extraction:
        timings = {"preprocess": 1.0, "qr": 2.0, "ocr": 3.0, "classify": 4.0, "validate": 5.0}
        return Extraction(
            cards=answer(image), engine="stand-in", model_version="stand-in-1", timings_ms=timings
        )

    monkeypatch.setattr(runner, "extract", fake_extract)


@pytest.mark.slow
@needs_real_photos
def test_extract_prints_one_jsonl_line_per_photo_with_the_contract_keys() -> None:
    lines = run("extract", *(str(labelled.image) for labelled in REAL_CARDS))

    assert len(lines) == len(REAL_CARDS)
    for line, labelled in zip(lines, REAL_CARDS, strict=True):
        answer = json.loads(line)
        assert answer["image"] == str(labelled.image)
        assert {"fields", "confidence", "model_version", "engine", "timings_ms"} <= set(answer)
        assert set(answer["fields"]) == set(FIELDS)
        assert set(answer["timings_ms"]) == STAGES
        assert answer["timings_ms"]["total"] > 0
        assert all(0 <= value <= 1 for value in answer["confidence"].values())
        assert "cards" not in answer  # each photo holds one card
        if labelled.image.name.startswith("azure-contoso"):
            assert [e.lower() for e in answer["fields"]["emails"]] == labelled.fields["emails"]


def test_extract_reports_an_unreadable_file_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in_extract(monkeypatch, lambda image: [card({"company": "Contoso"}, 800)])
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"this is not a JPEG")
    good = photo(tmp_path, "good.png")

    error, lines = run_failing("extract", str(broken), str(tmp_path / "absent.jpg"), str(good))

    assert error.returncode == 1
    assert "2 of 3" in str(error)
    first, second, third = map(json.loads, lines)
    assert first["image"] == str(broken) and set(first) == {"image", "error"}
    assert first["error"]["code"] and first["error"]["message"]
    assert second["error"]["code"] == "unreadable_file"
    assert third["image"] == str(good) and third["fields"]["company"] == "Contoso"


def test_an_unreadable_file_exits_1_with_a_message_on_stderr(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    done = subprocess.run(
        # The rules need no model registry in the subprocess's (unmigrated) database.
        [sys.executable, "manage.py", "extract", str(broken), "--model", "rules"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    answer = json.loads(done.stdout)
    assert set(answer) == {"image", "error"} and answer["image"] == str(broken)
    assert answer["error"]["code"] and answer["error"]["message"]
    assert "1 of 1 image(s) could not be read" in done.stderr


def test_a_photo_with_several_cards_lists_them_and_leads_with_the_largest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    large = card({"full_name": "Avery Smith", "emails": ["avery@contoso.com"]}, width=1000)
    small = card({"full_name": "Chris Smith"}, width=600)
    stand_in_extract(monkeypatch, lambda image: [large, small])

    (line,) = run("extract", str(photo(tmp_path, "two.png")))
    answer = json.loads(line)

    assert answer["fields"] == large.fields
    assert answer["confidence"] == {"full_name": 0.9, "emails": 0.9}
    assert [c["fields"]["full_name"] for c in answer["cards"]] == ["Avery Smith", "Chris Smith"]
    assert "words" not in answer["cards"][0]
    assert (answer["engine"], answer["model_version"]) == ("stand-in", "stand-in-1")
    assert set(answer["timings_ms"]) == STAGES and answer["timings_ms"]["ocr"] == 3.0


def test_a_photo_with_one_card_has_no_cards_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in_extract(monkeypatch, lambda image: [card({"company": "Contoso"}, width=800)])
    (line,) = run("extract", str(photo(tmp_path, "one.png")))
    assert "cards" not in json.loads(line)


def test_table_format_shows_every_field_of_every_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    phones = ["+447911123456", "+442098765432"]
    stand_in_extract(
        monkeypatch, lambda image: [card({"full_name": "Avery Smith", "phones": phones}, 900)]
    )
    text = "\n".join(run("extract", "--format", "table", str(photo(tmp_path, "a.png"))))
    assert "a.png" in text and "stand-in-1" in text
    assert "Avery Smith" in text and "+447911123456, +442098765432" in text
    for name in FIELDS:
        assert name in text


def test_an_unknown_model_version_names_the_available_ones(tmp_path: Path) -> None:
    error, lines = run_failing("extract", "--model", "v999", str(photo(tmp_path, "a.png")))
    assert "v999" in str(error) and "rules" in str(error)
    assert lines == []


def test_an_unknown_engine_names_the_available_ones(tmp_path: Path) -> None:
    error, _ = run_failing("evaluate", "--engine", "easyocr", str(tmp_path))
    assert "easyocr" in str(error) and "rapidocr" in str(error) and "tesseract" in str(error)


def test_evaluate_scores_a_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    avery = {"full_name": "Avery Smith", "phones": ["+447911123456"], "websites": ["contoso.com"]}
    chris = {"full_name": "Chris Smith", "company": "Contoso"}
    photo(tmp_path, "avery.png", size=(900, 520))
    photo(tmp_path, "chris.png", size=(800, 480))
    rows = [
        {"image": "avery.png", "locale": "en_GB", "fields": avery},
        {"image": "chris.png", "locale": "en_US", "fields": chris},
    ]
    (tmp_path / "cards.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    answers = {
        # A national number and a www. host still match after normalisation.
        900: card(dict(avery, phones=["07911 123456"], websites=["https://www.contoso.com/"]), 900),
        800: card({"full_name": "Chris Smith", "company": "Fabrikam"}, 800),
    }
    stand_in_extract(monkeypatch, lambda image: [answers[image.size[0]]])

    (line,) = run("evaluate", str(tmp_path), "--json")
    report = json.loads(line)

    assert report["cards"] == 2 and report["model_version"] == "stand-in-1"
    assert set(report["fields"]) == set(FIELDS)
    assert report["fields"]["phones"]["f1"] == 1.0
    assert report["fields"]["company"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1, "support": 1,
    }  # fmt: skip
    assert report["micro_f1"] == round(2 * 4 / (2 * 4 + 1 + 1), 4)
    assert report["cards_all_right"] == 0.5
    assert set(report["latency_ms"]) == {"p50", "p95"}

    table = "\n".join(run("evaluate", str(tmp_path)))
    assert "micro" in table and "cards with every field right: 1/2" in table


@pytest.mark.parametrize("problem", ["missing", "no index", "bad line"])
def test_evaluate_refuses_an_invalid_dataset(tmp_path: Path, problem: str) -> None:
    folder = tmp_path / "set"
    if problem != "missing":
        folder.mkdir()
    if problem == "bad line":
        (folder / "cards.jsonl").write_text("{not json\n")
    error, _ = run_failing("evaluate", str(folder))
    assert error.returncode == 1 and "Invalid dataset" in str(error)


@pytest.mark.slow
@needs_real_photos
def test_evaluate_on_the_real_photos_prints_every_score() -> None:
    (line,) = run("evaluate", str(REAL), "--json")
    report = json.loads(line)
    assert report["cards"] == len(REAL_CARDS)
    assert report["errors"] == []
    assert set(report["fields"]) == set(FIELDS)
    assert 0.0 < report["micro_f1"] <= 1.0
    assert 0.0 <= report["cards_all_right"] <= 1.0
    assert 0 < report["latency_ms"]["p50"] <= report["latency_ms"]["p95"]


def test_bench_prints_stage_latency_throughput_and_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in_extract(monkeypatch, lambda image: [card({"company": "Contoso"}, 800)])
    images = [str(photo(tmp_path, f"{n}.png")) for n in range(2)]

    (line,) = run("bench", "--images", *images, "--repeat", "2")
    report = json.loads(line)

    assert (report["images"], report["repeat"], report["runs"]) == (2, 2, 4)
    assert set(report["latency_ms"]) == STAGES
    assert report["latency_ms"]["classify"] == {"p50": 4.0, "p95": 4.0}
    assert report["throughput"]["cards_per_s"] > 0
    assert report["peak_rss_mb"] > 10
    assert report["errors"] == []


def test_bench_takes_a_folder_of_photos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stand_in_extract(monkeypatch, lambda image: [card({"company": "Contoso"}, 800)])
    for n in range(3):
        photo(tmp_path, f"{n}.jpg")
    (tmp_path / "notes.txt").write_text("not a photo")
    (line,) = run("bench", "--images", str(tmp_path), "--repeat", "1")
    assert json.loads(line)["runs"] == 3


def test_bench_without_shared_photos_asks_for_images(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench, "REAL_PHOTOS", tmp_path / "absent")
    with pytest.raises(CommandError, match="pass --images"):
        run("bench", "--repeat", "1")


@pytest.mark.slow
@needs_real_photos
def test_bench_on_a_real_photo() -> None:
    (line,) = run("bench", "--images", str(REAL_CARDS[0].image), "--repeat", "1")
    report = json.loads(line)
    assert report["errors"] == []
    assert report["latency_ms"]["ocr"]["p50"] > 0
    assert report["latency_ms"]["total"]["p50"] >= report["latency_ms"]["ocr"]["p50"]


def test_ensure_admin_creates_the_admin_once_and_prints_the_same_password(
    tmp_path: Path,
) -> None:
    password_file = tmp_path / "var" / "admin-password.txt"

    first = run("ensure_admin", "--password-file", str(password_file))
    second = run("ensure_admin", "--password-file", str(password_file))

    assert first == second
    assert first[0] == "Admin user: admin"
    password = first[1].removeprefix("Admin password: ")
    assert password_file.read_text().strip() == password
    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1
    assert authenticate(username="admin", password=password) is not None


def test_ensure_admin_resets_the_password_when_the_stored_one_is_lost(tmp_path: Path) -> None:
    password_file = tmp_path / "admin-password.txt"
    run("ensure_admin", "--password-file", str(password_file))
    password_file.unlink()

    lines = run("ensure_admin", "--password-file", str(password_file))

    password = lines[1].removeprefix("Admin password: ")
    assert authenticate(username="admin", password=password) is not None

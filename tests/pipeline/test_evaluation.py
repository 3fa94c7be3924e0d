"""Scoring rules of ROADMAP's dataset format, checked on hand-made predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bizcard.pipeline.evaluation import (
    DatasetError,
    FieldScore,
    Prediction,
    evaluate,
    load_dataset,
    normalize_phone,
    normalize_values,
    normalize_website,
    percentile,
    region_of_locale,
    score_card,
)
from bizcard.pipeline.schema import FIELDS, empty_fields

AVERY = {
    "full_name": "Dr. Avery Smith",
    "position": "Senior Researcher",
    "department": "Cloud & AI Department",
    "company": "Contoso",
    "address": "2 Kingdom Street, Paddington, London, W2 6BD",
    "emails": ["avery.smith@contoso.com"],
    "phones": ["+447911123456", "+442098765432"],
    "fax": ["+442067892345"],
    "websites": ["https://www.contoso.com/"],
}


def write_dataset(folder: Path, rows: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cards.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8"
    )
    return folder


def test_region_comes_from_the_locale_country() -> None:
    assert region_of_locale("de_DE") == "DE"
    assert region_of_locale("pt-BR") == "BR"
    assert region_of_locale("en") is None
    assert region_of_locale(None) is None


def test_national_phone_numbers_use_the_card_region_as_fallback() -> None:
    assert normalize_phone("030 1234567", "DE") == "+49301234567"
    assert normalize_phone("+44 (0) 20 9876 5432", "US") == "+442098765432"
    # An unassigned US area code is still well-formed and must compare.
    assert normalize_phone("(987) 123-4567", "US") == "+19871234567"


def test_unparseable_phone_falls_back_to_its_digits() -> None:
    assert normalize_phone("0301234567", None) == "0301234567"
    assert normalize_phone("tel. 12", None) == "12"


@pytest.mark.parametrize(
    "value",
    ["https://www.contoso.com/", "contoso.com", "WWW.Contoso.com", "http://contoso.com/about"],
)
def test_websites_compare_by_host_without_www(value: str) -> None:
    assert normalize_website(value) == "contoso.com"


def test_other_text_is_case_folded_with_collapsed_spaces() -> None:
    assert normalize_values("company", "  CONTOSO   Ltd ") == ["contoso ltd"]
    assert normalize_values("full_name", "STRASSE") == normalize_values("full_name", "straße")
    assert normalize_values("emails", ["Avery.Smith@Contoso.COM"]) == ["avery.smith@contoso.com"]
    assert normalize_values("position", None) == []
    assert normalize_values("phones", ["", "  "]) == []


def test_equal_values_after_normalisation_score_a_perfect_card() -> None:
    predicted = dict(
        AVERY,
        full_name="dr.  avery smith",
        company="CONTOSO",
        phones=["+44 20 9876 5432", "07911 123456"],  # national number, region from en_GB
        websites=["contoso.com"],
        emails=["AVERY.SMITH@contoso.com"],
    )
    scores = score_card(AVERY, predicted, region="GB")
    assert all(score.correct for score in scores.values()), scores


def test_list_fields_compare_as_multisets() -> None:
    expected = dict(empty_fields(), phones=["+447911123456", "+442098765432"])
    predicted = dict(empty_fields(), phones=["+447911123456", "+447911123456", "+15550000000"])
    phones = score_card(expected, predicted)["phones"]
    assert (phones.tp, phones.fp, phones.fn) == (1, 2, 1)
    same_twice = dict(empty_fields(), emails=["a@x.com", "a@x.com"])
    emails = score_card(same_twice, same_twice)["emails"]
    assert (emails.tp, emails.fp, emails.fn) == (2, 0, 0)


def test_a_wrong_single_field_is_one_extra_and_one_missed_value() -> None:
    scores = score_card({"company": "Contoso"}, {"company": "Fabrikam"})
    assert (scores["company"].tp, scores["company"].fp, scores["company"].fn) == (0, 1, 1)
    only_expected = score_card({"company": "Contoso"}, {"company": None})["company"]
    assert (only_expected.tp, only_expected.fp, only_expected.fn) == (0, 0, 1)
    only_predicted = score_card({"company": None}, {"company": "Contoso"})["company"]
    assert (only_predicted.tp, only_predicted.fp, only_predicted.fn) == (0, 1, 0)
    neither = score_card({}, {})["company"]
    assert (neither.tp, neither.fp, neither.fn) == (0, 0, 0)


def test_precision_recall_f1_from_counts() -> None:
    score = FieldScore(tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))
    assert FieldScore().f1 == 1.0  # nothing to find and nothing found is no error
    assert FieldScore(fp=1).f1 == 0.0


def test_evaluate_sums_fields_micro_f1_and_cards_fully_right(tmp_path: Path) -> None:
    second = dict(
        empty_fields(),
        full_name="Chris Smith",
        company="CONTOSO",
        phones=["+19871234567"],
    )
    folder = write_dataset(
        tmp_path / "set",
        [
            {"image": "a.jpg", "locale": "en_GB", "fields": AVERY},
            {"image": "b.jpg", "locale": "en_US", "fields": second},
        ],
    )
    cards = load_dataset(folder)
    predictions = [
        Prediction(fields=AVERY, latency_ms=100.0),
        Prediction(
            fields=dict(second, full_name="Chris", phones=["987 123 4567", "987 000 0000"]),
            latency_ms=300.0,
        ),
    ]
    report = evaluate(cards, predictions)

    assert report.fields["full_name"].to_dict()["f1"] == 0.5  # 1 tp, 1 fp, 1 fn
    assert (report.fields["phones"].tp, report.fields["phones"].fp) == (3, 1)
    # 13 labelled values in all: 12 found, 1 missed; 2 extra values predicted.
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (12, 2, 1)
    assert report.micro.f1 == pytest.approx(24 / 27)
    assert report.cards_all_right == 0.5
    assert report.latency_ms(50) == pytest.approx(200.0)
    assert report.latency_ms(95) == pytest.approx(290.0)
    as_json = report.to_dict()
    assert set(as_json["fields"]) == set(FIELDS)
    assert as_json["cards"] == 2 and as_json["micro_f1"] == round(24 / 27, 4)


def test_an_unreadable_photo_counts_every_label_as_missed(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path, [{"image": "a.jpg", "locale": "en_GB", "fields": AVERY}])
    error = {"code": "invalid_image", "message": "not an image"}
    report = evaluate(load_dataset(folder), [Prediction(fields={}, latency_ms=1.0, error=error)])
    assert report.micro.tp == 0 and report.micro.fn == 10
    assert report.cards_all_right == 0.0
    assert report.to_dict()["errors"] == [{"image": str(folder / "a.jpg"), "error": error}]


def test_dataset_paths_resolve_against_the_folder(tmp_path: Path) -> None:
    row = {"image": "img/1.jpg", "fields": {}, "locale": "de_DE"}
    folder = write_dataset(tmp_path / "d", [row])
    (card,) = load_dataset(folder)
    assert card.image == folder / "img" / "1.jpg"
    assert card.region == "DE"


def test_missing_or_malformed_dataset_is_a_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not a directory"):
        load_dataset(tmp_path / "absent")
    with pytest.raises(DatasetError, match=r"no cards\.jsonl"):
        load_dataset(tmp_path)
    (tmp_path / "cards.jsonl").write_text('{"image": "a.jpg"}\n', encoding="utf-8")
    with pytest.raises(DatasetError, match=r"cards\.jsonl:1"):
        load_dataset(tmp_path)
    (tmp_path / "cards.jsonl").write_text('{"image": "a.jpg", "fields": {"nick": "x"}}\n')
    with pytest.raises(DatasetError, match="unknown fields"):
        load_dataset(tmp_path)


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([], 50) == 0.0
    assert percentile([5.0], 95) == 5.0
    assert percentile([1, 2, 3, 4], 50) == pytest.approx(2.5)
    assert percentile(range(1, 101), 95) == pytest.approx(95.05)

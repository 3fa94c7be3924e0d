"""The pipeline's entry point on rendered photos: rotations, several cards, QR codes."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import zxingcpp

from bizcard.pipeline.errors import PipelineError
from bizcard.pipeline.extract import PipelineConfig, extract, read_card
from bizcard.pipeline.ocr import read_words
from bizcard.pipeline.preprocess import find_cards, grown
from tests.pipeline.render import GERMAN_CARD, RUSSIAN_CARD, card_image, photo_of

TILTED = np.float32([[310, 260], [1480, 170], [1560, 900], [260, 840]])

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "rotation", [None, cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_180], ids=["upright", "90", "180"]
)
def test_card_shot_sideways_or_upside_down_reads_the_same(rotation):
    image = card_image(GERMAN_CARD)
    fields = extract(image if rotation is None else cv2.rotate(image, rotation)).primary.fields
    assert fields["full_name"] == "Dr. Anna Becker"
    assert fields["company"] == "Müller & Schmidt GmbH"
    assert fields["emails"] == ["a.becker@mueller-schmidt.de"]
    assert fields["phones"] == ["+493012345678"]


def test_photo_with_two_cards_gives_two_contacts_largest_first():
    card = card_image(GERMAN_CARD)
    russian = card_image(RUSSIAN_CARD)
    photo = photo_of(card, np.float32([[60, 80], [1060, 60], [1080, 640], [70, 650]]),
                     (2000, 900))
    right = photo_of(russian, np.float32([[1200, 220], [1900, 230], [1890, 630], [1210, 620]]),
                     (2000, 900))
    photo[:, 1150:] = right[:, 1150:]
    extraction = extract(photo)
    assert [c.fields["emails"] for c in extraction.cards] == [
        ["a.becker@mueller-schmidt.de"],
        ["ivanov@romashka.ru"],
    ]
    assert extraction.cards[1].fields["full_name"] == "Иванов Иван Петрович"


def test_vcard_qr_code_fills_fields_with_high_confidence():
    card = card_image([("Jane Roe", 48), ("jane@roe.studio", 26)])
    vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Jane Roe\nORG:Roe Studio\nTEL:+14155550132\nEND:VCARD"
    qr = np.asarray(zxingcpp.create_barcode(vcard, zxingcpp.BarcodeFormat.QRCode).to_image(
        scale=3))
    card[250 : 250 + qr.shape[0], 650 : 650 + qr.shape[1]] = qr[:, :, None]
    result = extract(card).primary
    assert result.source == "qr+ocr"
    assert result.fields["company"] == "Roe Studio"
    assert result.fields["phones"] == ["+14155550132"]
    assert result.confidence["company"] > 0.9


def test_a_link_qr_code_is_the_website_only_where_the_card_prints_none():
    """A link to a site is its website; a link to a page of one ("/vcard", a download) is
    not, and neither is any link where the card prints its website."""
    def with_qr(lines: list, url: str) -> np.ndarray:
        link = np.asarray(zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode)
                          .to_image(scale=3))
        card = card_image(lines)
        card[250 : 250 + link.shape[0], 650 : 650 + link.shape[1]] = link[:, :, None]
        return card

    printed = [("Jane Roe", 48), ("jane@roe.studio", 26), ("www.roe.studio", 26)]
    bare = [("Jane Roe", 48), ("jane@roe.studio", 26)]
    assert extract(with_qr(printed, "https://roe.studio")).primary.fields["websites"] == [
        "https://www.roe.studio/"]
    assert extract(with_qr(bare, "https://roe.studio")).primary.fields["websites"] == [
        "https://roe.studio/"]
    assert extract(with_qr(bare, "https://roe.studio/vcard")).primary.fields["websites"] == []


def test_blank_photo_fails_with_no_text():
    with pytest.raises(PipelineError) as error:
        extract(np.full((600, 1000, 3), 255, np.uint8))
    assert error.value.code == "no_text"


def test_unknown_model_version_is_refused_before_any_work():
    with pytest.raises(PipelineError) as error:
        extract(card_image(GERMAN_CARD), PipelineConfig(classifier="layoutlm-99"))
    assert error.value.code == "unknown_model" and "rules" in error.value.message


def test_a_small_card_the_photo_hides_is_read_where_its_text_is():
    """A white card on a white desk fills a fifth of a 12 MP photo: no card outline stands
    out, and read whole at 1600 px its print is too small; the pipeline looks again at the
    region where text is, at the photo's own resolution."""
    card = card_image(GERMAN_CARD)
    corners = np.float32([[2350, 1500], [3350, 1480], [3370, 2060], [2360, 2080]])
    photo = photo_of(card, corners, (4000, 3000), table_bgr=(250, 250, 250))
    result = extract(photo).primary
    assert result.quad is not None  # the region read, where the review page draws words
    assert result.fields["emails"] == ["a.becker@mueller-schmidt.de"]
    assert result.fields["phones"] == ["+493012345678"]
    assert result.fields["full_name"] == "Dr. Anna Becker"


def test_a_card_filling_the_frame_is_read_whole_not_from_a_boxed_panel_on_it():
    """A framed notice on a card that fills the frame has a card's shape; the photo holds
    text outside it, so the whole card is read, not the notice."""
    card = card_image(GERMAN_CARD, size=(2000, 1160))
    panel = card_image([("Member of the Chamber of", 24), ("Commerce and Industry", 24),
                        ("since 1998 in Berlin", 24)], size=(440, 276))
    cv2.rectangle(panel, (0, 0), (439, 275), (0, 0, 0), 6)
    card[820:1096, 1480:1920] = panel
    fields = extract(card).primary.fields
    assert fields["full_name"] == "Dr. Anna Becker"
    assert fields["emails"] == ["a.becker@mueller-schmidt.de"]


def test_a_crop_that_cuts_a_line_is_grown_past_the_edge_the_line_touches():
    """A card outline found short of the card's edge (a band as dark as the table) cuts off
    the ends of its lines: the crop is read again grown past the edge the text touches."""
    photo = photo_of(card_image(GERMAN_CARD), TILTED, (1800, 1100))
    [card] = find_cards(photo, max_side=1600)
    cut = grown(card, photo, sides=(0, -0.55, 0, 0), max_side=1600)  # the right part lost
    config = PipelineConfig()
    assert "GmbH" not in [w.text for w in read_words(
        cut.image, engine=config.engine, language=config.language, threads=2).words]
    read_crop, ocr = read_card(cut, photo, config, alone=True)
    assert [w.text for w in ocr.words][:4] == ["Müller", "&", "Schmidt", "GmbH"]
    assert read_crop.image.shape[1] > cut.image.shape[1]

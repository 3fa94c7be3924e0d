"""Finding and flattening cards in photos."""

from __future__ import annotations

import re

import cv2
import numpy as np
import phonenumbers
import pytest

from bizcard.pipeline.evaluation import load_dataset
from bizcard.pipeline.ocr import read_words
from bizcard.pipeline.preprocess import card_to_photo, find_cards
from tests.pipeline.render import GERMAN_CARD, card_image, photo_of
from tests.real_photos import REAL, needs_real_photos

TILTED = np.float32([[310, 260], [1480, 170], [1560, 900], [260, 840]])
CARD_ASPECT = 1000 / 580  # card_image()'s default size
PHOTO_SIZE = (2000, 1500)


def test_tilted_card_is_found_and_flattened_to_its_corners():
    photo = photo_of(card_image(GERMAN_CARD), TILTED, (1800, 1100))
    cards = find_cards(photo, max_side=1600)
    assert len(cards) == 1 and cards[0].quad is not None
    error = np.abs(np.float32(cards[0].quad) - TILTED).max()
    assert error < 15  # pixels, in a 1800 px photo
    height, width = cards[0].image.shape[:2]
    assert 1.5 < width / height < 2.0  # a card again, not the trapezoid


def test_card_across_a_quarter_of_a_phone_photo_is_found():
    """Held at arm's length, a card covers ~5% of the photo: cropped to its corners, its
    print is read at the photo's full resolution."""
    corners = np.float32([[1700, 1300], [2560, 1260], [2590, 1780], [1720, 1800]])
    photo = photo_of(card_image(GERMAN_CARD), corners, (4000, 3000))
    [card] = find_cards(photo, max_side=1600)
    assert card.quad is not None
    assert np.abs(np.float32(card.quad) - corners).max() < 20  # pixels, in a 4000 px photo


def test_flattened_card_reads_like_a_scan():
    photo = photo_of(card_image(GERMAN_CARD), TILTED, (1800, 1100))
    card = find_cards(photo, max_side=1600)[0]
    text = " ".join(w.text for w in read_words(card.image, engine="rapidocr",
                                               language="auto", threads=2).words)
    assert "a.becker@mueller-schmidt.de" in text and "030" in text


def test_two_cards_in_one_photo_give_two_images_largest_first():
    first = card_image(GERMAN_CARD)
    photo = photo_of(first, np.float32([[60, 80], [960, 60], [980, 580], [70, 590]]),
                     (2000, 900))
    second = photo_of(first, np.float32([[1150, 200], [1850, 210], [1840, 610], [1160, 600]]),
                      (2000, 900))
    photo[:, 1050:] = second[:, 1050:]
    cards = find_cards(photo, max_side=1600)
    assert len(cards) == 2
    assert cards[0].quad[0][0] < 500 < 1000 < cards[1].quad[0][0]


def test_scan_that_fills_the_frame_is_used_whole():
    scan = card_image(GERMAN_CARD)
    cards = find_cards(scan, max_side=1600)
    assert len(cards) == 1 and cards[0].quad is None
    assert cards[0].image.shape == scan.shape


def test_large_photo_is_scaled_down_to_max_side():
    big = np.full((3000, 4000, 3), 255, np.uint8)
    assert max(find_cards(big, max_side=1600)[0].image.shape[:2]) == 1600


def camera_view(tilt: float, yaw: float, roll: float) -> np.ndarray:
    """Where card_image()'s corners land in a PHOTO_SIZE photo taken by a pinhole camera
    (a phone's focal length, 0.6 frame diagonals) turned by these angles in degrees."""
    width, height = 1000, 580
    corners = np.array([[-width / 2, -height / 2, 0], [width / 2, -height / 2, 0],
                        [width / 2, height / 2, 0], [-width / 2, height / 2, 0]])
    a, b, c = np.deg2rad([tilt, yaw, roll])
    about_x = np.array([[1, 0, 0], [0, np.cos(a), -np.sin(a)], [0, np.sin(a), np.cos(a)]])
    about_y = np.array([[np.cos(b), 0, np.sin(b)], [0, 1, 0], [-np.sin(b), 0, np.cos(b)]])
    about_z = np.array([[np.cos(c), -np.sin(c), 0], [np.sin(c), np.cos(c), 0], [0, 0, 1]])
    seen = corners @ (about_z @ about_y @ about_x).T + [0, 0, 1900]
    focal = 0.6 * np.hypot(*PHOTO_SIZE)
    centre = np.array(PHOTO_SIZE) / 2
    return np.float32(focal * seen[:, :2] / seen[:, 2:] + centre)


@pytest.mark.parametrize(
    ("tilt", "yaw", "roll"), [(35, 20, 8), (45, -25, -12), (50, 0, 0)],
    ids=["slanted", "slanted-other-way", "tilted-back-only"],
)
def test_card_shot_at_a_slant_is_flattened_to_its_true_proportions(tilt, yaw, roll):
    """Side lengths overstate a slanted card's width by 20-50 % here; the warp must not."""
    corners = camera_view(tilt, yaw, roll)
    cards = find_cards(photo_of(card_image(GERMAN_CARD), corners, PHOTO_SIZE), max_side=1600)
    assert len(cards) == 1 and cards[0].quad is not None
    assert np.abs(np.float32(cards[0].quad) - corners).max() < 15
    height, width = cards[0].image.shape[:2]
    assert width / height == pytest.approx(CARD_ASPECT, rel=0.05)


def test_coloured_band_as_bright_as_the_table_stays_on_the_card():
    """A header band of another hue but the table's brightness: the crop must take the whole
    card, band and company name included, not just the white panel under it."""
    card = card_image([("", 40), *GERMAN_CARD])
    card[:110] = (40, 140, 40)  # green band, grey level ~98
    cv2.putText(card, "NORDWIND LOGISTIK", (60, 75), cv2.FONT_HERSHEY_DUPLEX, 1.4,
                (255, 255, 255), 2)
    photo = photo_of(card, TILTED, (1800, 1100), table_bgr=(150, 60, 150))  # grey ~97
    [card_found] = find_cards(photo, max_side=1600)
    assert card_found.quad is None or np.abs(np.float32(card_found.quad) - TILTED).max() < 15


def card_with_side_panel() -> np.ndarray:
    """GERMAN_CARD's text on the right, a dark green panel with a logo down the left."""
    text = card_image(GERMAN_CARD)
    panel_width = 320
    card = np.full((text.shape[0], text.shape[1] + panel_width, 3), 255, np.uint8)
    card[:, panel_width:] = text
    card[:, :panel_width] = (40, 90, 30)
    cv2.circle(card, (panel_width // 2, 200), 70, (255, 255, 255), 12)
    return card


def grainy_table(size: tuple[int, int], bgr: tuple[int, int, int]) -> np.ndarray:
    """A table with grain coarse enough for Canny to draw edges all over it."""
    width, height = size
    grain = np.random.default_rng(1).normal(0, 40, (height // 6, width // 6, 3))
    grain = cv2.resize(grain, (width, height), interpolation=cv2.INTER_CUBIC)
    return (grain + np.array(bgr)).clip(0, 255).astype(np.uint8)


def on_background(card: np.ndarray, corners: np.ndarray, background: np.ndarray) -> np.ndarray:
    h, w = card.shape[:2]
    matrix = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), corners)
    return cv2.warpPerspective(card, matrix, background.shape[1::-1], dst=background.copy(),
                               borderMode=cv2.BORDER_TRANSPARENT)


@pytest.mark.parametrize(
    "background",
    [grainy_table((1800, 1100), (150, 60, 110)),
     (np.random.default_rng(2).normal(232, 2, (1100, 1800, 3))).clip(0, 255).astype(np.uint8)],
    ids=["grainy-table", "white-scanner-lid"],
)
def test_card_with_a_side_panel_is_cropped_whole_not_to_its_panel(background):
    """The panel's edge splits the card's outline in two; grain touching the outline, or a
    white card on a white lid, leaves only the panel card-shaped. Cropping to it would cut
    every contact line off."""
    corners = np.float32([[330, 240], [1500, 190], [1540, 880], [300, 860]])
    photo = on_background(card_with_side_panel(), corners, background)
    card = find_cards(photo, max_side=1600)[0]
    assert card.quad is not None
    assert np.abs(np.float32(card.quad) - corners).max() < 15


def national_digits(e164: str) -> str:
    return str(phonenumbers.parse(e164).national_number)


@pytest.mark.slow
@needs_real_photos
@pytest.mark.parametrize("name", ["azure-contoso-avery.jpg", "azure-contoso-chris.jpg"])
def test_real_tilted_photo_gives_one_card_that_reads_every_contact_detail(name):
    [labelled] = [c for c in load_dataset(REAL) if c.image.name == name]
    photo = cv2.imread(str(labelled.image))
    cards = find_cards(photo, max_side=1600)
    assert len(cards) == 1 and cards[0].quad is not None
    text = " ".join(w.text for w in read_words(cards[0].image, engine="rapidocr",
                                               language="auto", threads=2).words)
    digits = re.sub(r"\D", "", text)
    fields = labelled.fields
    assert all(email in text for email in fields["emails"])
    assert all(national_digits(number) in digits for number in fields["phones"] + fields["fax"])
    assert all(site.split("//")[1].rstrip("/") in text for site in fields["websites"])


def test_points_on_a_flattened_card_map_back_onto_the_photo_through_its_quad():
    quad = ((120.0, 80.0), (900.0, 140.0), (860.0, 600.0), (90.0, 520.0))
    size = (700, 400)
    corners = [(0, 0), (699, 0), (699, 399), (0, 399)]

    mapped = card_to_photo(corners, card_size=size, quad=quad, photo_size=(1000, 700))

    assert np.allclose(mapped, quad, atol=0.01)
    # A perspective map keeps the card's centre on the crossing of the quad's diagonals.
    [centre] = card_to_photo([(349.5, 199.5)], card_size=size, quad=quad, photo_size=(1000, 700))
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad
    t = ((x3 - x0) * (y3 - y1) - (y3 - y0) * (x3 - x1)) / (
        (x2 - x0) * (y3 - y1) - (y2 - y0) * (x3 - x1))
    assert np.allclose(centre, (x0 + t * (x2 - x0), y0 + t * (y2 - y0)), atol=0.01)


def test_points_on_a_whole_photo_card_scale_to_the_photo():
    assert card_to_photo([(800, 450)], card_size=(1600, 900), quad=None,
                         photo_size=(4000, 2250)) == [(2000.0, 1125.0)]

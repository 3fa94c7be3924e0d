"""Finding and flattening cards in photos."""

from __future__ import annotations

import numpy as np

from bizcard.pipeline.ocr import read_words
from bizcard.pipeline.preprocess import find_cards
from tests.pipeline.render import GERMAN_CARD, card_image, photo_of

TILTED = np.float32([[310, 260], [1480, 170], [1560, 900], [260, 840]])


def test_tilted_card_is_found_and_flattened_to_its_corners():
    photo = photo_of(card_image(GERMAN_CARD), TILTED, (1800, 1100))
    cards = find_cards(photo, max_side=1600)
    assert len(cards) == 1 and cards[0].quad is not None
    error = np.abs(np.float32(cards[0].quad) - TILTED).max()
    assert error < 15  # pixels, in a 1800 px photo
    height, width = cards[0].image.shape[:2]
    assert 1.5 < width / height < 2.0  # a card again, not the trapezoid


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

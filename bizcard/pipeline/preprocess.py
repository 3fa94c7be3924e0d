"""Find the cards in a photo and flatten each, so a card shot at an angle reads like a scan.

Detection runs on a small copy (fast); the perspective warp samples the full-size photo
(sharp). It is conservative: a crop that cuts text off is worse than no crop, so when no
clearly card-shaped quadrilateral stands out, the whole photo is used.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from bizcard.pipeline.types import Quad

DETECT_SIDE = 640  # longest side of the copy that contours are searched on
MIN_CARD_SHARE = 0.08  # a card covers at least this share of the photo...
MAX_CARD_SHARE = 0.92  # ...and less than this, else the photo is already a scan
MIN_SECOND_CARD_RATIO = 0.3  # a further card is at least this share of the largest
CARD_ASPECTS = (1.25, 2.2)  # long side / short side of real cards (ISO 1.59, US 1.75)
MIN_RECTANGULARITY = 0.85  # contour area / quad area: the outline must be the card's
MAX_SIDE_RATIO = 1.6  # opposite sides of a card seen in perspective differ by less than this
BORDER_MARGIN = 0.01  # corners this close to the frame are the frame, not a card's corner


@dataclass
class CardImage:
    image: np.ndarray  # BGR, flattened and upright
    quad: Quad | None  # card corners in the original photo; None when it is the whole photo


def find_cards(photo: np.ndarray, *, max_side: int) -> list[CardImage]:
    """Every card found in the photo, largest first; at least the whole photo."""
    height, width = photo.shape[:2]
    scale = min(1.0, DETECT_SIDE / max(height, width))
    small = cv2.resize(photo, (round(width * scale), round(height * scale)),
                       interpolation=cv2.INTER_AREA)
    quads = _card_quads(small)
    if not quads:
        return [CardImage(_fit(photo, max_side), None)]
    cards = []
    for quad in quads:
        corners = quad / scale
        cards.append(
            CardImage(
                _warp(photo, corners, max_side=max_side),
                tuple((float(x), float(y)) for x, y in corners),  # type: ignore[arg-type]
            )
        )
    return cards


def _card_quads(small: np.ndarray) -> list[np.ndarray]:
    """Card-shaped, non-overlapping quadrilaterals, largest first (corners ordered)."""
    area_total = small.shape[0] * small.shape[1]
    gray = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (5, 5), 0)
    edges = cv2.dilate(cv2.Canny(gray, 30, 100), np.ones((3, 3), np.uint8))
    _, bright = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    candidates: list[tuple[float, np.ndarray]] = []
    for mask in (edges, bright, 255 - bright):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in contours:
            area = cv2.contourArea(contour)
            if not MIN_CARD_SHARE * area_total <= area <= MAX_CARD_SHARE * area_total:
                continue
            quad = _quad_of(contour, small.shape[1], small.shape[0])
            if quad is not None:
                candidates.append((cv2.contourArea(quad.astype(np.float32)), quad))
    chosen: list[np.ndarray] = []
    for area, quad in sorted(candidates, key=lambda item: item[0], reverse=True):
        if chosen and area < MIN_SECOND_CARD_RATIO * cv2.contourArea(chosen[0]):
            break
        if any(_overlaps(quad, other) for other in chosen):
            continue
        chosen.append(quad)
    return chosen


def _quad_of(contour: np.ndarray, frame_width: int, frame_height: int) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for epsilon in (0.02, 0.04, 0.06):
        approx = cv2.approxPolyDP(hull, epsilon * perimeter, True)
        if len(approx) == 4:
            break
    else:
        return None
    quad = _order_corners(approx.reshape(4, 2).astype(np.float32))
    if cv2.contourArea(contour) < MIN_RECTANGULARITY * cv2.contourArea(quad):
        return None
    top, right, bottom, left = _sides(quad)
    if max(top, bottom) > MAX_SIDE_RATIO * min(top, bottom) or max(
        left, right
    ) > MAX_SIDE_RATIO * min(left, right):
        return None
    on_frame = sum(
        x <= BORDER_MARGIN * frame_width
        or x >= (1 - BORDER_MARGIN) * frame_width
        or y <= BORDER_MARGIN * frame_height
        or y >= (1 - BORDER_MARGIN) * frame_height
        for x, y in quad
    )
    if on_frame >= 2:  # the card runs out of the frame: cropping would cut text off
        return None
    width, height = _side_lengths(quad)
    aspect = max(width, height) / max(1.0, min(width, height))
    if not CARD_ASPECTS[0] <= aspect <= CARD_ASPECTS[1]:
        return None
    return quad


def _order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    sums = points.sum(axis=1)
    diffs = np.diff(points, axis=1).ravel()
    return np.array([points[np.argmin(sums)], points[np.argmin(diffs)],
                     points[np.argmax(sums)], points[np.argmax(diffs)]], dtype=np.float32)


def _sides(quad: np.ndarray) -> tuple[float, float, float, float]:
    """Lengths of the top, right, bottom and left sides."""
    top, right, bottom, left = (float(np.linalg.norm(quad[(i + 1) % 4] - quad[i]))
                                for i in range(4))
    return top, right, bottom, left


def _side_lengths(quad: np.ndarray) -> tuple[float, float]:
    top, right, bottom, left = _sides(quad)
    return max(top, bottom), max(left, right)


def _overlaps(a: np.ndarray, b: np.ndarray) -> bool:
    centre_a, centre_b = a.mean(axis=0), b.mean(axis=0)
    return (cv2.pointPolygonTest(b, tuple(map(float, centre_a)), False) >= 0
            or cv2.pointPolygonTest(a, tuple(map(float, centre_b)), False) >= 0)


def _warp(photo: np.ndarray, corners: np.ndarray, *, max_side: int) -> np.ndarray:
    """The card's quad mapped onto an upright rectangle at most ``max_side`` long."""
    width, height = _side_lengths(corners)
    shrink = min(1.0, max_side / max(width, height))
    if shrink < 0.7:
        # Warping samples sparsely: shrink the photo first so small text does not alias.
        photo = cv2.resize(photo, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
        corners = corners * shrink
        width, height = width * shrink, height * shrink
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]],
                      dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(photo, matrix, (round(width), round(height)),
                               flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _fit(image: np.ndarray, max_side: int) -> np.ndarray:
    height, width = image.shape[:2]
    scale = max_side / max(height, width)
    if scale >= 1:
        return image
    return cv2.resize(image, (round(width * scale), round(height * scale)),
                      interpolation=cv2.INTER_AREA)

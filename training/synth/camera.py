"""A rendered card as a phone photo or a scan, with its word boxes carried through.

Every geometric step is one homography (card pixels -> photo pixels): a box's four corners
go through it and the box becomes the axis-aligned box around them, so boxes stay right
through tilt, rotation, quarter turns and scaling. Photometric steps (light, blur, noise,
JPEG, done by the caller) move no pixel.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

Box = tuple[float, float, float, float]

SCAN_SHARE = 0.15
QUARTER_TURN_SHARE = 0.1  # sideways or upside down: phones are held any way
# The card's size in the photo against its rendered size (~300 dpi, ~1000 px wide): phone
# photos of a card fill most of the frame, so text stays readable.
PHOTO_CARD_SCALE = (0.7, 1.3)
SCAN_CARD_SCALE = (0.75, 1.25)
MAX_LONG_SIDE = 2000
# Taken from further away: the card fills FAR_FILL of the frame, in a larger frame so that
# its small print keeps about the pixels it has in a close-up.
FAR_SHARE = 0.1
FAR_FILL = (0.35, 0.5)
FAR_MAX_LONG_SIDE = 2300
ROTATED_FRAME_SHARE = 0.12  # the phone held the other way: a portrait photo of a wide card
DIM_SHARE = 0.06  # a very dark or a washed-out capture, still readable


@dataclass
class Photo:
    image: np.ndarray  # RGB uint8
    boxes: list[tuple[int, int, int, int]]  # one per input box, inside the image
    capture: str  # "photo" or "scan"
    homography: np.ndarray  # card pixels -> photo pixels (boxes are axis-aligned around it)


def photograph(card: np.ndarray, boxes: list[Box], rng: np.random.Generator) -> Photo:
    """The card (RGB) on a table or a scanner, tilted, lit, blurred and noisy."""
    scan = rng.random() < SCAN_SHARE
    h, w = card.shape[:2]
    turns = int(rng.choice([1, 2, 3])) if rng.random() < QUARTER_TURN_SHARE else 0
    if scan:
        out_w, out_h, target = _scan_geometry(w, h, turns, rng)
        background = _paper_white(out_w, out_h, rng)
    else:
        out_w, out_h, target = _photo_geometry(w, h, turns, rng)
        background = _table(out_w, out_h, rng)
        _cast_shadow(background, target, rng)
    source = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    homography = cv2.getPerspectiveTransform(source, np.float32(target))
    image = _composite(card, background, homography)
    if not scan:
        image = _light(image, rng)
    if rng.random() < DIM_SHARE:
        image = _dim(image, rng)
    image = _blur(image, rng, strength=0.5 if scan else 1.0)
    image = _noise(image, rng, sigma=rng.uniform(0, 3 if scan else 7))
    out_h, out_w = image.shape[:2]
    return Photo(image, _warp_boxes(boxes, homography, out_w, out_h),
                 "scan" if scan else "photo", homography)


def _quad(w: int, h: int, angle_deg: float, turns: int, keystone: tuple[float, float],
          jitter: np.ndarray) -> np.ndarray:
    """Card corners centred on 0, tilted (keystone), jittered and rotated."""
    corners = np.array([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]])
    top, left = keystone  # shrink the top (or bottom) edge, the left (or right) edge
    corners[:2, 0] *= 1 - top
    corners[2:, 0] *= 1 + top * 0.3
    corners[[0, 3], 1] *= 1 - left
    corners[[1, 2], 1] *= 1 + left * 0.3
    corners += jitter * np.array([w, h])
    theta = np.deg2rad(angle_deg + 90 * turns)
    rotation = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    return corners @ rotation.T


def _fit(quad: np.ndarray, scale: float, fill: float, landscape: bool,
         rng: np.random.Generator, max_side: int = MAX_LONG_SIDE) -> tuple[int, int, np.ndarray]:
    """A photo frame around the quad scaled by ``scale``, the quad filling ``fill`` of it
    along its tighter side, placed at random; frames above ``max_side`` are scaled down."""
    aspect = float(rng.choice([4 / 3, 16 / 9, 3 / 2]))
    quad = quad * scale
    span_w, span_h = quad.max(axis=0) - quad.min(axis=0)
    if landscape:
        out_w = max(span_w, span_h * aspect) / fill
        out_h = out_w / aspect
    else:
        out_h = max(span_h, span_w * aspect) / fill
        out_w = out_h / aspect
    shrink = min(1.0, max_side / max(out_w, out_h))
    quad = quad * shrink
    out_w, out_h = int(np.ceil(out_w * shrink)), int(np.ceil(out_h * shrink))
    low, high = quad.min(axis=0), quad.max(axis=0)
    room = np.array([out_w, out_h]) - (high - low)
    offset = -low + np.maximum(room, 0) * rng.uniform(0.1, 0.9, 2)
    return out_w, out_h, quad + offset


def _photo_geometry(w: int, h: int, turns: int,
                    rng: np.random.Generator) -> tuple[int, int, np.ndarray]:
    angle = rng.normal(0, 6) if rng.random() < 0.85 else rng.uniform(-25, 25)
    keystone = (rng.uniform(-0.12, 0.18), rng.uniform(-0.1, 0.1))
    quad = _quad(w, h, angle, turns, keystone, rng.uniform(-0.025, 0.025, (4, 2)))
    card_landscape = (w > h) != (turns % 2 == 1)
    framing = rng.random()
    if framing < FAR_SHARE:
        return _fit(quad, rng.uniform(*PHOTO_CARD_SCALE), rng.uniform(*FAR_FILL),
                    card_landscape, rng, FAR_MAX_LONG_SIDE)
    if framing < FAR_SHARE + ROTATED_FRAME_SHARE:
        # the card fills the frame's short side
        return _fit(quad, rng.uniform(*PHOTO_CARD_SCALE), rng.uniform(0.85, 0.97),
                    not card_landscape, rng)
    return _fit(quad, rng.uniform(*PHOTO_CARD_SCALE), rng.uniform(0.6, 0.95), card_landscape,
                rng)


def _scan_geometry(w: int, h: int, turns: int,
                   rng: np.random.Generator) -> tuple[int, int, np.ndarray]:
    quad = _quad(w, h, rng.normal(0, 1.0), turns, (0.0, 0.0), np.zeros((4, 2)))
    landscape = (w > h) != (turns % 2 == 1)
    return _fit(quad, rng.uniform(*SCAN_CARD_SCALE), rng.uniform(0.85, 0.99), landscape, rng)


def _paper_white(w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    level = rng.uniform(225, 252)
    return np.full((h, w, 3), level, np.float32)


def _table(w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    """A desk: solid, gradient, wood grain or a noisy texture, built small and scaled up."""
    sw, sh = max(8, w // 8), max(8, h // 8)
    base = rng.uniform(30, 220, 3)
    kind = rng.choice(["solid", "gradient", "wood", "texture"])
    ys, xs = np.mgrid[0:sh, 0:sw].astype(np.float32)
    if kind == "gradient":
        other = rng.uniform(30, 220, 3)
        t = (xs * rng.uniform(-1, 1) + ys * rng.uniform(-1, 1))
        t = (t - t.min()) / max(float(np.ptp(t)), 1e-6)
        small = base * (1 - t[..., None]) + other * t[..., None]
    elif kind == "wood":
        red = rng.uniform(110, 215)
        green = red * rng.uniform(0.6, 0.78)
        base = np.array([red, green, green * rng.uniform(0.5, 0.75)])
        angle = rng.uniform(0, np.pi)
        along = xs * np.cos(angle) + ys * np.sin(angle)
        across = -xs * np.sin(angle) + ys * np.cos(angle)
        # grain runs along the boards: slow waves across them, bent by smooth noise
        bend = cv2.resize(rng.normal(0, 1, (4, 4)).astype(np.float32), (sw, sh),
                          interpolation=cv2.INTER_CUBIC)
        frequency = rng.uniform(0.25, 0.6)
        grain = np.sin(across * frequency + bend * 4 + along * 0.01) + 0.5 * np.sin(
            across * frequency * 2.7 + bend * 6)
        small = base * (1 + 0.07 * grain[..., None])
    else:
        small = np.broadcast_to(base, (sh, sw, 3)).astype(np.float32)
    if kind == "texture":
        small = small + rng.normal(0, rng.uniform(6, 20), (sh, sw, 1))
    table = cv2.resize(np.asarray(small, np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    grain = rng.uniform(1, 5) * rng.standard_normal((h // 2 + 1, w // 2 + 1), dtype=np.float32)
    grain = cv2.resize(grain, (w, h), interpolation=cv2.INTER_NEAREST)
    return cv2.add(table, cv2.merge([grain] * 3))  # clipped once, at the end


def _cast_shadow(background: np.ndarray, quad: np.ndarray, rng: np.random.Generator) -> None:
    """A soft shadow under the card, offset towards the light's far side."""
    h, w = background.shape[:2]
    small = 4  # a soft shadow has no detail: blur it at a quarter of the size
    mask = np.zeros((h // small + 1, w // small + 1), np.float32)
    offset = rng.normal(0, 0.012, 2) * max(w, h)
    cv2.fillConvexPoly(mask, np.int32(np.round((quad + offset) / small)), 1.0)
    sigma = max(1.0, max(w, h) * rng.uniform(0.005, 0.025) / small)
    mask = cv2.resize(cv2.GaussianBlur(mask, (0, 0), sigma), (w, h),
                      interpolation=cv2.INTER_LINEAR)
    shade = 1 - np.float32(rng.uniform(0.2, 0.55)) * mask
    cv2.multiply(background, cv2.merge([shade] * 3), dst=background)


def _composite(card: np.ndarray, background: np.ndarray, homography: np.ndarray) -> np.ndarray:
    h, w = background.shape[:2]
    warped = cv2.warpPerspective(card, homography, (w, h), flags=cv2.INTER_LINEAR)
    coverage = cv2.warpPerspective(np.full(card.shape[:2], 255, np.uint8), homography, (w, h),
                                   flags=cv2.INTER_LINEAR)
    alpha = coverage.astype(np.float32) / 255  # soft card edges, not a jagged cut
    return cv2.blendLinear(warped.astype(np.float32), background, alpha, 1 - alpha)


def _light(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Uneven light: a gradient or a bright spot, a colour cast, sometimes a hand's shadow."""
    h, w = image.shape[:2]
    ys, xs = np.mgrid[0:h:8, 0:w:8].astype(np.float32)
    if rng.random() < 0.6:
        direction = rng.normal(0, 1, 2)
        t = xs * direction[0] / w + ys * direction[1] / h
        t = (t - t.min()) / max(float(np.ptp(t)), 1e-6)
        gain = rng.uniform(0.55, 0.95) + t * rng.uniform(0.1, 0.45)
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        radius = max(w, h) * rng.uniform(0.4, 1.0)
        d = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2) / radius
        gain = rng.uniform(0.95, 1.15) - np.clip(d, 0, 1.5) * rng.uniform(0.1, 0.35)
    if rng.random() < 0.15:
        edge = xs * rng.normal() + ys * rng.normal() + rng.uniform(-0.5, 0.5) * (w + h)
        gain = gain * np.where(edge > 0, rng.uniform(0.55, 0.8), 1.0)
    gain = cv2.GaussianBlur(gain.astype(np.float32), (0, 0), 3)
    gain = cv2.resize(gain, (w, h), interpolation=cv2.INTER_LINEAR)
    cast = rng.normal(1.0, 0.04, 3)
    image = cv2.multiply(image, cv2.merge([gain * np.float32(c) for c in cast]))
    if rng.random() < 0.1:  # glare
        gx, gy = rng.uniform(0, w), rng.uniform(0, h)
        spot = np.exp(-(((xs - gx) ** 2 + (ys - gy) ** 2) / (2 * (max(w, h) * 0.08) ** 2)))
        spot = cv2.resize(spot.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
        image = cv2.add(image, cv2.merge([spot * np.float32(rng.uniform(40, 110))] * 3))
    return image


def _dim(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A dark room (everything at a third of its light) or a washed-out capture (every
    level pulled towards one grey): ink and paper still differ by ~80 levels or more."""
    if rng.random() < 0.5:
        return cv2.multiply(image, np.full(3, rng.uniform(0.3, 0.45)))
    keep = rng.uniform(0.45, 0.6)
    grey = np.float32(rng.uniform(90, 150) * (1 - keep))
    return cv2.add(cv2.multiply(image, np.full(3, keep)), np.full(3, grey))


def _blur(image: np.ndarray, rng: np.random.Generator, strength: float) -> np.ndarray:
    roll = rng.random()
    if roll < 0.45 * strength:
        return cv2.GaussianBlur(image, (0, 0), rng.uniform(0.4, 1.6) * strength)
    if roll < 0.55 * strength:  # a hand shaking: motion blur along a random direction
        length = int(rng.integers(3, 9))
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2, :] = 1.0 / length
        turn = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5),
                                       float(rng.uniform(0, 180)), 1.0)
        kernel = cv2.warpAffine(kernel, turn, (length, length))
        return cv2.filter2D(image, -1, kernel / max(float(kernel.sum()), 1e-6))
    return image


def _noise(image: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    """Sensor grain (drawn at half size: cheaper, and real grain is not per-pixel white)."""
    if sigma > 0.5:
        h, w = image.shape[:2]
        grain = sigma * rng.standard_normal((h // 2 + 1, w // 2 + 1), dtype=np.float32)
        grain = cv2.resize(grain, (w, h), interpolation=cv2.INTER_LINEAR)
        image = cv2.add(image, cv2.merge([grain] * 3))
    return np.clip(image, 0, 255, out=image).astype(np.uint8)


def _warp_boxes(boxes: list[Box], homography: np.ndarray, width: int,
                height: int) -> list[tuple[int, int, int, int]]:
    """Each box's four corners through the homography; the axis-aligned box around them."""
    if not boxes:
        return []
    x0, y0, x1, y1 = np.asarray(boxes, np.float64).T
    corners = np.stack([np.stack([x0, y0], 1), np.stack([x1, y0], 1), np.stack([x1, y1], 1),
                        np.stack([x0, y1], 1)], 1).reshape(-1, 1, 2)
    moved = cv2.perspectiveTransform(corners, homography).reshape(-1, 4, 2)
    xs = np.clip(moved[..., 0], 0, width - 1)
    ys = np.clip(moved[..., 1], 0, height - 1)
    out = np.stack([np.floor(xs.min(1)), np.floor(ys.min(1)), np.ceil(xs.max(1)),
                    np.ceil(ys.max(1))], 1).astype(int)
    return [(int(a), int(b), int(c), int(d)) for a, b, c, d in out]

"""Camera conditions for a rendered card, with word boxes carried through every warp."""

from __future__ import annotations

import random

import cv2
import numpy as np

Box = tuple[int, int, int, int]


def photograph(
    rng: random.Random, card: np.ndarray, boxes: list[Box]
) -> tuple[np.ndarray, list[Box]]:
    """The card (BGR) as a phone photo or a scan: perspective on a table, rotation, blur,
    noise, uneven light and JPEG; boxes follow the geometry (axis-aligned after warping)."""
    noise = np.random.default_rng(rng.randrange(2**32))
    h, w = card.shape[:2]
    if rng.random() < 0.3:  # a flat scan, maybe slightly rotated
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-2, 2), 1.0)
        homography = np.vstack([matrix, [0, 0, 1]])
        size = (w, h)
        photo = cv2.warpPerspective(card, homography, size, borderMode=cv2.BORDER_REPLICATE)
    else:
        scale = rng.uniform(1.3, 1.8)
        size = (int(w * scale), int(w * scale * rng.uniform(0.7, 0.85)))
        table = np.full((size[1], size[0], 3), [rng.randint(40, 200) for _ in range(3)], np.uint8)
        table = np.clip(table + noise.normal(0, rng.uniform(3, 15), table.shape), 0, 255)
        jitter = 0.07 * w
        centre = np.array([size[0] / 2, size[1] / 2])
        corners = np.float32([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]])
        angle = np.deg2rad(rng.uniform(-10, 10))
        rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
        target = corners @ rotation.T + centre + noise.uniform(-jitter, jitter, (4, 2))
        homography = cv2.getPerspectiveTransform(
            np.float32([[0, 0], [w, 0], [w, h], [0, h]]), np.float32(target)
        )
        photo = cv2.warpPerspective(card, homography, size, dst=table.astype(np.uint8),
                                    borderMode=cv2.BORDER_TRANSPARENT)
    if rng.random() < 0.05:  # upside down, or sideways
        turn = rng.choice([cv2.ROTATE_180, cv2.ROTATE_90_CLOCKWISE])
        turned_h, turned_w = photo.shape[:2]
        photo = cv2.rotate(photo, turn)
        homography = _turn_matrix(turn, turned_w, turned_h) @ homography
    if rng.random() < 0.5:
        photo = cv2.GaussianBlur(photo, (0, 0), rng.uniform(0.6, 1.6))
    if rng.random() < 0.5:
        ramp = np.linspace(rng.uniform(0.65, 1.0), rng.uniform(1.0, 1.15), photo.shape[1])
        photo = np.clip(photo * ramp[None, :, None], 0, 255).astype(np.uint8)
    if rng.random() < 0.4:
        photo = np.clip(photo + noise.normal(0, rng.uniform(2, 8), photo.shape), 0, 255)
        photo = photo.astype(np.uint8)
    quality = rng.randint(40, 92)
    photo = cv2.imdecode(cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, quality])[1],
                         cv2.IMREAD_COLOR)
    height, width = photo.shape[:2]
    return photo, [_warp_box(box, homography, width, height) for box in boxes]


def _turn_matrix(turn: int, width: int, height: int) -> np.ndarray:
    if turn == cv2.ROTATE_180:
        return np.array([[-1, 0, width - 1], [0, -1, height - 1], [0, 0, 1]], dtype=float)
    return np.array([[0, -1, height - 1], [1, 0, 0], [0, 0, 1]], dtype=float)  # 90 clockwise


def _warp_box(box: Box, homography: np.ndarray, width: int, height: int) -> Box:
    x0, y0, x1, y1 = box
    corners = np.float32([[[x0, y0], [x1, y0], [x1, y1], [x0, y1]]])
    moved = cv2.perspectiveTransform(corners, homography)[0]
    xs, ys = moved[:, 0].clip(0, width - 1), moved[:, 1].clip(0, height - 1)
    return int(xs.min()), int(ys.min()), int(np.ceil(xs.max())), int(np.ceil(ys.max()))

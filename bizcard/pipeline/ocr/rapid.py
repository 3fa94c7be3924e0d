"""PaddleOCR's PP-OCR models run by rapidocr on onnxruntime: the default engine.

The models ship inside the rapidocr wheel. Only the default language and model type are
used, because any other choice makes rapidocr download at first call.
"""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np

from bizcard.pipeline.errors import OcrUnavailable
from bizcard.pipeline.ocr.words import read_turned, words_of_line
from bizcard.pipeline.types import Quad, Word

# The det/rec/cls files the pinned rapidocr 3.10 ships and uses by default.
BUNDLED_MODELS = (
    "PP-OCRv6_det_small.onnx",
    "PP-OCRv6_rec_small.onnx",
    "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
)

DETECTION_SIDE = 640
# Finding where the text is on a whole photo: small print on a card that fills a third of
# the frame is lost at 640 px, found at 1024 (~0.6 s on 2 cores for a 1600 px photo).
FINDING_SIDE = 1024
# A line box this many times taller than wide runs down the image: rapidocr turns its crop to
# read it, but lays its words out across the line as if it ran left to right.
SIDEWAYS_LINE_RATIO = 1.5


class RapidOcrEngine:
    name = "rapidocr"

    def __init__(self, *, threads: int) -> None:
        try:
            import rapidocr
        except ImportError as exc:
            raise OcrUnavailable(
                "rapidocr is not installed: pip install rapidocr==3.10.0 onnxruntime"
            ) from exc
        _quiet_idle_threads()
        models = Path(rapidocr.__file__).parent / "models"
        missing = [name for name in BUNDLED_MODELS if not (models / name).is_file()]
        if missing:
            raise OcrUnavailable(
                f"rapidocr model files missing in {models}: {', '.join(missing)}; "
                "reinstall rapidocr==3.10.0 (BizCard never downloads models)"
            )
        engine_params = {
            "Global.log_level": "error",
            "Det.limit_type": "max",
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        # Detection on at most 640 px: a card's text stays legible, and detection time drops
        # from ~1.7 s to ~0.25 s on 2 cores for a 1600 px card.
        self._ocr = _remembering_rapidocr(params={
            **engine_params, "Global.return_word_box": True,
            "Det.limit_side_len": DETECTION_SIDE})
        self._finder_params = {**engine_params, "Det.limit_side_len": FINDING_SIDE}
        self._finder = None

    def read(self, image: np.ndarray) -> list[Word]:
        """Words with boxes on ``image``. A card lying sideways (most lines run down the
        image) is read again turned upright, and its words' boxes turned back."""
        words, turn = self._read_once(image)
        if not turn:
            return words
        return read_turned(image, turn, lambda upright: self._read_once(upright)[0])

    def text_boxes(self, image: np.ndarray) -> list[Quad]:
        """Where text is on ``image``, found in finer detail than :meth:`read` looks (small
        print on a card that fills a fraction of a photo); nothing is recognised."""
        if self._finder is None:
            from rapidocr import RapidOCR

            self._finder = RapidOCR(params=self._finder_params)
        boxes = self._finder(image, use_cls=False, use_rec=False).boxes
        if boxes is None:
            return []
        return [tuple((float(x), float(y)) for x, y in box) for box in boxes]  # type: ignore[misc]

    def _read_once(self, image: np.ndarray) -> tuple[list[Word], int]:
        """The words, and the clockwise turn (0, 90 or 270) that would make the text
        upright when most lines run down the image."""
        result = self._ocr(image)
        if not result.txts:  # nothing read; word_results may still hold an empty stub
            return [], 0
        upside_down = self._ocr.upside_down_lines()
        words: list[Word] = []
        running_down: list[bool] = []
        for line_no, (line_text, line_score, pieces, line_box, flipped) in enumerate(
            zip(result.txts or (), result.scores or (), result.word_results or (),
                result.boxes if result.boxes is not None else (), upside_down, strict=True)
        ):
            box = [(float(x), float(y)) for x, y in line_box]
            if _runs_down(box):
                running_down.append(flipped)
            tokens = [
                (str(text), tuple((float(x), float(y)) for x, y in quad))
                for text, _, quad in pieces
            ]
            if flipped:
                tokens = _turn_pieces(tokens, box)
            words.extend(
                Word(text, quad, float(line_score), line_no)  # type: ignore[arg-type]
                for text, quad in words_of_line(str(line_text), tokens)  # type: ignore[arg-type]
            )
        if 2 * len(running_down) <= len(result.txts):
            return words, 0
        # rapidocr turns a tall crop counter-clockwise; text that then reads upside down
        # runs up the image, so the card needs a clockwise quarter turn, else the other.
        flipped_share = sum(running_down) / len(running_down)
        return words, 90 if flipped_share > 0.5 else 270


def _runs_down(box: list[tuple[float, float]]) -> bool:
    """Whether a line's box (corners clockwise from the image-top-left) is tall and narrow."""
    (x0, y0), (x1, y1), _, (x3, y3) = box
    across = np.hypot(x1 - x0, y1 - y0)
    down = np.hypot(x3 - x0, y3 - y0)
    return down > SIDEWAYS_LINE_RATIO * across


def _turn_pieces(tokens: list[tuple[str, Quad]], line_box: list[tuple[float, float]]
                 ) -> list[tuple[str, Quad]]:
    """Pieces of a line read upside down, moved to where they are printed.

    rapidocr reads such a line from its crop turned 180 degrees but lays the pieces out as
    if the crop had been upright: the first word's box sits at the line's image-left end,
    where the last word is printed. Each piece keeps its share of the line, now measured
    from the text's start (the box's image-right end), and its quad starts at the text's
    top-left like every other word's.
    """
    p0, p1, p2, p3 = (np.array(p) for p in line_box)
    axis = p1 - p0
    length = float(axis @ axis) or 1.0
    # The text's own corners: its top-left is the box's bottom-right.
    top_left, top_right, bottom_right, bottom_left = p2, p3, p0, p1
    turned = []
    for text, quad in tokens:
        along = [float((np.array(q) - p0) @ axis) / length for q in quad]
        start, end = min(along), max(along)

        def at(share: float, a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
            x, y = a + share * (b - a)
            return float(x), float(y)

        turned.append((text, (at(start, top_left, top_right), at(end, top_left, top_right),
                              at(end, bottom_left, bottom_right),
                              at(start, bottom_left, bottom_right))))
    return turned


def _quiet_idle_threads() -> None:
    """onnxruntime's threads spin for a while after each run, on the same two cores the
    next stage needs: the field model ran at ~64 ms p50 right after OCR instead of ~25 ms.
    rapidocr builds its sessions itself, so its session options get spinning turned off
    (OCR time is unchanged: 686 vs 693 ms p50 in a trial)."""
    from rapidocr.inference_engine.onnxruntime import main as ort_engine

    session_options = ort_engine.OrtInferSession._init_sess_opts
    if getattr(session_options, "quiet", False):
        return

    def quiet_options(cfg):  # type: ignore[no-untyped-def]
        options = session_options(cfg)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        return options

    quiet_options.quiet = True  # type: ignore[attr-defined]
    ort_engine.OrtInferSession._init_sess_opts = staticmethod(quiet_options)


def _remembering_rapidocr(params: dict):  # type: ignore[no-untyped-def]
    """rapidocr's pipeline, remembering which lines its angle classifier turned around.

    The subclass is defined here so that importing this module never needs rapidocr. The
    classifier's answers live per thread: one engine serves every worker thread.
    """
    from rapidocr import RapidOCR

    class Remembering(RapidOCR):
        _seen = threading.local()

        def cls_and_rotate(self, img):  # type: ignore[no-untyped-def]
            images, output = super().cls_and_rotate(img)
            # rapidocr turns a crop only above its classifier's threshold.
            threshold = self.cfg.Cls.cls_thresh
            turned = [("180" in label and score > threshold)
                      for label, score in (output.cls_res or [])]
            # A card's lines all face one way: the classifier's minority is its mistake (an
            # upright line read turned round reads as garbage).
            upside_down = 2 * sum(turned) > len(turned)
            images = [cv2.rotate(crop, cv2.ROTATE_180) if flag != upside_down else crop
                      for crop, flag in zip(images, turned, strict=True)]
            self._seen.turned = [upside_down] * len(turned)
            return images, output

        def recognize_txt(self, img):  # type: ignore[no-untyped-def]
            output = super().recognize_txt(img)
            self._seen.lines = list(zip(output.txts or (), output.scores or (),
                                        strict=True))
            return output

        def upside_down_lines(self) -> list[bool]:
            """For each line of the last result, whether the classifier read it
            turned 180 degrees; lines rapidocr drops (empty, or scored under its
            text_score) are dropped here too."""
            turned = getattr(self._seen, "turned", [])
            lines = getattr(self._seen, "lines", [])
            return [flag for flag, (text, score) in zip(turned, lines, strict=False)
                    if text.strip() and score >= self.text_score]

    return Remembering(params=params)
